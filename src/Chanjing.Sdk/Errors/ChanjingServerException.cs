using System.Net;

namespace Chanjing.Sdk;

/// <summary>Code 50000: an internal server error. Transient for reads; after a submit the outcome is unknown.</summary>
public class ChanjingServerException : ChanjingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="serviceMessage">The body <c>msg</c>.</param>
    /// <param name="traceId">The body <c>trace_id</c>.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="innerException">The cause.</param>
    public ChanjingServerException(string message, string? serviceMessage = null, string? traceId = null, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(message, 50000, serviceMessage, traceId, statusCode, isTransient: true, innerException)
    {
    }
}
