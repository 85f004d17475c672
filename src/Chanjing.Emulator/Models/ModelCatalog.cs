using static Chanjing.Emulator.Models.FieldPresence;
using static Chanjing.Emulator.Models.FieldRule;

namespace Chanjing.Emulator.Models;

/// <summary>
/// Every AI-creation model the emulator knows, one row per <c>model_code</c>, with the facts of chanjing-api.md
/// ("Every AI-creation model"). To add a model, add a row. "Required" is what the model page lists without "optional";
/// <c>quality_mode</c>, <c>style</c>, <c>number_of_images</c>, frames and <c>callback</c> are optional everywhere.
/// </summary>
internal static class ModelCatalog
{
    private static readonly string[] HappyHorseRatios = ["9:16", "16:9", "1:1"];
    private static readonly string[] SeedreamRatios = ["1:1", "3:4", "4:3", "9:16", "16:9"];

    private static readonly ModelRule[] Rows =
    [
        // Video (creation_type 4).
        ModelRule.ForVideo("happyhorse-1.0-r2v",
            Images(Required), Prompt(Required), Aspect(Required, HappyHorseRatios), Clarity(Required, 720, 1080), Duration(Required, 5, 10)),
        // The page body sends the first frame as start_frame, its table and curl as ref_img_url: [url]. Both work.
        ModelRule.ForVideo("happyhorse-1.0-i2v",
            Images(Optional, 1, 1), StartFrame(Optional), Prompt(Required), Aspect(Optional, HappyHorseRatios), Clarity(Required, 720, 1080), Duration(Required, 5, 10))
            with { RequireOneOf = ["ref_img_url", "start_frame"] },
        ModelRule.ForVideo("happyhorse-1.0-t2v",
            Images(Forbidden), StartFrame(Forbidden), EndFrame(Forbidden), Prompt(Required), Aspect(Required, HappyHorseRatios), Clarity(Required, 720, 1080), Duration(Required, 5, 10)),
        ModelRule.ForVideo("happyhorse-1.0-video-edit",
            Images(Required), Prompt(Required), Clarity(Optional, 720, 1080))
            with { RequiresVideoReference = true },
        ModelRule.ForVideo("Doubao-Seedance-1.0-lite-i2v",
            StartFrame(Optional), EndFrame(Optional), Prompt(Required), Aspect(Optional), Clarity(Optional), Duration(Required)),
        ModelRule.ForVideo("Doubao-Seedance-1.0-pro",
            Images(Optional), StartFrame(Optional), EndFrame(Optional), Prompt(Required), Aspect(Optional), Clarity(Optional), Duration(Optional)),
        ModelRule.ForVideo("kling-v2-5-turbo-normal",
            Images(Optional, 1, 1), Prompt(Required), Aspect(Optional), Quality(Optional), Duration(Required))
            with { DefaultClarity = 0 },
        ModelRule.ForVideo("tx_kling2.5",
            StartFrame(Optional), EndFrame(Optional), Prompt(Optional), Aspect(Optional), Clarity(Optional), Quality(Optional), Duration(Required)),
        ModelRule.ForVideo("tx_kling-v2-1-master",
            Images(Required, 1, 2), Prompt(Required), Aspect(Required), Clarity(Required), Quality(Optional, "pro"), Duration(Required)),
        // 6 s is documented; 10 s is MiniMax's other upstream length (inferred). aspect_ratio and quality_mode are ignored.
        ModelRule.ForVideo("MiniMax-Hailuo-02",
            StartFrame(Optional), EndFrame(Optional), Prompt(Required), Clarity(Optional), Duration(Required, 6, 10))
            with { DefaultDuration = 6 },
        ModelRule.ForVideo("Doubao-Seedance-2.0",
            Images(Optional), StartFrame(Optional), EndFrame(Optional), Prompt(Required), Aspect(Optional), Clarity(Optional), Quality(Optional), Duration(Optional)),
        ModelRule.ForVideo("seedance-2.0-pro-wetoken",
            Images(Optional), StartFrame(Optional), EndFrame(Optional), Prompt(Required), Aspect(Optional), Clarity(Optional), Quality(Optional), Duration(Optional)),
        ModelRule.ForVideo("minmax-h3-t2v",
            Images(Forbidden), StartFrame(Forbidden), EndFrame(Forbidden), Prompt(Required), Aspect(Optional), Clarity(Optional), ResolutionMode(Optional), Duration(Optional))
            with { DefaultClarity = 1440, DefaultDuration = 6 },

        // Image (creation_type 3).
        ModelRule.ForImage("doubao-seedream-3.0-t2i",
            Images(Forbidden), StartFrame(Forbidden), Prompt(Required), Aspect(Optional, SeedreamRatios), Clarity(Optional, 1024, 2048, 4096), ImageCount(Optional)),
        ModelRule.ForImage("doubao-seedream-4.0",
            Images(Optional), Prompt(Required), Aspect(Required), Clarity(Required, 1024, 2048, 4096), ImageCount(Optional)),
        ModelRule.ForImage("doubao-seedream-4.5",
            Images(Optional), Prompt(Required), Aspect(Optional), Clarity(Optional, 2048, 4096), ImageCount(Optional)),
        // The page contradicts itself on reference images ("only 1" and "not supported"): at most one is accepted.
        ModelRule.ForImage("kling-v2-1",
            Images(Optional, 1, 1), Prompt(Required), Aspect(Required), Clarity(Required, 1024, 2048), ImageCount(Optional))
            with { DefaultClarity = 1024 },
    ];

    /// <summary>The rules by model code (case-sensitive, as the service treats model codes).</summary>
    public static IReadOnlyDictionary<string, ModelRule> ByCode { get; } = Rows.ToDictionary(r => r.Code, StringComparer.Ordinal);

    /// <summary>Every known model, in table order.</summary>
    public static IReadOnlyList<ModelRule> All => Rows;
}
