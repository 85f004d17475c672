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
}
