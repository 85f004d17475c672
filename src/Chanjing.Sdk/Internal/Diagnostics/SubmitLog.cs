using Microsoft.Extensions.Logging;

namespace Chanjing.Sdk.Internal.Diagnostics;

/// <summary>Log events of submits (event ids 3000-3099). Prompts appear only at Trace.</summary>
internal static partial class SubmitLog
{
    [LoggerMessage(EventId = 3001, EventName = "Submitting", Level = LogLevel.Trace, Message = "Submitting a Chanjing {ModelCode} task: {Prompt}")]
    public static partial void Submitting(ILogger logger, string modelCode, string? prompt);

    [LoggerMessage(EventId = 3002, EventName = "SubmitOutcomeUnknown", Level = LogLevel.Warning, Message = "The outcome of a Chanjing submit is unknown ({Error}).")]
    public static partial void OutcomeUnknown(ILogger logger, string error);

    [LoggerMessage(EventId = 3003, EventName = "ReconciliationFound", Level = LogLevel.Information, Message = "Reconciliation found the submitted task {TaskId}; not submitting again.")]
    public static partial void ReconciliationFound(ILogger logger, string taskId);

    [LoggerMessage(EventId = 3004, EventName = "AnswerAlreadyClaimed", Level = LogLevel.Error, Message = "The service answered a submit with task {TaskId}, which an earlier reconciliation in this process claimed for another submit (Reconciliation.ClaimUniqueMatch): that submit received a task that was not its own.")]
    public static partial void AnswerAlreadyClaimed(ILogger logger, string taskId);

    [LoggerMessage(EventId = 3005, EventName = "ListBeforeSubmitFailed", Level = LogLevel.Debug, Message = "The newest tasks could not be listed before a submit ({Error}); if its answer is lost, no task can be claimed for it.")]
    public static partial void ListBeforeSubmitFailed(ILogger logger, string error);
}
