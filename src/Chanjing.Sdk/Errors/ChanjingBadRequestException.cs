using System.Net;

namespace Chanjing.Sdk;

/// <summary>Code 400: the request format was wrong. Never retried.</summary>
public class ChanjingBadRequestException : ChanjingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="serviceMessage">The body <c>msg</c>.</param>
    /// <param name="traceId">The body <c>trace_id</c>.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="innerException">The cause.</param>
    public ChanjingBadRequestException(string message, string? serviceMessage = null, string? traceId = null, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(message, 400, serviceMessage, traceId, statusCode, isTransient: false, innerException)
    {
    }
}
