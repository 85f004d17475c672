namespace Chanjing.Sdk;

/// <summary>
/// A prompt (and optionally reference images) → 1 to 4 images: Doubao Seedream (<c>doubao-seedream-4.5</c>, the
/// default; 3.0 and 4.0) and Kling v2.1. Each image is one entry of the task's <see cref="CreationTask.OutputUrls"/>.
/// </summary>
public sealed class ImageGenerationRequest : CreationRequest
{
    /// <summary>Creates a request for <see cref="ChanjingModels.DoubaoSeedream45"/>.</summary>
    public ImageGenerationRequest()
        : base(ChanjingModels.DoubaoSeedream45)
    {
    }

    /// <summary>Reference images (<c>ref_img_url</c>), optional; omitted when empty. Not accepted by text-only models.</summary>
    public IList<Uri> ReferenceImageUrls { get; } = new List<Uri>();

    /// <summary>How many images to make (<c>number_of_images</c>), 1 to 4; omitted when null (one image).</summary>
    public int? NumberOfImages { get; set; }

    /// <summary>The image size (<c>clarity</c>: 1024, 2048 or 4096); omitted when null.</summary>
    public ImageClarity? Clarity { get; set; }

    /// <summary>The aspect ratio (<c>aspect_ratio</c>); omitted when null.</summary>
    public AspectRatio? AspectRatio { get; set; }

    /// <inheritdoc />
    public override CreationType CreationType => CreationType.Image;

    private protected override void WriteFields(Internal.Requests.SubmitDraft draft)
    {
        draft.RequirePrompt();
        draft.UrlList("ref_img_url", nameof(ReferenceImageUrls), ReferenceImageUrls, required: false);
        draft.Number("number_of_images", nameof(NumberOfImages), NumberOfImages);
        draft.Number("clarity", nameof(Clarity), Clarity?.Value);
        draft.Aspect(AspectRatio, nameof(AspectRatio));
    }
}
