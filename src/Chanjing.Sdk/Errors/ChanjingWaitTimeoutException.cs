namespace Chanjing.Sdk;

/// <summary>
/// A wait reached its deadline (<see cref="WaitOptions.Timeout"/>) before the job finished. The job may still be
/// running: wait again with its id, or look it up; nothing was cancelled on the service.
/// </summary>
public class ChanjingWaitTimeoutException : ChanjingException
{
    /// <summary>Creates the exception for a single AI-creation task.</summary>
    /// <param name="taskId">The task that did not finish.</param>
    /// <param name="lastKnownTask">Its last observed state, if any.</param>
    /// <param name="timeout">The deadline that passed.</param>
    public ChanjingWaitTimeoutException(string taskId, CreationTask? lastKnownTask, TimeSpan timeout)
        : this([taskId], lastKnownTask, timeout)
    {
    }

    /// <summary>Creates the exception for several AI-creation tasks.</summary>
    /// <param name="unfinishedTaskIds">The tasks that did not finish.</param>
    /// <param name="lastKnownTask">The last observed state of the first unfinished task, if any.</param>
    /// <param name="timeout">The deadline that passed.</param>
    public ChanjingWaitTimeoutException(IReadOnlyList<string> unfinishedTaskIds, CreationTask? lastKnownTask, TimeSpan timeout)
        : base(BuildMessage(unfinishedTaskIds, lastKnownTask, timeout, null), null, null, null, null, isTransient: true)
    {
        UnfinishedTaskIds = unfinishedTaskIds ?? throw new ArgumentNullException(nameof(unfinishedTaskIds));
        LastKnownJob = lastKnownTask;
        TaskId = unfinishedTaskIds.Count > 0 ? unfinishedTaskIds[0] : null;
    }

    /// <summary>Creates the exception for a job of any product.</summary>
    /// <param name="jobId">The job that did not finish.</param>
    /// <param name="lastKnownJob">Its last observed state, if any.</param>
    /// <param name="timeout">The deadline that passed.</param>
    /// <param name="resumeWith">How to resume the wait, for the message (such as <c>client.AvatarVideos.WaitAsync</c>).</param>
    public ChanjingWaitTimeoutException(string jobId, ChanjingJob? lastKnownJob, TimeSpan timeout, string resumeWith)
        : base(BuildMessage([jobId], lastKnownJob, timeout, resumeWith), null, null, null, null, isTransient: true)
    {
        UnfinishedTaskIds = [jobId ?? throw new ArgumentNullException(nameof(jobId))];
        LastKnownJob = lastKnownJob;
        TaskId = jobId;
    }

    /// <summary>The timeout of one job, with a message of the operation's own (a part of a longer run).</summary>
    internal ChanjingWaitTimeoutException(ChanjingWaitTimeoutException timeout, string message)
        : base(message, null, null, null, null, isTransient: true, timeout)
    {
        UnfinishedTaskIds = timeout.UnfinishedTaskIds;
        LastKnownJob = timeout.LastKnownJob;
        TaskId = timeout.TaskId;
    }

    /// <summary>The last observed state of the AI-creation task (of the first unfinished one, for several); null when none was observed or the job is another product's (see <see cref="LastKnownJob"/>).</summary>
    public CreationTask? LastKnownTask => LastKnownJob as CreationTask;

    /// <summary>The last observed state of the job, whatever its product, or null if none was observed.</summary>
    public ChanjingJob? LastKnownJob { get; }

    /// <summary>Every job that had not finished when the deadline passed.</summary>
    public IReadOnlyList<string> UnfinishedTaskIds { get; }

    private static string BuildMessage(IReadOnlyList<string>? ids, ChanjingJob? last, TimeSpan timeout, string? resumeWith)
    {
        var count = ids?.Count ?? 0;
        var shown = ids is null ? string.Empty : string.Join(", ", ids.Take(10)) + (count > 10 ? $" and {count - 10} more" : string.Empty);
        var state = last is null ? "no state was observed" : $"last status {last.StatusText}";
        var subject = last is null ? "Task " + shown : $"{last.Kind} {shown}";
        return count == 1
            ? $"{subject} did not finish within {timeout} ({state}). It may still be running: call {resumeWith ?? "WaitForCompletionAsync"}(\"{shown}\") again, or look it up, to resume; nothing was cancelled on the service."
            : $"{count} task(s) did not finish within {timeout}: {shown}. They may still be running: wait for them again with WaitForAllAsync; nothing was cancelled on the service.";
    }
}
