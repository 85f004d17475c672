namespace Chanjing.Sdk;

/// <summary>
/// A first frame (and optionally a last frame) and a prompt → a video: HappyHorse image-to-video
/// (<c>happyhorse-1.0-i2v</c>, the default), Doubao Seedance, Kling 2.5, MiniMax Hailuo. The frames are sent as
/// <c>start_frame</c> and <c>end_frame</c>.
/// </summary>
public sealed class ImageToVideoRequest : CreationRequest
{
    /// <summary>Creates a request for <see cref="ChanjingModels.HappyHorseImageToVideo"/>.</summary>
    public ImageToVideoRequest()
        : base(ChanjingModels.HappyHorseImageToVideo)
    {
    }

    /// <summary>The first frame (<c>start_frame</c>): an http(s) URL, or a <c>file:</c> URI of a local image uploaded first. At least one of the two frames is required (HappyHorse needs this one).</summary>
    public Uri? StartFrameUrl { get; set; }

    /// <summary>The last frame (<c>end_frame</c>) of models that take one; omitted when null.</summary>
    public Uri? EndFrameUrl { get; set; }

    /// <summary>The aspect ratio (<c>aspect_ratio</c>); omitted when null.</summary>
    public AspectRatio? AspectRatio { get; set; }

    /// <summary>The clarity (<c>clarity</c>); omitted when null.</summary>
    public VideoClarity? Clarity { get; set; }

    /// <summary>The video length in seconds (<c>video_duration</c>); omitted when null.</summary>
    public int? DurationSeconds { get; set; }

    /// <summary>The quality mode (<c>quality_mode</c>); omitted when null.</summary>
    public QualityMode? QualityMode { get; set; }

    /// <inheritdoc />
    public override CreationType CreationType => CreationType.Video;

    private protected override void WriteFields(Internal.Requests.SubmitDraft draft)
    {
        if (StartFrameUrl is null && EndFrameUrl is null)
        {
            throw new ArgumentNullException("request", $"{nameof(ImageToVideoRequest)}.{nameof(StartFrameUrl)} or {nameof(EndFrameUrl)} must be set; without a frame, use a TextToVideoRequest.");
        }

        draft.Url("start_frame", nameof(StartFrameUrl), StartFrameUrl, required: false);
        draft.Url("end_frame", nameof(EndFrameUrl), EndFrameUrl, required: false);
        draft.Aspect(AspectRatio, nameof(AspectRatio));
        draft.Number("clarity", nameof(Clarity), Clarity?.Value);
        draft.Number("video_duration", nameof(DurationSeconds), DurationSeconds);
        draft.Text("quality_mode", nameof(QualityMode), QualityMode?.Value);
    }
}
