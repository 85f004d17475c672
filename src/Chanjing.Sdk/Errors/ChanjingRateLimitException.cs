using System.Net;

namespace Chanjing.Sdk;

/// <summary>Code 40001: the QPS limit was exceeded. Transient; the request was rejected, so even a submit is retried.</summary>
public class ChanjingRateLimitException : ChanjingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="serviceMessage">The body <c>msg</c>.</param>
    /// <param name="traceId">The body <c>trace_id</c>.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="innerException">The cause.</param>
    public ChanjingRateLimitException(string message, string? serviceMessage = null, string? traceId = null, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(message, 40001, serviceMessage, traceId, statusCode, isTransient: true, innerException)
    {
    }
}
