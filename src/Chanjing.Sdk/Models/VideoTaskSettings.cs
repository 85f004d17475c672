namespace Chanjing.Sdk;

/// <summary>The request of a video task as the service echoes it (the wire object <c>motion_info</c>).</summary>
public sealed class VideoTaskSettings
{
    internal VideoTaskSettings(string? prompt, int clarity, string? aspectRatio, int durationSeconds, string? qualityMode, string? style, IReadOnlyList<Uri> photoUrls)
    {
        Prompt = prompt;
        Clarity = clarity;
        AspectRatio = aspectRatio;
        DurationSeconds = durationSeconds;
        QualityMode = qualityMode;
        Style = style;
        PhotoUrls = photoUrls;
    }

    /// <summary>The prompt (<c>ref_prompt</c>).</summary>
    public string? Prompt { get; }

    /// <summary>The clarity (<c>clarity</c>); 0 when not reported.</summary>
    public int Clarity { get; }

    /// <summary>The aspect ratio (<c>aspect_ratio</c>); null or empty when not reported.</summary>
    public string? AspectRatio { get; }

    /// <summary>The duration in seconds (<c>video_duration</c>); 0 when not reported.</summary>
    public int DurationSeconds { get; }

    /// <summary>The quality mode (<c>quality_mode</c>), for models that have one.</summary>
    public string? QualityMode { get; }

    /// <summary>The style (<c>style</c>), for models that have one.</summary>
    public string? Style { get; }

    /// <summary>The start photo URLs (<c>photo_path_url</c>); empty when the service reports null.</summary>
    public IReadOnlyList<Uri> PhotoUrls { get; }
}
