namespace Chanjing.Emulator.Avatars;

/// <summary>One customised avatar (定制数字人): its request, the source video's facts, and any status a test forced.</summary>
internal sealed class CustomisedPerson
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string FileId { get; init; }

    public required string TrainType { get; init; }

    public required string Language { get; init; }

    public required int ResolutionRate { get; init; }

    public required Uri? Callback { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The source video's picture size (1080x1920 when it could not be read).</summary>
    public required (int Width, int Height) SourceSize { get; init; }

    /// <summary>Whether the source was a WebM (the only kind an RGBA (4-channel) video can be made from).</summary>
    public required bool FromWebm { get; init; }

    /// <summary>The status it ends with: 2, or 4 / 5 with <see cref="PlannedReason"/>.</summary>
    public required int PlannedStatus { get; init; }

    public required string PlannedReason { get; init; }

    /// <summary>The voice cloned with it (<c>C-Audio-…</c>), empty when <c>train_type</c> is <c>figure</c>.</summary>
    public required string VoiceId { get; init; }

    public bool Deleted { get; set; }

    public int? ForcedStatus { get; set; }

    public string? ForcedReason { get; set; }

    public bool CallbackStarted { get; set; }
}
