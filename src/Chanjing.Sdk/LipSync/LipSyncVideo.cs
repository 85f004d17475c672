using System.Text.Json;

namespace Chanjing.Sdk;

/// <summary>A lip-sync video (对口型) as the service reports it (<c>video_lip_sync/detail</c>, its list, its callback). Immutable.</summary>
public sealed class LipSyncVideo : ChanjingJob
{
    private readonly LazyJson _raw;

    internal LipSyncVideo(string id, LipSyncStatus status, int? progress, string? message, Uri? videoUrl, Uri? coverUrl, TimeSpan? duration, DateTimeOffset? createdAt, LazyJson rawJson)
    {
        Id = id;
        Status = status;
        Progress = progress;
        Message = message;
        VideoUrl = videoUrl;
        CoverUrl = coverUrl;
        Duration = duration;
        CreatedAt = createdAt;
        _raw = rawJson;
        OutputUrls = IsSucceeded ? [videoUrl!] : [];
    }

    /// <summary>The video's id (<c>id</c>).</summary>
    public override string Id { get; }

    /// <summary>The status (<c>status</c>); unknown values are kept.</summary>
    public LipSyncStatus Status { get; }

    /// <inheritdoc />
    public override bool IsFinished => Status.IsFinished;

    /// <summary>Whether the status is 20 and the service gave the video's URL (20 without one is a failure).</summary>
    public override bool IsSucceeded => Status.IsSucceeded && VideoUrl is not null;

    /// <summary>Progress from 0 to 100 (<c>progress</c>).</summary>
    public override int? Progress { get; }

    /// <summary>The service's message (<c>msg</c>), verbatim, whatever the status.</summary>
    public string? Message { get; }

    /// <summary>The service's text for a failure (<c>msg</c> of a video that did not succeed); null otherwise.</summary>
    public override string? ErrorMessage => Status.IsSucceeded && VideoUrl is not null ? null : Message;

    /// <summary>The MP4 (<c>video_url</c>), once succeeded.</summary>
    public Uri? VideoUrl { get; }

    /// <summary>The cover picture (<c>preview_url</c>).</summary>
    public Uri? CoverUrl { get; }

    /// <summary>The video's length (<c>duration</c>, milliseconds on the wire).</summary>
    public TimeSpan? Duration { get; }

    /// <summary>When the video was created (<c>create_time</c>, Unix seconds).</summary>
    public override DateTimeOffset? CreatedAt { get; }

    /// <summary>The video, once succeeded.</summary>
    public override IReadOnlyList<Uri> OutputUrls { get; }

    /// <inheritdoc />
    public override JsonElement RawJson => _raw.Value;

    /// <inheritdoc />
    internal override string Kind => "Lip-sync video";

    /// <inheritdoc />
    internal override string StatusText => Status.ToString();

    /// <inheritdoc />
    internal override bool IsKnownStatus => Status.IsKnown;

    /// <summary>Returns a short description: id, status and error message.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        string.IsNullOrEmpty(ErrorMessage) ? $"{Id} ({Status})" : $"{Id} ({Status}: {ErrorMessage})";
}
