namespace Chanjing.Sdk;

/// <summary>A waited task ended as <c>Error</c> or <c>Fail</c>. Failed tasks are not charged.</summary>
public class ChanjingTaskFailedException : ChanjingException
{
    /// <summary>Creates the exception for a task that ended in failure.</summary>
    /// <param name="task">The failed task.</param>
    public ChanjingTaskFailedException(CreationTask task)
        : base(BuildMessage(task))
    {
        Task = task ?? throw new ArgumentNullException(nameof(task));
        TaskId = task.Id;
    }

    /// <summary>The task as last reported, with its <see cref="CreationTask.ErrorMessage"/>.</summary>
    public CreationTask Task { get; }

    private static string BuildMessage(CreationTask? task) => task is null
        ? "The task failed."
        : $"Task {task.Id} ended with status {task.Status}: {(string.IsNullOrEmpty(task.ErrorMessage) ? "(no error message)" : task.ErrorMessage)}";
}

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

/// <summary>
/// A submit may or may not have created a task: the request was sent, but the answer was lost (a timeout,
/// a dropped connection, HTTP 5xx, code 50000) and reconciliation did not find the task. Do not blindly
/// submit again: each task costs money. List recent tasks (<see cref="IChanjingClient.ListTasksAsync"/>)
/// created after <see cref="SubmitStartedAt"/> and compare prompt and images first.
/// </summary>
public class ChanjingSubmitOutcomeUnknownException : ChanjingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="submitStartedAt">When the submit began, by the client's clock.</param>
    /// <param name="candidateTaskIds">Tasks that matched the request but could not be told apart, if any.</param>
    /// <param name="innerException">The failure that made the outcome unknown.</param>
    public ChanjingSubmitOutcomeUnknownException(string message, DateTimeOffset submitStartedAt, IReadOnlyList<string>? candidateTaskIds, Exception? innerException)
        : base(message, (innerException as ChanjingException)?.Code, (innerException as ChanjingException)?.ServiceMessage, (innerException as ChanjingException)?.TraceId, (innerException as ChanjingException)?.StatusCode, isTransient: false, innerException)
    {
        SubmitStartedAt = submitStartedAt;
        CandidateTaskIds = candidateTaskIds ?? [];
    }

    /// <summary>When the submit began, by the client's clock.</summary>
    public DateTimeOffset SubmitStartedAt { get; }

    /// <summary>Existing tasks that matched the request equally well (empty when none matched).</summary>
    public IReadOnlyList<string> CandidateTaskIds { get; }
}

/// <summary>An uploaded file was refused or removed by the service (status 98, 99 or 100), or never became ready.</summary>
public class ChanjingFileProcessingException : ChanjingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="fileId">The file id.</param>
    /// <param name="fileStatus">The last <c>status</c> reported by <c>file_detail</c>.</param>
    public ChanjingFileProcessingException(string message, string fileId, int? fileStatus)
        : base(message)
    {
        FileId = fileId;
        FileStatus = fileStatus;
    }

    /// <summary>The file id (<c>file_id</c>).</summary>
    public string FileId { get; }

    /// <summary>The last status: 98 = failed content safety, 99 = deleted, 100 = cleaned up; null when none was read.</summary>
    public int? FileStatus { get; }
}
