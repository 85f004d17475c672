using System.Text.Json;

namespace Chanjing.Sdk;

/// <summary>A customised avatar (定制数字人) as the service reports it (<c>customised_person</c>, its list, its callback). Immutable.</summary>
public sealed class CustomAvatar : ChanjingJob
{
    private readonly LazyJson _raw;

    internal CustomAvatar(string id, string? name, CustomAvatarStatus status, int? progress, string? errorMessage, Uri? coverUrl, Uri? previewVideoUrl, int? width, int? height, string? voiceId, bool? isUsable, bool? supports4K, DateTimeOffset? createdAt, LazyJson rawJson)
    {
        Id = id;
        Name = name;
        Status = status;
        Progress = progress;
        ErrorMessage = errorMessage;
        CoverUrl = coverUrl;
        PreviewVideoUrl = previewVideoUrl;
        Width = width;
        Height = height;
        VoiceId = voiceId;
        IsUsable = isUsable;
        Supports4K = supports4K;
        CreatedAt = createdAt;
        _raw = rawJson;
        OutputUrls = status.IsSucceeded && previewVideoUrl is not null ? [previewVideoUrl] : [];
    }

    /// <summary>The avatar's id (<c>id</c>, <c>C-…</c>).</summary>
    public override string Id { get; }

    /// <summary>The name it was created with (<c>name</c>).</summary>
    public string? Name { get; }

    /// <summary>The status (<c>status</c>); unknown values are kept.</summary>
    public CustomAvatarStatus Status { get; }

    /// <inheritdoc />
    public override bool IsFinished => Status.IsFinished;

    /// <summary>Whether the avatar is ready (status 2).</summary>
    public override bool IsSucceeded => Status.IsSucceeded;

    /// <summary>Progress from 0 to 100 (<c>progress</c>).</summary>
    public override int? Progress { get; }

    /// <summary>Why making it failed (<c>err_reason</c>, else <c>reason</c>), verbatim.</summary>
    public override string? ErrorMessage { get; }

    /// <summary>The cover picture (<c>pic_url</c>).</summary>
    public Uri? CoverUrl { get; }

    /// <summary>A preview video (<c>preview_url</c>).</summary>
    public Uri? PreviewVideoUrl { get; }

    /// <summary>The figure's width in pixels (<c>width</c>), once ready.</summary>
    public int? Width { get; }

    /// <summary>The figure's height in pixels (<c>height</c>), once ready.</summary>
    public int? Height { get; }

    /// <summary>The voice cloned from the source video (<c>audio_man_id</c>); null when none was made.</summary>
    public string? VoiceId { get; }

    /// <summary>Whether the avatar can be used (<c>is_open</c> 1), when the service says.</summary>
    public bool? IsUsable { get; }

    /// <summary>Whether it can be rendered in 4K (<c>support_4k</c>), when the service says.</summary>
    public bool? Supports4K { get; }

    /// <summary>When it was created (<c>create_time</c>, Unix seconds).</summary>
    public override DateTimeOffset? CreatedAt { get; }

    /// <summary>The preview video, once ready.</summary>
    public override IReadOnlyList<Uri> OutputUrls { get; }

    /// <inheritdoc />
    public override JsonElement RawJson => _raw.Value;

    /// <inheritdoc />
    internal override string Kind => "Customised avatar";

    /// <inheritdoc />
    internal override string StatusText => Status.ToString();

    /// <inheritdoc />
    internal override bool IsKnownStatus => Status.IsKnown;

    /// <summary>Returns a short description: id, name and status.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Id} {Name} ({Status})";
}
