namespace Chanjing.Emulator.AvatarDesign;

/// <summary>
/// One text-to-digital-person photo task (type 1: <c>aigc/photo</c>, or the picture a LoRA task produces) or motion
/// task (type 2: <c>aigc/motion</c>), how it will end, and any status a test forced.
/// </summary>
internal sealed class DesignTask
{
    public const int PhotoType = 1;
    public const int MotionType = 2;

    public required string UniqueId { get; init; }

    /// <summary>1 photo, 2 motion.</summary>
    public required int Type { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>0 = 9:16, 1 = 16:9 (a motion task has its photo task's).</summary>
    public required int AspectRatio { get; init; }

    /// <summary>How many outputs it has on success: the photo task's <c>number_of_images</c>, 1 for a motion task.</summary>
    public required int Outputs { get; init; }

    /// <summary>The text the outputs are drawn from (the request's fields).</summary>
    public required string Seed { get; init; }

    /// <summary><c>Success</c>, or <c>Fail</c> / <c>Error</c> with <see cref="PlannedMessage"/>.</summary>
    public required string PlannedStatus { get; init; }

    public required string PlannedMessage { get; init; }

    /// <summary>The LoRA task that produces this photo (its status follows the LoRA's), or null.</summary>
    public LoraTask? Lora { get; init; }

    public string? ForcedStatus { get; set; }

    public string? ForcedMessage { get; set; }
}
