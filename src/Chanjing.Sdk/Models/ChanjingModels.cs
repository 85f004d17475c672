namespace Chanjing.Sdk;

/// <summary>
/// The model codes Chanjing documents for AI creation (<c>model_code</c>, case-sensitive). Requests for these are
/// checked against their documented rules before anything is sent; any other code is sent with the generic checks
/// only, so a model Chanjing adds later works without a new SDK.
/// </summary>
public static class ChanjingModels
{
    /// <summary>HappyHorse reference images + prompt → video (720/1080p, 5 or 10 s). Use <see cref="ReferenceVideoRequest"/>.</summary>
    public const string HappyHorseReferenceToVideo = "happyhorse-1.0-r2v";

    /// <summary>HappyHorse first frame + prompt → video (720/1080p, 5 or 10 s). Use <see cref="ImageToVideoRequest"/>.</summary>
    public const string HappyHorseImageToVideo = "happyhorse-1.0-i2v";

    /// <summary>HappyHorse prompt → video (720/1080p, 5 or 10 s). Use <see cref="TextToVideoRequest"/>.</summary>
    public const string HappyHorseTextToVideo = "happyhorse-1.0-t2v";

    /// <summary>HappyHorse video edit: source videos (images optional) + prompt → video. Use <see cref="VideoEditRequest"/>.</summary>
    public const string HappyHorseVideoEdit = "happyhorse-1.0-video-edit";

    /// <summary>Doubao Seedance 1.0 lite: optional first/last frame + prompt → video. Use <see cref="ImageToVideoRequest"/> (or <see cref="TextToVideoRequest"/> without frames).</summary>
    public const string DoubaoSeedance10LiteImageToVideo = "Doubao-Seedance-1.0-lite-i2v";

    /// <summary>Doubao Seedance 1.0 pro: text-to-video and image-to-video. Use <see cref="TextToVideoRequest"/> or <see cref="ImageToVideoRequest"/>.</summary>
    public const string DoubaoSeedance10Pro = "Doubao-Seedance-1.0-pro";

    /// <summary>Doubao Seedance 2.0 (newer model; documented fields only in part). Use <see cref="TextToVideoRequest"/> or <see cref="ImageToVideoRequest"/>.</summary>
    public const string DoubaoSeedance20 = "Doubao-Seedance-2.0";

    /// <summary>Seedance 2.0 pro (newer model). Use <see cref="TextToVideoRequest"/> or <see cref="ImageToVideoRequest"/>.</summary>
    public const string Seedance20ProWeToken = "seedance-2.0-pro-wetoken";

    /// <summary>Kling 2.5 turbo: optional reference image (none = text-to-video), std/pro quality, no clarity. Use <see cref="ReferenceVideoRequest"/> or <see cref="TextToVideoRequest"/>.</summary>
    public const string KlingV25TurboNormal = "kling-v2-5-turbo-normal";

    /// <summary>Kling 2.5: optional first/last frame + prompt → video, optional quality mode. Use <see cref="ImageToVideoRequest"/>.</summary>
    public const string TxKling25 = "tx_kling2.5";

    /// <summary>Kling v2.1 master: start and end images as references, pro quality. Use <see cref="ReferenceVideoRequest"/>.</summary>
    public const string TxKlingV21Master = "tx_kling-v2-1-master";

    /// <summary>MiniMax Hailuo 02: optional first/last frame + prompt → 6 s video; ignores aspect ratio and quality. Use <see cref="ImageToVideoRequest"/>.</summary>
    public const string MiniMaxHailuo02 = "MiniMax-Hailuo-02";

    /// <summary>MiniMax H3 text-to-video at 1440 clarity, with <c>resolution_mode</c> native/super (set it through AdditionalFields). Use <see cref="TextToVideoRequest"/>.</summary>
    public const string MiniMaxH3TextToVideo = "minmax-h3-t2v";

    /// <summary>Doubao Seedream 3.0: prompt → 1-4 images; no reference images. Use <see cref="ImageGenerationRequest"/>.</summary>
    public const string DoubaoSeedream30TextToImage = "doubao-seedream-3.0-t2i";

    /// <summary>Doubao Seedream 4.0: prompt and optional reference images → 1-4 images (1024/2048/4096). Use <see cref="ImageGenerationRequest"/>.</summary>
    public const string DoubaoSeedream40 = "doubao-seedream-4.0";

    /// <summary>Doubao Seedream 4.5: text-to-image and image-to-image (2048/4096). Use <see cref="ImageGenerationRequest"/>.</summary>
    public const string DoubaoSeedream45 = "doubao-seedream-4.5";

    /// <summary>Kling v2.1 image: prompt and at most one reference image → 1-4 images (1024/2048). Use <see cref="ImageGenerationRequest"/>.</summary>
    public const string KlingV21Image = "kling-v2-1";

    /// <summary>Every model above, with its output type, request class and documented required and refused fields.</summary>
    public static IReadOnlyList<ChanjingModelInfo> Known => Internal.Requests.ModelRules.Known;

    /// <summary>The model called <paramref name="modelCode"/> (case-sensitive), or null when the SDK does not know it (it can still be used).</summary>
    /// <param name="modelCode">The model code.</param>
    /// <returns>The model, or null.</returns>
    public static ChanjingModelInfo? Find(string modelCode) => Known.FirstOrDefault(m => string.Equals(m.Code, modelCode, StringComparison.Ordinal));
}
