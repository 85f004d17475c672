using Microsoft.Extensions.Logging;

namespace Chanjing.Extensions.AI.Tools;

/// <summary>What the tools log. URLs are never logged: output URLs may be signed.</summary>
internal static partial class ToolLog
{
    [LoggerMessage(EventId = 7001, EventName = "ToolTaskSubmitted", Level = LogLevel.Information, Message = "{Tool}: Chanjing task {TaskId} submitted; waiting up to {Timeout}.")]
    public static partial void Submitted(ILogger logger, string tool, string taskId, TimeSpan timeout);

    [LoggerMessage(EventId = 7002, EventName = "ToolTaskProgress", Level = LogLevel.Information, Message = "{Tool}: Chanjing task {TaskId} is {Status}{Progress}.")]
    public static partial void Progress(ILogger logger, string tool, string taskId, string status, string progress);

    [LoggerMessage(EventId = 7003, EventName = "ToolTaskSucceeded", Level = LogLevel.Information, Message = "{Tool}: Chanjing task {TaskId} succeeded with {Outputs} output(s).")]
    public static partial void Succeeded(ILogger logger, string tool, string taskId, int outputs);

    [LoggerMessage(EventId = 7004, EventName = "ToolWaitTimedOut", Level = LogLevel.Warning, Message = "{Tool}: Chanjing task {TaskId} still running after {Timeout}; its id is returned so the agent can wait again.")]
    public static partial void StillRunning(ILogger logger, string tool, string? taskId, TimeSpan timeout);

    [LoggerMessage(EventId = 7005, EventName = "ToolTaskFailed", Level = LogLevel.Warning, Message = "{Tool}: Chanjing task {TaskId} failed: {Error}")]
    public static partial void Failed(ILogger logger, string tool, string? taskId, string? error);

    [LoggerMessage(EventId = 7006, EventName = "ToolSubmitOutcomeUnknown", Level = LogLevel.Warning, Message = "{Tool}: the submit's outcome is unknown; {Candidates} candidate task(s) returned, nothing resubmitted.")]
    public static partial void OutcomeUnknown(ILogger logger, string tool, int candidates);

    [LoggerMessage(EventId = 7007, EventName = "ToolInvalidArguments", Level = LogLevel.Information, Message = "{Tool}: invalid arguments: {Error}")]
    public static partial void InvalidArguments(ILogger logger, string tool, string error);
}
