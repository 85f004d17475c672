using System.Globalization;

namespace Chanjing.Sdk.Internal.Requests;

/// <summary>
/// The documented rules of every model in <see cref="ChanjingModels"/> (chanjing-api.md, "Every AI-creation model"),
/// checked against the final body before any I/O. A model code not in the table gets only the generic checks, so a
/// model Chanjing adds later can be used at once. To add a model: a constant in <see cref="ChanjingModels"/> and a row here.
/// </summary>
internal static class ModelRules
{
    private static readonly string[] HappyHorseRatios = ["9:16", "16:9", "1:1"];
    private static readonly string[] SeedreamRatios = ["1:1", "3:4", "4:3", "9:16", "16:9"];
    private static readonly string[] NoImages = ["ref_img_url", "start_frame", "end_frame"];
    private static readonly string[] StdPro = ["std", "pro"];

    private static readonly Dictionary<string, ModelRule> Rules = new ModelRule[]
    {
        new(ChanjingModels.HappyHorseReferenceToVideo, CreationType.Video, typeof(ReferenceVideoRequest), "HappyHorse reference images + prompt to video") { Required = ["ref_img_url", "ref_prompt", "aspect_ratio", "clarity", "video_duration"], Forbidden = ["start_frame", "end_frame"], AspectRatios = HappyHorseRatios, Clarities = [720, 1080], Durations = [5, 10] },
        new(ChanjingModels.HappyHorseImageToVideo, CreationType.Video, typeof(ImageToVideoRequest), "HappyHorse first frame + prompt to video") { Required = ["ref_prompt", "clarity", "video_duration"], NeedsFirstFrame = true, MaxReferenceImages = 1, AspectRatios = HappyHorseRatios, Clarities = [720, 1080], Durations = [5, 10] },
        new(ChanjingModels.HappyHorseTextToVideo, CreationType.Video, typeof(TextToVideoRequest), "HappyHorse prompt to video") { Required = ["ref_prompt", "aspect_ratio", "clarity", "video_duration"], Forbidden = NoImages, AspectRatios = HappyHorseRatios, Clarities = [720, 1080], Durations = [5, 10] },
        new(ChanjingModels.HappyHorseVideoEdit, CreationType.Video, typeof(VideoEditRequest), "HappyHorse video edit") { Required = ["ref_img_url", "ref_prompt"], Forbidden = ["start_frame", "end_frame"], Clarities = [720, 1080], NeedsVideoSource = true },
        new(ChanjingModels.DoubaoSeedance10LiteImageToVideo, CreationType.Video, typeof(ImageToVideoRequest), "Doubao Seedance 1.0 lite, first/last frame to video") { Required = ["ref_prompt", "video_duration"] },
        new(ChanjingModels.DoubaoSeedance10Pro, CreationType.Video, typeof(TextToVideoRequest), "Doubao Seedance 1.0 pro, text or image to video") { Required = ["ref_prompt"] },
        new(ChanjingModels.DoubaoSeedance20, CreationType.Video, typeof(TextToVideoRequest), "Doubao Seedance 2.0") { Required = ["ref_prompt"] },
        new(ChanjingModels.Seedance20ProWeToken, CreationType.Video, typeof(TextToVideoRequest), "Seedance 2.0 pro") { Required = ["ref_prompt"] },
        new(ChanjingModels.KlingV25TurboNormal, CreationType.Video, typeof(ReferenceVideoRequest), "Kling 2.5 turbo, optional reference image, std/pro") { Required = ["ref_prompt", "video_duration"], Forbidden = ["clarity"], QualityModes = StdPro, MaxReferenceImages = 1 },
        new(ChanjingModels.TxKling25, CreationType.Video, typeof(ImageToVideoRequest), "Kling 2.5, first/last frame to video") { Required = ["video_duration"], QualityModes = StdPro },
        new(ChanjingModels.TxKlingV21Master, CreationType.Video, typeof(ReferenceVideoRequest), "Kling v2.1 master, start and end images") { Required = ["ref_img_url", "ref_prompt", "aspect_ratio", "clarity", "video_duration"], MaxReferenceImages = 2, QualityModes = ["pro"] },
        new(ChanjingModels.MiniMaxHailuo02, CreationType.Video, typeof(ImageToVideoRequest), "MiniMax Hailuo 02, first/last frame to video") { Required = ["ref_prompt", "video_duration"], Durations = [6, 10] },
        new(ChanjingModels.MiniMaxH3TextToVideo, CreationType.Video, typeof(TextToVideoRequest), "MiniMax H3 text to video at 1440") { Required = ["ref_prompt"], Forbidden = NoImages },
        new(ChanjingModels.DoubaoSeedream30TextToImage, CreationType.Image, typeof(ImageGenerationRequest), "Doubao Seedream 3.0 text to image") { Required = ["ref_prompt"], Forbidden = NoImages, AspectRatios = SeedreamRatios, Clarities = [1024, 2048, 4096] },
        new(ChanjingModels.DoubaoSeedream40, CreationType.Image, typeof(ImageGenerationRequest), "Doubao Seedream 4.0 text/image to image") { Required = ["ref_prompt", "aspect_ratio", "clarity"], Forbidden = ["start_frame", "end_frame"], Clarities = [1024, 2048, 4096] },
        new(ChanjingModels.DoubaoSeedream45, CreationType.Image, typeof(ImageGenerationRequest), "Doubao Seedream 4.5 text/image to image") { Required = ["ref_prompt"], Forbidden = ["start_frame", "end_frame"], Clarities = [2048, 4096] },
        // The page says both "only 1" and "not supported" for reference images: at most one is accepted.
        new(ChanjingModels.KlingV21Image, CreationType.Image, typeof(ImageGenerationRequest), "Kling v2.1 image") { Required = ["ref_prompt", "aspect_ratio", "clarity"], Forbidden = ["start_frame", "end_frame"], MaxReferenceImages = 1, Clarities = [1024, 2048] },
    }.ToDictionary(r => r.Code, StringComparer.Ordinal);

    /// <summary>Every model with documented rules, as public descriptions.</summary>
    public static IReadOnlyList<ChanjingModelInfo> Known { get; } = Rules.Values
        .Select(r => new ChanjingModelInfo(r.Code, r.Type, r.Family, r.Description, r.Required, r.Forbidden))
        .ToArray();

    public static bool TryGet(string modelCode, out ModelRule rule) => Rules.TryGetValue(modelCode, out rule!);

    /// <summary>Generic rules for every model, then the documented rules of a known one; throws <see cref="ArgumentException"/> naming the property.</summary>
    public static void Check(SubmitDraft draft)
    {
        if (draft.WholeOf("number_of_images") is { } images && images is < 1 or > 4)
        {
            throw Refuse(draft, "number_of_images", $"must be between 1 and 4, but was {images}");
        }

        if (!Rules.TryGetValue(draft.ModelCode, out var rule))
        {
            return;
        }

        if (rule.Type != draft.CreationType)
        {
            throw new ArgumentException($"{draft.RequestName}: model {rule.Code} makes {(rule.Type == CreationType.Image ? "images" : "videos")}, but a {draft.RequestName} makes {(draft.CreationType == CreationType.Image ? "images" : "videos")}. {Hint(rule)}", "request");
        }

        foreach (var field in rule.Forbidden)
        {
            if (draft.Has(field))
            {
                throw Refuse(draft, field, $"is not accepted by model {rule.Code} ('{field}'){(field == "clarity" ? "; set it to null" : string.Empty)}");
            }
        }

        foreach (var field in rule.Required)
        {
            if (!draft.Has(field))
            {
                throw Refuse(draft, field, $"is required by model {rule.Code} ('{field}')");
            }
        }

        if (rule.NeedsFirstFrame && !draft.Has("start_frame") && !draft.Has("ref_img_url"))
        {
            throw Refuse(draft, "start_frame", $"is required by model {rule.Code}: it needs a first frame");
        }

        if (draft.CountOf("ref_img_url") is { } references && references > rule.MaxReferenceImages)
        {
            throw Refuse(draft, "ref_img_url", $"holds {references} URLs; model {rule.Code} takes at most {rule.MaxReferenceImages}");
        }

        if (rule.NeedsVideoSource && draft.TextsOf("ref_img_url") is { Count: > 0 } sources && sources.All(IsImageFile))
        {
            throw Refuse(draft, "ref_img_url", $"holds only images; model {rule.Code} needs at least one video (MP4 or MOV) to edit");
        }

        Allowed(draft, rule, "aspect_ratio", rule.AspectRatios);
        Allowed(draft, rule, "quality_mode", rule.QualityModes);
        Allowed(draft, rule, "clarity", rule.Clarities);
        Allowed(draft, rule, "video_duration", rule.Durations);
    }

    private static void Allowed(SubmitDraft draft, ModelRule rule, string field, string[] allowed)
    {
        if (allowed.Length > 0 && draft.TextOf(field) is { } value && Array.IndexOf(allowed, value) < 0)
        {
            throw Refuse(draft, field, $"is '{value}', but model {rule.Code} takes {string.Join(", ", allowed)}");
        }
    }

    private static void Allowed(SubmitDraft draft, ModelRule rule, string field, int[] allowed)
    {
        if (allowed.Length > 0 && draft.WholeOf(field) is { } number && (number is < int.MinValue or > int.MaxValue || Array.IndexOf(allowed, (int)number) < 0))
        {
            throw Refuse(draft, field, $"is {number}, but model {rule.Code} takes {string.Join(", ", allowed.Select(a => a.ToString(CultureInfo.InvariantCulture)))}");
        }
    }

    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png", ".webp", ".bmp", ".gif"];

    /// <summary>A source whose path ends with an image extension (one without an extension could be anything, so it passes).</summary>
    private static bool IsImageFile(string? text)
    {
        if (text is null)
        {
            return false;
        }

        var path = Uri.TryCreate(text, UriKind.Absolute, out var uri) && !uri.IsFile ? uri.AbsolutePath : text;
        return ImageExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));
    }

    private static string Hint(ModelRule rule) => rule.Type == CreationType.Image ? "Use ImageGenerationRequest." : "Use a video request family (ReferenceVideoRequest, ImageToVideoRequest, TextToVideoRequest, VideoEditRequest).";

    private static ArgumentException Refuse(SubmitDraft draft, string field, string rule) => new($"{draft.PropertyOf(field)} {rule}.", "request");
}
