using System.Net;

namespace Chanjing.Sdk;

/// <summary>Code 10400: the access token was refused (expired, invalidated by a newer one, or wrong), or a token could not be obtained.</summary>
public class ChanjingAuthenticationException : ChanjingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="code">The body code (10400, or the token endpoint's code).</param>
    /// <param name="serviceMessage">The body <c>msg</c>.</param>
    /// <param name="traceId">The body <c>trace_id</c>.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="innerException">The cause.</param>
    public ChanjingAuthenticationException(string message, int? code = 10400, string? serviceMessage = null, string? traceId = null, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(message, code, serviceMessage, traceId, statusCode, isTransient: false, innerException)
    {
    }
}
