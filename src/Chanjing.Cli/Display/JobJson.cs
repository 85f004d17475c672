using System.Globalization;
using System.Text.Json;
using Chanjing.Sdk;

namespace Chanjing.Cli.Display;

/// <summary>The JSON objects of avatar videos and avatars (written by hand: no reflection, AOT-safe).</summary>
internal static partial class JobJson
{
    /// <summary>Writes an avatar video: id, status, progress, error, duration, URLs, and the saved files when known.</summary>
    /// <param name="w">The writer.</param>
    /// <param name="video">The video.</param>
    /// <param name="files">The saved files, or null when nothing was downloaded.</param>
    /// <param name="extra">More properties, or null.</param>
    public static void WriteVideo(Utf8JsonWriter w, AvatarVideo video, IReadOnlyList<string>? files, Action<Utf8JsonWriter>? extra = null)
    {
        w.WriteStartObject();
        w.WriteString("id", video.Id);
        w.WriteNumber("status", video.Status.Value);
        w.WriteString("state", State(video));
        WriteNumber(w, "progress", video.Progress);
        JsonDocumentWriter.WriteNullable(w, "errorMessage", string.IsNullOrEmpty(video.ErrorMessage) ? null : video.ErrorMessage);
        if (video.Duration is { } duration)
        {
            w.WriteNumber("durationSeconds", duration.TotalSeconds);
        }
        else
        {
            w.WriteNull("durationSeconds");
        }

        WriteUrl(w, "videoUrl", video.VideoUrl);
        WriteUrl(w, "coverUrl", video.CoverUrl);
        WriteUrl(w, "subtitleTimelineUrl", video.SubtitleTimelineUrl);
        WriteTime(w, "createdAt", video.CreatedAt);
        WriteOutputs(w, video, files);
        extra?.Invoke(w);
        w.WriteEndObject();
    }

    /// <summary>Writes a customised avatar: id, name, status, progress, error, size, voice, URLs.</summary>
    /// <param name="w">The writer.</param>
    /// <param name="avatar">The avatar.</param>
    /// <param name="files">The saved files (its preview), or null.</param>
    /// <param name="extra">More properties, or null.</param>
    public static void WriteCustomAvatar(Utf8JsonWriter w, CustomAvatar avatar, IReadOnlyList<string>? files, Action<Utf8JsonWriter>? extra = null)
    {
        w.WriteStartObject();
        w.WriteString("id", avatar.Id);
        JsonDocumentWriter.WriteNullable(w, "name", avatar.Name);
        w.WriteNumber("status", avatar.Status.Value);
        w.WriteString("state", State(avatar));
        WriteNumber(w, "progress", avatar.Progress);
        JsonDocumentWriter.WriteNullable(w, "errorMessage", string.IsNullOrEmpty(avatar.ErrorMessage) ? null : avatar.ErrorMessage);
        WriteNumber(w, "width", avatar.Width);
        WriteNumber(w, "height", avatar.Height);
        JsonDocumentWriter.WriteNullable(w, "voiceId", string.IsNullOrEmpty(avatar.VoiceId) ? null : avatar.VoiceId);
        WriteBoolean(w, "usable", avatar.IsUsable);
        WriteBoolean(w, "supports4K", avatar.Supports4K);
        WriteUrl(w, "coverUrl", avatar.CoverUrl);
        WriteUrl(w, "previewVideoUrl", avatar.PreviewVideoUrl);
        WriteTime(w, "createdAt", avatar.CreatedAt);
        WriteOutputs(w, avatar, files);
        extra?.Invoke(w);
        w.WriteEndObject();
    }

    /// <summary>Writes a public avatar: id, name, gender, voice, tags and figures.</summary>
    /// <param name="w">The writer.</param>
    /// <param name="avatar">The avatar.</param>
    public static void WritePublicAvatar(Utf8JsonWriter w, PublicAvatar avatar)
    {
        w.WriteStartObject();
        w.WriteString("id", avatar.Id);
        JsonDocumentWriter.WriteNullable(w, "name", avatar.Name);
        JsonDocumentWriter.WriteNullable(w, "gender", string.IsNullOrEmpty(avatar.Gender) ? null : avatar.Gender);
        JsonDocumentWriter.WriteNullable(w, "voiceId", avatar.VoiceId);
        JsonDocumentWriter.WriteNullable(w, "voiceName", avatar.VoiceName);
        WriteUrl(w, "voicePreviewUrl", avatar.VoicePreviewUrl);
        w.WriteStartArray("tags");
        for (var i = 0; i < avatar.TagIds.Count; i++)
        {
            w.WriteStartObject();
            w.WriteNumber("id", avatar.TagIds[i]);
            JsonDocumentWriter.WriteNullable(w, "name", i < avatar.TagNames.Count ? avatar.TagNames[i] : null);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("figures");
        foreach (var figure in avatar.Figures)
        {
            w.WriteStartObject();
            w.WriteString("type", figure.Type.Value);
            w.WriteNumber("width", figure.Width);
            w.WriteNumber("height", figure.Height);
            WriteUrl(w, "coverUrl", figure.CoverUrl);
            WriteUrl(w, "previewVideoUrl", figure.PreviewVideoUrl);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary><c>succeeded</c>, <c>failed</c> or <c>running</c>, by the product's own rule.</summary>
    /// <param name="job">The job.</param>
    /// <returns>The state.</returns>
    public static string State(ChanjingJob job) => job.IsSucceeded ? "succeeded" : job.IsFinished ? "failed" : "running";

    private static void WriteOutputs(Utf8JsonWriter w, ChanjingJob job, IReadOnlyList<string>? files)
    {
        w.WriteStartArray("outputUrls");
        foreach (var url in job.OutputUrls)
        {
            w.WriteStringValue(UrlText.Of(url));
        }

        w.WriteEndArray();
        w.WriteStartArray("files");
        foreach (var file in files ?? [])
        {
            w.WriteStringValue(file);
        }

        w.WriteEndArray();
    }

    private static void WriteUrl(Utf8JsonWriter w, string name, Uri? url) => JsonDocumentWriter.WriteNullable(w, name, url is null ? null : UrlText.Of(url));

    private static void WriteTime(Utf8JsonWriter w, string name, DateTimeOffset? value) =>
        JsonDocumentWriter.WriteNullable(w, name, value?.ToString("O", CultureInfo.InvariantCulture));

    private static void WriteNumber(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } number)
        {
            w.WriteNumber(name, number);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteBoolean(Utf8JsonWriter w, string name, bool? value)
    {
        if (value is { } flag)
        {
            w.WriteBoolean(name, flag);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
