namespace Chanjing.Sdk;

/// <summary>
/// Reference images and a prompt → a video: HappyHorse reference-to-video (<c>happyhorse-1.0-r2v</c>, the default),
/// and the models that take <c>ref_img_url</c> images as references (for example <c>kling-v2-5-turbo-normal</c>).
/// </summary>
public sealed class ReferenceVideoRequest : CreationRequest
{
    /// <summary>The model code sent when <see cref="CreationRequest.ModelCode"/> is not changed: <c>happyhorse-1.0-r2v</c>.</summary>
    public const string DefaultModelCode = ChanjingModels.HappyHorseReferenceToVideo;

    /// <summary>Creates a request for <see cref="DefaultModelCode"/> with its defaults: 16:9, 1080p, 5 seconds.</summary>
    public ReferenceVideoRequest()
        : base(DefaultModelCode)
    {
    }

    /// <summary>
    /// The reference images (<c>ref_img_url</c>), at least one. Each must be an absolute http(s) URL, or a
    /// <c>file:</c> URI of a local JPEG/PNG/WEBP image, which the client uploads first.
    /// </summary>
    public IList<Uri> ReferenceImageUrls { get; } = new List<Uri>();

    /// <summary>The aspect ratio (<c>aspect_ratio</c>). Default <see cref="AspectRatio.Landscape16x9"/>; null omits it.</summary>
    public AspectRatio? AspectRatio { get; set; } = Sdk.AspectRatio.Landscape16x9;

    /// <summary>The clarity (<c>clarity</c>). Default <see cref="VideoClarity.P1080"/>; null omits it (models without the field).</summary>
    public VideoClarity? Clarity { get; set; } = VideoClarity.P1080;

    /// <summary>The video length in seconds (<c>video_duration</c>); must be positive. Default 5; null omits it.</summary>
    public int? DurationSeconds { get; set; } = 5;

    /// <summary>The quality mode (<c>quality_mode</c>) of models that have one; omitted when null.</summary>
    public QualityMode? QualityMode { get; set; }

    /// <inheritdoc />
    public override CreationType CreationType => CreationType.Video;

    private protected override void WriteFields(Internal.Requests.SubmitDraft draft)
    {
        draft.UrlList("ref_img_url", nameof(ReferenceImageUrls), ReferenceImageUrls, required: true);
        draft.Aspect(AspectRatio, nameof(AspectRatio));
        draft.Number("clarity", nameof(Clarity), Clarity?.Value);
        draft.Number("video_duration", nameof(DurationSeconds), DurationSeconds);
        draft.Text("quality_mode", nameof(QualityMode), QualityMode?.Value);
    }
}
