namespace Chanjing.Emulator.Models;

/// <summary>One field of one model: presence, shape and allowed values (empty = any value of the shape).</summary>
internal sealed record FieldRule(string Name, FieldKind Kind, FieldPresence Presence)
{
    public IReadOnlyList<string> AllowedText { get; init; } = [];

    public IReadOnlyList<int> AllowedNumbers { get; init; } = [];

    public int Min { get; init; } = 1;

    public int Max { get; init; } = int.MaxValue;

    public static FieldRule Images(FieldPresence presence, int min = 1, int max = 9) => new("ref_img_url", FieldKind.UrlList, presence) { Min = min, Max = max };

    public static FieldRule StartFrame(FieldPresence presence) => new("start_frame", FieldKind.Url, presence);

    public static FieldRule EndFrame(FieldPresence presence) => new("end_frame", FieldKind.Url, presence);

    public static FieldRule Prompt(FieldPresence presence) => new("ref_prompt", FieldKind.Text, presence);

    public static FieldRule Aspect(FieldPresence presence, params string[] allowed) => new("aspect_ratio", FieldKind.Ratio, presence) { AllowedText = allowed };

    public static FieldRule Clarity(FieldPresence presence, params int[] allowed) => new("clarity", FieldKind.Integer, presence) { AllowedNumbers = allowed };

    public static FieldRule Duration(FieldPresence presence, params int[] allowed) => new("video_duration", FieldKind.Integer, presence) { AllowedNumbers = allowed, Max = 60 };

    public static FieldRule Quality(FieldPresence presence, params string[] allowed) => new("quality_mode", FieldKind.Text, presence) { AllowedText = allowed.Length > 0 ? allowed : ["std", "pro"] };

    public static FieldRule ImageCount(FieldPresence presence) => new("number_of_images", FieldKind.Integer, presence) { Min = 1, Max = 4 };

    public static FieldRule ResolutionMode(FieldPresence presence) => new("resolution_mode", FieldKind.Text, presence) { AllowedText = ["native", "super"] };
}
