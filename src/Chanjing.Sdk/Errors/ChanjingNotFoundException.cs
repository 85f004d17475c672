using System.Net;

namespace Chanjing.Sdk;

/// <summary>
/// The service refused a call because what it names does not exist (or no longer does), such as deleting a customised
/// avatar that was already deleted. A <see cref="ChanjingInvalidParameterException"/> (code 40000), so handlers of
/// refused parameters still see it.
/// </summary>
public class ChanjingNotFoundException : ChanjingInvalidParameterException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="resourceId">The id that was not found.</param>
    /// <param name="serviceMessage">The body <c>msg</c>.</param>
    /// <param name="traceId">The body <c>trace_id</c>.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="innerException">The cause.</param>
    public ChanjingNotFoundException(string message, string resourceId, string? serviceMessage = null, string? traceId = null, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(message, serviceMessage, traceId, statusCode, innerException)
    {
        ResourceId = resourceId;
    }

    /// <summary>The id that was not found.</summary>
    public string ResourceId { get; }
}
