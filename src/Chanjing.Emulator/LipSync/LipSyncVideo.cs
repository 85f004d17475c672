namespace Chanjing.Emulator.LipSync;

/// <summary>One lip-sync video: its request, how it will end, how long its sound is, and any status a test forced.</summary>
internal sealed class LipSyncVideo
{
    public required string Id { get; init; }

    public required LipSyncRequest Request { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>20 (success), or 30 with <see cref="PlannedMessage"/>.</summary>
    public required int PlannedStatus { get; init; }

    public required string PlannedMessage { get; init; }

    /// <summary>How long the speech or the driving audio lasts: the length of the output and of its sound track.</summary>
    public required TimeSpan Duration { get; init; }

    public int? ForcedStatus { get; set; }

    public string? ForcedMessage { get; set; }

    public bool CallbackStarted { get; set; }
}
