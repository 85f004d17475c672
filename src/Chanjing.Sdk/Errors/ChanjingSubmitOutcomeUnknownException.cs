namespace Chanjing.Sdk;

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
