namespace Chanjing.Emulator;

/// <summary>One attempt to deliver a task's completion callback.</summary>
/// <param name="TaskId">The task's <c>unique_id</c>.</param>
/// <param name="Url">The <c>callback</c> URL of the submit.</param>
/// <param name="Attempt">1 for the first attempt; 0 when the URL was not called at all (see <paramref name="Error"/>).</param>
/// <param name="StatusCode">The HTTP status the callback answered, or null when there was no answer.</param>
/// <param name="Error">Why the attempt failed (a non-2xx status, a connection error), or null on success.</param>
/// <param name="At">When the attempt ended, on the emulator's clock.</param>
public sealed record EmulatorCallbackDelivery(string TaskId, Uri Url, int Attempt, int? StatusCode, string? Error, DateTimeOffset At)
{
    /// <summary>Whether the callback answered 2xx.</summary>
    public bool Succeeded => Error is null && Attempt > 0;
}
