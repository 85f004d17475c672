namespace Chanjing.Sdk;

/// <summary>A prompt → a video, with no image: HappyHorse text-to-video (<c>happyhorse-1.0-t2v</c>, the default), <c>minmax-h3-t2v</c>.</summary>
public sealed class TextToVideoRequest : CreationRequest
{
    /// <summary>Creates a request for <see cref="ChanjingModels.HappyHorseTextToVideo"/>.</summary>
    public TextToVideoRequest()
        : base(ChanjingModels.HappyHorseTextToVideo)
    {
    }

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
        draft.RequirePrompt();
        draft.Aspect(AspectRatio, nameof(AspectRatio));
        draft.Number("clarity", nameof(Clarity), Clarity?.Value);
        draft.Number("video_duration", nameof(DurationSeconds), DurationSeconds);
        draft.Text("quality_mode", nameof(QualityMode), QualityMode?.Value);
    }
}
