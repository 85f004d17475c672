using System.Net;

namespace Chanjing.Sdk;

/// <summary>
/// The base of every failure the SDK reports: a service error code, an HTTP failure, a network failure,
/// a malformed response, a failed or timed-out wait. Callers that branch catch the subclasses.
/// </summary>
public class ChanjingException : Exception
{
    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">The message.</param>
    public ChanjingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ChanjingException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception with every detail of a failed call.</summary>
    /// <param name="message">The message.</param>
    /// <param name="code">The body <c>code</c>, or null when there was none.</param>
    /// <param name="serviceMessage">The body <c>msg</c>, verbatim.</param>
    /// <param name="traceId">The body <c>trace_id</c>.</param>
    /// <param name="statusCode">The HTTP status, or null when no response arrived.</param>
    /// <param name="isTransient">Whether trying again later may succeed.</param>
    /// <param name="innerException">The cause.</param>
    public ChanjingException(string message, int? code, string? serviceMessage, string? traceId, HttpStatusCode? statusCode, bool isTransient, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        ServiceMessage = serviceMessage;
        TraceId = traceId;
        StatusCode = statusCode;
        IsTransient = isTransient;
    }

    /// <summary>The body <c>code</c>, or null when the failure carried none.</summary>
    public int? Code { get; }

    /// <summary>The body <c>msg</c>, verbatim (often Chinese text), or null.</summary>
    public string? ServiceMessage { get; }

    /// <summary>The envelope's <c>trace_id</c>: quote it when you contact Chanjing.</summary>
    public string? TraceId { get; }

    /// <summary>The HTTP status of the response, or null when no response arrived.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Whether the same call may succeed if tried again later (rate limits, server errors, network failures).</summary>
    public bool IsTransient { get; }

    /// <summary>The id of the task the failure concerns, when one is known (set on every failure after a submit answered).</summary>
    public string? TaskId { get; internal init; }

    /// <summary>How long the service asked the caller to wait before trying again, when it said.</summary>
    public TimeSpan? RetryAfter { get; internal init; }

    /// <summary>
    /// Whether the service's text says the account lacks credits (蝉豆不足, 余额不足, 扣费失败, 欠费, ...): top up before
    /// trying again. Read from <see cref="ServiceMessage"/>, on call failures and failed jobs alike.
    /// </summary>
    public bool IsBillingFailure => BillingMessages.Matches(ServiceMessage);

    /// <summary>What the failed attempt proves about the request (<see cref="SendOutcome"/>): the only place that says so.</summary>
    internal SendOutcome Outcome { get; init; }
}
