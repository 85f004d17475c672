namespace Chanjing.Sdk;

/// <summary>
/// A HappyHorse reference-image-to-video task (model <c>happyhorse-1.0-r2v</c>): one or more reference
/// images and a prompt. Validated by the client before anything is sent.
/// </summary>
public sealed class ReferenceVideoRequest
{
    /// <summary>The model code sent when <see cref="ModelCode"/> is not changed: <c>happyhorse-1.0-r2v</c>.</summary>
    public const string DefaultModelCode = "happyhorse-1.0-r2v";

    /// <summary>
    /// The reference images (<c>ref_img_url</c>), at least one. Each must be an absolute http(s) URL, or a
    /// <c>file:</c> URI of a local JPEG/PNG/WEBP image, which the client uploads first.
    /// </summary>
    public IList<Uri> ReferenceImageUrls { get; } = new List<Uri>();

    /// <summary>The prompt (<c>ref_prompt</c>); required, sent verbatim.</summary>
    public string Prompt { get; set; } = string.Empty;

    /// <summary>The aspect ratio (<c>aspect_ratio</c>). Default <see cref="AspectRatio.Landscape16x9"/>.</summary>
    public AspectRatio AspectRatio { get; set; } = AspectRatio.Landscape16x9;

    /// <summary>The clarity (<c>clarity</c>). Default <see cref="VideoClarity.P1080"/>.</summary>
    public VideoClarity Clarity { get; set; } = VideoClarity.P1080;

    /// <summary>The video length in seconds (<c>video_duration</c>); must be positive. Default 5.</summary>
    public int DurationSeconds { get; set; } = 5;

    /// <summary>The model code (<c>model_code</c>, case-sensitive). Default <see cref="DefaultModelCode"/>.</summary>
    public string ModelCode { get; set; } = DefaultModelCode;
}
