using System.Text.Json;

namespace Chanjing.Sdk;

/// <summary>An avatar video (合成视频) as the service reports it (<c>video</c>, <c>video_list</c>). Immutable.</summary>
public sealed class AvatarVideo : ChanjingJob
{
    private readonly LazyJson _raw;

    internal AvatarVideo(string id, AvatarVideoStatus status, int? progress, string? errorMessage, Uri? videoUrl, Uri? coverUrl, Uri? subtitleTimelineUrl, TimeSpan? duration, DateTimeOffset? createdAt, LazyJson rawJson)
    {
        Id = id;
        Status = status;
        Progress = progress;
        ErrorMessage = errorMessage;
        VideoUrl = videoUrl;
        CoverUrl = coverUrl;
        SubtitleTimelineUrl = subtitleTimelineUrl;
        Duration = duration;
        CreatedAt = createdAt;
        _raw = rawJson;
        OutputUrls = status.IsSucceeded && videoUrl is not null ? [videoUrl] : [];
    }

    /// <summary>The video's id (<c>id</c>), as <see cref="AvatarVideoClient.CreateAsync"/> returned it.</summary>
    public override string Id { get; }

    /// <summary>The status (<c>status</c>); unknown values are kept.</summary>
    public AvatarVideoStatus Status { get; }

    /// <inheritdoc />
    public override bool IsFinished => Status.IsFinished;

    /// <summary>Whether the status is 30 and the service gave the video's URL.</summary>
    public override bool IsSucceeded => Status.IsSucceeded && VideoUrl is not null;

    /// <summary>Progress from 0 to 100 (<c>progress</c>).</summary>
    public override int? Progress { get; }

    /// <summary>The service's text for a failure (<c>msg</c>), verbatim, such as <c>蝉豆不足扣费失败</c>; empty otherwise.</summary>
    public override string? ErrorMessage { get; }

    /// <summary>The MP4 (<c>video_url</c>), once succeeded.</summary>
    public Uri? VideoUrl { get; }

    /// <summary>The cover picture (<c>preview_url</c>).</summary>
    public Uri? CoverUrl { get; }

    /// <summary>A JSON file with the subtitle timeline (<c>subtitle_data_url</c>), when subtitles were made.</summary>
    public Uri? SubtitleTimelineUrl { get; }

    /// <summary>The video's length (<c>duration</c>, whole seconds on the wire).</summary>
    public TimeSpan? Duration { get; }

    /// <summary>When the video was created (<c>create_time</c>, Unix seconds).</summary>
    public override DateTimeOffset? CreatedAt { get; }

    /// <summary>The video, once succeeded: what <see cref="IChanjingClient.DownloadOutputsAsync(ChanjingJob, string, IProgress{long}?, CancellationToken)"/> saves.</summary>
    public override IReadOnlyList<Uri> OutputUrls { get; }

    /// <inheritdoc />
    public override JsonElement RawJson => _raw.Value;

    /// <summary>The UTF-8 text of <see cref="RawJson"/>, unparsed.</summary>
    internal ReadOnlyMemory<byte> RawUtf8 => _raw.Utf8;

    /// <inheritdoc />
    internal override string Kind => "Avatar video";

    /// <inheritdoc />
    internal override string StatusText => Status.ToString();

    /// <inheritdoc />
    internal override bool IsKnownStatus => Status.IsKnown;

    /// <summary>Returns a short description: id, status and error message.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        string.IsNullOrEmpty(ErrorMessage) ? $"{Id} ({Status})" : $"{Id} ({Status}: {ErrorMessage})";
}
