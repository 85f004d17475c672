using Microsoft.Extensions.Logging;

namespace Chanjing.Sdk.Internal.Diagnostics;

/// <summary>Log events of the request path (event ids 1000-1099). Messages never hold credentials.</summary>
internal static partial class PipelineLog
{
    [LoggerMessage(EventId = 1001, EventName = "RetryScheduled", Level = LogLevel.Debug, Message = "Chanjing {Operation} failed ({Error}); retry {Attempt} in {Delay}.")]
    public static partial void RetryScheduled(ILogger logger, string operation, string? error, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 1002, EventName = "TokenRejected", Level = LogLevel.Information, Message = "Chanjing rejected the access token for {Operation} (10400); retrying once with a renewed token.")]
    public static partial void TokenRejected(ILogger logger, string operation);
}
