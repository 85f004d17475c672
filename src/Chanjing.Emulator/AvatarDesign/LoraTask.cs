namespace Chanjing.Emulator.AvatarDesign;

/// <summary>One LoRA training task; its current attempt is replaced as a whole on a retry or a forced status.</summary>
internal sealed class LoraTask
{
    public required string LoraId { get; init; }

    /// <summary>The photo task that holds the LoRA's picture (reported in <c>photo_task_ids</c>).</summary>
    public required string PhotoTaskId { get; init; }

    public required Attempt Current { get; set; }

    /// <summary>One create (or retry) of the task.</summary>
    /// <param name="Name">The LoRA's name.</param>
    /// <param name="Photos">The training photo URLs.</param>
    /// <param name="StartedAt">When it was created or retried.</param>
    /// <param name="PlannedStatus"><c>Success</c> or <c>Fail</c>.</param>
    /// <param name="PlannedMessage">The <c>err_msg</c> of a failure.</param>
    /// <param name="ForcedStatus">A status a test forced, or null.</param>
    /// <param name="ForcedMessage">The <c>err_msg</c> a test forced.</param>
    public sealed record Attempt(string Name, IReadOnlyList<string> Photos, DateTimeOffset StartedAt, string PlannedStatus, string PlannedMessage, string? ForcedStatus = null, string? ForcedMessage = null);

    /// <summary><c>Queued</c>, then <c>Generating</c>, then the planned (or forced) status, at <paramref name="now"/>.</summary>
    public (string Status, string Message) StatusAt(DateTimeOffset now, ChanjingEmulatorOptions options)
    {
        var attempt = Current;
        if (attempt.ForcedStatus is { } forced)
        {
            return (forced, attempt.ForcedMessage ?? (forced == "Fail" ? LoraStore.TrainingFailedMessage : string.Empty));
        }

        var age = now - attempt.StartedAt;
        return age < options.QueuedDuration ? ("Queued", string.Empty)
            : age < options.QueuedDuration + options.GeneratingDuration ? ("Generating", string.Empty)
            : (attempt.PlannedStatus, attempt.PlannedMessage);
    }
}
