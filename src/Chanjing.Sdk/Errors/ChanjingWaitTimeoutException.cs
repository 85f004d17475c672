namespace Chanjing.Sdk;

/// <summary>
/// A wait reached its deadline (<see cref="WaitOptions.Timeout"/>) before the task finished. The task
/// may still be running: wait again with its id, or look it up with <see cref="IChanjingClient.GetTaskAsync"/>.
/// </summary>
public class ChanjingWaitTimeoutException : ChanjingException
{
    /// <summary>Creates the exception for a single task.</summary>
    /// <param name="taskId">The task that did not finish.</param>
    /// <param name="lastKnownTask">Its last observed state, if any.</param>
    /// <param name="timeout">The deadline that passed.</param>
    public ChanjingWaitTimeoutException(string taskId, CreationTask? lastKnownTask, TimeSpan timeout)
        : this([taskId], lastKnownTask, timeout)
    {
    }

    /// <summary>Creates the exception for several tasks.</summary>
    /// <param name="unfinishedTaskIds">The tasks that did not finish.</param>
    /// <param name="lastKnownTask">The last observed state of the first unfinished task, if any.</param>
    /// <param name="timeout">The deadline that passed.</param>
    public ChanjingWaitTimeoutException(IReadOnlyList<string> unfinishedTaskIds, CreationTask? lastKnownTask, TimeSpan timeout)
        : base(BuildMessage(unfinishedTaskIds, lastKnownTask, timeout), null, null, null, null, isTransient: true)
    {
        UnfinishedTaskIds = unfinishedTaskIds ?? throw new ArgumentNullException(nameof(unfinishedTaskIds));
        LastKnownTask = lastKnownTask;
        TaskId = unfinishedTaskIds.Count > 0 ? unfinishedTaskIds[0] : null;
    }

    /// <summary>The last observed state of the task (of the first unfinished one, for several), or null if none was observed.</summary>
    public CreationTask? LastKnownTask { get; }

    /// <summary>Every task that had not finished when the deadline passed.</summary>
    public IReadOnlyList<string> UnfinishedTaskIds { get; }

    private static string BuildMessage(IReadOnlyList<string>? ids, CreationTask? last, TimeSpan timeout)
    {
        var count = ids?.Count ?? 0;
        var shown = ids is null ? string.Empty : string.Join(", ", ids.Take(10)) + (count > 10 ? $" and {count - 10} more" : string.Empty);
        var state = last is null ? "no state was observed" : $"last status {last.Status}";
        return count == 1
            ? $"Task {shown} did not finish within {timeout} ({state}). It may still be running: call WaitForCompletionAsync(\"{shown}\") again, or GetTaskAsync, to resume; nothing was cancelled on the service."
            : $"{count} task(s) did not finish within {timeout}: {shown}. They may still be running: wait for them again with WaitForAllAsync; nothing was cancelled on the service.";
    }
}
