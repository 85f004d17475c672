namespace Chanjing.Sdk;

/// <summary>
/// A paid create (an AI-creation submit, an avatar video, a customised avatar, a speech task, a voice clone, a lip-sync
/// video, an avatar-design task) may or may not have made a job: the request was sent, but the answer was lost (a
/// timeout, a dropped connection, HTTP 5xx, code 50000). It was not sent again: each job costs money.
/// <see cref="CandidateTaskIds"/> lists the jobs created since <see cref="SubmitStartedAt"/> that could be the call's
/// (from the product's list; empty for products Chanjing cannot list, which the message says). Wait on a candidate, or
/// look at the product's list, before creating again.
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
