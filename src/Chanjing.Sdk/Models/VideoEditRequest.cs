namespace Chanjing.Sdk;

/// <summary>
/// Videos (and optionally images) and a prompt → an edited video: HappyHorse video edit
/// (<c>happyhorse-1.0-video-edit</c>, the default). The sources are sent as <c>ref_img_url</c>.
/// </summary>
public sealed class VideoEditRequest : CreationRequest
{
    /// <summary>Creates a request for <see cref="ChanjingModels.HappyHorseVideoEdit"/>.</summary>
    public VideoEditRequest()
        : base(ChanjingModels.HappyHorseVideoEdit)
    {
    }

    /// <summary>
    /// The sources (<c>ref_img_url</c>): at least one video (MP4/MOV), images optional. Each an http(s) URL, or a
    /// <c>file:</c> URI of a local file uploaded first.
    /// </summary>
    public IList<Uri> SourceUrls { get; } = new List<Uri>();

    /// <summary>The clarity (<c>clarity</c>); omitted when null.</summary>
    public VideoClarity? Clarity { get; set; }

    /// <inheritdoc />
    public override CreationType CreationType => CreationType.Video;

    private protected override void WriteFields(Internal.Requests.SubmitDraft draft)
    {
        draft.UrlList("ref_img_url", nameof(SourceUrls), SourceUrls, required: true, allowVideo: true);
        draft.Number("clarity", nameof(Clarity), Clarity?.Value);
    }
}
