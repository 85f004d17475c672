namespace Chanjing.Emulator.Models;

/// <summary>
/// What one model code accepts on the submit endpoint: its creation type, its fields, the defaults the service applies
/// when an optional field is absent, and the cross-field rules of the few models that have them.
/// Fields a rule does not list are accepted and ignored, as the real service does with extra fields.
/// </summary>
internal sealed record ModelRule(string Code, int CreationType, IReadOnlyList<FieldRule> Fields)
{
    public const int Image = 3;
    public const int Video = 4;

    /// <summary>The aspect ratio used when the request has none (also the shape of the output).</summary>
    public string DefaultAspectRatio { get; init; } = "16:9";

    /// <summary>The clarity used when the request has none; 0 when the model has no clarity setting.</summary>
    public int DefaultClarity { get; init; }

    /// <summary>The video length used when the request has none.</summary>
    public int DefaultDuration { get; init; } = 5;

    /// <summary>At least one of these fields must be present (for example a first frame as <c>ref_img_url</c> or <c>start_frame</c>).</summary>
    public IReadOnlyList<string> RequireOneOf { get; init; } = [];

    /// <summary>Whether <c>ref_img_url</c> must hold at least one video (mp4/mov).</summary>
    public bool RequiresVideoReference { get; init; }

    public bool IsVideo => CreationType == Video;

    public static ModelRule ForVideo(string code, params FieldRule[] fields) => new(code, Video, fields) { DefaultClarity = 1080 };

    public static ModelRule ForImage(string code, params FieldRule[] fields) => new(code, Image, fields) { DefaultAspectRatio = "1:1", DefaultClarity = 2048, DefaultDuration = 0 };
}
