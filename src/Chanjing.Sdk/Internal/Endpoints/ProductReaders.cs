using System.Text.Json;

namespace Chanjing.Sdk.Internal.Endpoints;

/// <summary>Reads the job objects of the digital-human products (avatar videos, customised avatars), tolerating missing fields.</summary>
internal static class ProductReaders
{
    public static AvatarVideo ReadAvatarVideo(JsonElement data, ReadOnlyMemory<byte> body = default)
    {
        var id = RequireId(data, "avatar video");
        var seconds = JsonReading.GetInt64(data, "duration");
        return new AvatarVideo(
            id,
            new AvatarVideoStatus(JobPages.Status(data, "status", 0)),
            Percent(data),
            JsonReading.GetString(data, "msg"),
            JobPages.Url(data, "video_url"),
            JobPages.Url(data, "preview_url"),
            JobPages.Url(data, "subtitle_data_url"),
            seconds is > 0 ? TimeSpan.FromSeconds(seconds.Value) : null,
            JobPages.UnixSeconds(data, "create_time"),
            LazyJson.Of(data, body));
    }

    public static CustomAvatar ReadCustomAvatar(JsonElement data, ReadOnlyMemory<byte> body = default)
    {
        var id = RequireId(data, "customised avatar");
        var reason = JsonReading.GetString(data, "err_reason");
        if (string.IsNullOrEmpty(reason))
        {
            reason = JsonReading.GetString(data, "reason");
        }

        var voice = JsonReading.GetString(data, "audio_man_id");
        var open = JsonReading.GetInt64(data, "is_open");
        return new CustomAvatar(
            id,
            JsonReading.GetString(data, "name"),
            new CustomAvatarStatus(JobPages.Status(data, "status", 0)),
            Percent(data),
            reason,
            JobPages.Url(data, "pic_url"),
            JobPages.Url(data, "preview_url"),
            Positive(data, "width"),
            Positive(data, "height"),
            string.IsNullOrEmpty(voice) ? null : voice,
            open is null ? null : open == 1,
            JobPages.Bool(data, "support_4k"),
            JobPages.UnixSeconds(data, "create_time"),
            LazyJson.Of(data, body));
    }

    private static string RequireId(JsonElement data, string what)
    {
        if (data.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"Expected the {what} object in 'data' but found {data.ValueKind}.");
        }

        return JsonReading.GetString(data, "id") is { Length: > 0 } id ? id : throw new FormatException($"The {what} object has no 'id'.");
    }

    private static int? Percent(JsonElement data) => JsonReading.GetInt64(data, "progress") is { } p ? (int)Math.Max(0, Math.Min(100, p)) : null;

    private static int? Positive(JsonElement data, string name) => JsonReading.GetInt64(data, name) is { } v and > 0 and <= int.MaxValue ? (int)v : null;
}
