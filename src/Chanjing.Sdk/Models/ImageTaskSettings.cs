namespace Chanjing.Sdk;

/// <summary>The request of an image task as the service echoes it (the wire object <c>photo_info</c>).</summary>
public sealed class ImageTaskSettings
{
    internal ImageTaskSettings(string? prompt, int clarity, string? aspectRatio, string? qualityMode, int numberOfImages, IReadOnlyList<Uri> referenceImageUrls)
    {
        Prompt = prompt;
        Clarity = clarity;
        AspectRatio = aspectRatio;
        QualityMode = qualityMode;
        NumberOfImages = numberOfImages;
        ReferenceImageUrls = referenceImageUrls;
    }

    /// <summary>The prompt (<c>ref_prompt</c>).</summary>
    public string? Prompt { get; }

    /// <summary>The clarity (<c>clarity</c>); 0 when not reported.</summary>
    public int Clarity { get; }

    /// <summary>The aspect ratio (<c>aspect_ratio</c>).</summary>
    public string? AspectRatio { get; }

    /// <summary>The quality mode (<c>quality_mode</c>).</summary>
    public string? QualityMode { get; }

    /// <summary>How many images were asked for (<c>number_of_images</c>).</summary>
    public int NumberOfImages { get; }

    /// <summary>The reference images (<c>ref_img_url</c>).</summary>
    public IReadOnlyList<Uri> ReferenceImageUrls { get; }
}
