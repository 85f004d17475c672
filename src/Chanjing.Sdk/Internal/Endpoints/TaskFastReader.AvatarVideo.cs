#if NET8_0_OR_GREATER
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
#endif

namespace Chanjing.Sdk.Internal.Endpoints;

/// <summary>The one-pass reader of the avatar-video lookup, <c>GET /open/v1/video?id=</c>.</summary>
internal static partial class TaskFastReader
{
#if NET8_0_OR_GREATER
    /// <summary>Below the longest <see cref="TimeSpan"/> in seconds (about 9.2e11), so the duration never overflows.</summary>
    private const long MaxDurationSeconds = 900_000_000_000;

    private static readonly DataReader<AvatarVideo> AvatarVideoData = TryReadAvatarVideo;

    private static readonly FieldNames AvatarVideoFields = new("id", "status", "progress", "msg", "video_url", "preview_url", "subtitle_data_url", "duration", "create_time");

    /// <summary>
    /// The fast reader of <c>GET /open/v1/video?id=</c>: gives what <see cref="ProductReaders.ReadAvatarVideo"/> gives, or
    /// declines (a status that is not a whole Int32 number, a value of an unexpected type, a duration too long, ...).
    /// </summary>
    public static readonly FastEnvelopeReader<AvatarVideo>? Video = static (ReadOnlyMemory<byte> body, [MaybeNullWhen(false)] out AvatarVideo result) =>
        TryReadEnvelope(body, AvatarVideoData, out result);

    /// <summary>Reads the video object the reader is at; its RawJson is the slice of <paramref name="body"/> from its <c>{</c> to its <c>}</c>.</summary>
    private static bool TryReadAvatarVideo(ref Utf8JsonReader reader, ReadOnlyMemory<byte> body, [NotNullWhen(true)] out AvatarVideo? video)
    {
        video = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var start = (int)reader.TokenStartIndex;
        string? id = null, message = null, videoUrl = null, coverUrl = null, subtitleUrl = null;
        long? progress = null, duration = null, createTime = null;
        var status = 0; // JobPages.Status's value when absent or null
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!TryField(ref reader, AvatarVideoFields, ref seen, out var field)
                || !(field switch
                {
                    0 => TryString(ref reader, out id),
                    1 => TryStatus(ref reader, out status),
                    2 => TryInt64(ref reader, out progress),
                    3 => TryString(ref reader, out message),
                    4 => TryString(ref reader, out videoUrl),
                    5 => TryString(ref reader, out coverUrl),
                    6 => TryString(ref reader, out subtitleUrl),
                    7 => TryInt64(ref reader, out duration),
                    8 => TryInt64(ref reader, out createTime),
                    _ => Skip(ref reader),
                }))
            {
                return false;
            }
        }

        if (string.IsNullOrEmpty(id) || duration > MaxDurationSeconds)
        {
            return false;
        }

        video = new AvatarVideo(
            id,
            new AvatarVideoStatus(status),
            progress is { } p ? (int)Math.Max(0, Math.Min(100, p)) : null,
            message,
            HttpUrl(videoUrl),
            HttpUrl(coverUrl),
            HttpUrl(subtitleUrl),
            duration is > 0 ? TimeSpan.FromSeconds(duration.Value) : null,
            createTime is { } seconds and > 0 and <= MaxUnixSeconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null,
            new LazyJson(body.Slice(start, (int)reader.BytesConsumed - start)));
        return true;
    }

    /// <summary>
    /// As <see cref="JobPages.Status"/>: a number that is an Int32, or (null, a string) what <see cref="JsonReading.GetInt64"/>
    /// gives, out-of-range as <see cref="int.MinValue"/>; any other number (fractional, huge) is declined.
    /// </summary>
    private static bool TryStatus(ref Utf8JsonReader reader, out int status)
    {
        status = 0;
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.TryGetInt32(out status);
        }

        if (!TryInt64(ref reader, out var parsed))
        {
            return false;
        }

        status = parsed is not { } value ? 0 : value is >= int.MinValue and <= int.MaxValue ? (int)value : int.MinValue;
        return true;
    }

    /// <summary>As <see cref="JobPages.Url"/>: an absolute http(s) URL, or null.</summary>
    private static Uri? HttpUrl(string? text) =>
        text is { Length: > 0 } && Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) ? url : null;
#else
    /// <summary>No one-pass reader before .NET 8.</summary>
    public static readonly FastEnvelopeReader<AvatarVideo>? Video = null;
#endif
}
