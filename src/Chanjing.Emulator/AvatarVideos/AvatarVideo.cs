namespace Chanjing.Emulator.AvatarVideos;

/// <summary>One avatar video: its request, how it will end, its speech's timing, and any status a test forced.</summary>
internal sealed class AvatarVideo
{
    public required string Id { get; init; }

    public required AvatarVideoRequest Request { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>30, or a 4X / 5X status with <see cref="PlannedMessage"/>.</summary>
    public required int PlannedStatus { get; init; }

    public required string PlannedMessage { get; init; }

    /// <summary>How long the speech or the driving audio lasts: the length of the video and of its sound track.</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>The subtitle timeline's clauses (one empty clause over the whole audio in audio mode).</summary>
    public required IReadOnlyList<SpeechTiming.Clause> Clauses { get; init; }

    public int? ForcedStatus { get; set; }

    public string? ForcedMessage { get; set; }

    public bool CallbackStarted { get; set; }
}
