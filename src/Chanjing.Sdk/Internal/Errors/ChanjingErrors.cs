namespace Chanjing.Sdk.Internal.Errors;

/// <summary>
/// Named factories for exceptions derived from another one. An exception may be shared by several callers (a failed
/// token fetch reaches every caller that joined it), so it is never changed after construction: context is added by
/// building a new exception of the same type around it.
/// </summary>
internal static class ChanjingErrors
{
    /// <summary>The same failure, about task <paramref name="taskId"/>.</summary>
    public static ChanjingException ForTask(ChanjingException error, string taskId) =>
        error.TaskId == taskId ? error : Derive(error, error.Message, taskId);

    /// <summary>A submit that never left the client (rate limiter, token fetch, retry delay): nothing was created.</summary>
    public static ChanjingException SubmitNotSent(ChanjingException error) =>
        Derive(error, $"The submit was not sent, so no task was created and nothing was charged: {error.Message}", error.TaskId);

    /// <summary>A wait on several tasks that failed for good while some were still pending.</summary>
    public static ChanjingException WaitFailed(ChanjingException error, IReadOnlyList<string> pending)
    {
        var shown = string.Join(", ", pending.Take(10)) + (pending.Count > 10 ? $" and {pending.Count - 10} more" : string.Empty);
        return Derive(error, $"{error.Message} Waiting stopped with {pending.Count} task(s) still pending: {shown}. They keep running on the service; wait for them again with WaitForAllAsync.", pending.Count > 0 ? pending[0] : error.TaskId);
    }

    /// <summary>A failure whose own retries are spent: an enclosing call reports it instead of retrying it again.</summary>
    public static ChanjingException RetriesSpent(ChanjingException error) => Derive(error, error.Message, error.TaskId, outcome: SendOutcome.RetriesSpent);

    /// <summary>
    /// The same failure with <paramref name="message"/>, of the same type where its type can be rebuilt (the kinds a
    /// call can end with); any other is returned unchanged.
    /// </summary>
    public static ChanjingException WithMessage(ChanjingException error, string message) => error switch
    {
        ChanjingSubmitOutcomeUnknownException unknown => new ChanjingSubmitOutcomeUnknownException(message, unknown.SubmitStartedAt, unknown.CandidateTaskIds, unknown) { TaskId = unknown.TaskId, Outcome = unknown.Outcome },
        ChanjingWaitTimeoutException timeout => new ChanjingWaitTimeoutException(timeout, message),
        ChanjingTaskFailedException failed => new ChanjingTaskFailedException(failed.Job, message),
        _ when error.GetType() == typeof(ChanjingException) || error.GetType() == typeof(ChanjingBadRequestException) || error.GetType() == typeof(ChanjingAuthenticationException)
            || error.GetType() == typeof(ChanjingInvalidParameterException) || error.GetType() == typeof(ChanjingRateLimitException) || error.GetType() == typeof(ChanjingServerException)
            => Derive(error, message, error.TaskId, error.Outcome),
        _ => error,
    };

    private static ChanjingException Derive(ChanjingException e, string message, string? taskId, SendOutcome outcome = SendOutcome.MayHaveBeenProcessed) => e switch
    {
        ChanjingBadRequestException => new ChanjingBadRequestException(message, e.ServiceMessage, e.TraceId, e.StatusCode, e) { TaskId = taskId, RetryAfter = e.RetryAfter, Outcome = outcome },
        ChanjingAuthenticationException => new ChanjingAuthenticationException(message, e.Code, e.ServiceMessage, e.TraceId, e.StatusCode, e) { TaskId = taskId, RetryAfter = e.RetryAfter, Outcome = outcome },
        ChanjingInvalidParameterException => new ChanjingInvalidParameterException(message, e.ServiceMessage, e.TraceId, e.StatusCode, e) { TaskId = taskId, RetryAfter = e.RetryAfter, Outcome = outcome },
        ChanjingRateLimitException => new ChanjingRateLimitException(message, e.ServiceMessage, e.TraceId, e.StatusCode, e) { TaskId = taskId, RetryAfter = e.RetryAfter, Outcome = outcome },
        ChanjingServerException => new ChanjingServerException(message, e.ServiceMessage, e.TraceId, e.StatusCode, e) { TaskId = taskId, RetryAfter = e.RetryAfter, Outcome = outcome },
        _ => new ChanjingException(message, e.Code, e.ServiceMessage, e.TraceId, e.StatusCode, e.IsTransient, e) { TaskId = taskId, RetryAfter = e.RetryAfter, Outcome = outcome },
    };
}
