using Microsoft.Extensions.Logging;

namespace Chanjing.Sdk.Internal.Diagnostics;

/// <summary>Log events of waits (event ids 4000-4099).</summary>
internal static partial class WaitLog
{
    [LoggerMessage(EventId = 4001, EventName = "PollFailureTolerated", Level = LogLevel.Debug, Message = "Polling Chanjing task {TaskId} failed ({Error}); {Failures} of {Budget} transient failures tolerated.")]
    public static partial void PollFailureTolerated(ILogger logger, string taskId, string error, int failures, int budget);

    [LoggerMessage(EventId = 4002, EventName = "UnknownStatus", Level = LogLevel.Warning, Message = "Chanjing task {TaskId} reports the unknown status '{Status}'; still waiting.")]
    public static partial void UnknownStatus(ILogger logger, string taskId, string status);

    [LoggerMessage(EventId = 4003, EventName = "BatchPollFailureTolerated", Level = LogLevel.Debug, Message = "Polling {Count} Chanjing tasks failed ({Error}); {Failures} of {Budget} transient failures tolerated.")]
    public static partial void BatchPollFailureTolerated(ILogger logger, int count, string error, int failures, int budget);
}
