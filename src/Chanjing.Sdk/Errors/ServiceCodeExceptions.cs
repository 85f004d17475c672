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

/// <summary>Code 40000: a parameter was refused. Never retried.</summary>
public class ChanjingInvalidParameterException : ChanjingException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="serviceMessage">The body <c>msg</c>.</param>
    /// <param name="traceId">The body <c>trace_id</c>.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="innerException">The cause.</param>
    public ChanjingInvalidParameterException(string message, string? serviceMessage = null, string? traceId = null, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(message, 40000, serviceMessage, traceId, statusCode, isTransient: false, innerException)
    {
    }
}

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
