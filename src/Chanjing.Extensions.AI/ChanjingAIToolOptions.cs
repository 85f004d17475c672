using System.Diagnostics.CodeAnalysis;
using Chanjing.Sdk;
using Microsoft.Extensions.Logging;

namespace Chanjing.Extensions.AI;

/// <summary>How the tools of <see cref="ChanjingAIExtensions.AsAITools"/> wait, which models they use, and where they log.</summary>
[Experimental(ChanjingAIDiagnostics.ExperimentalId)]
public sealed class ChanjingAIToolOptions
{
    /// <summary>The default of <see cref="WaitTimeout"/>: 4 minutes, under the tool-call limits of common MCP hosts.</summary>
    public static readonly TimeSpan DefaultWaitTimeout = TimeSpan.FromMinutes(4);

    /// <summary>
    /// The longest one tool call waits for a task. When it passes, the task keeps running and the tool returns
    /// <c>{"status":"still_running","task_id":...}</c>; the agent then calls <c>chanjing_wait_for_task</c>. Default
    /// <see cref="DefaultWaitTimeout"/>; must be positive.
    /// </summary>
    public TimeSpan WaitTimeout { get; set; } = DefaultWaitTimeout;

    /// <summary>How the tools poll (interval, backoff ceiling, tolerated transient failures); its timeout is replaced by <see cref="WaitTimeout"/>. Default: the SDK's defaults.</summary>
    public WaitOptions? Polling { get; set; }

    /// <summary>The model of a video from a prompt alone. Default <see cref="ChanjingModels.HappyHorseTextToVideo"/>.</summary>
    public string TextToVideoModel { get; set; } = ChanjingModels.HappyHorseTextToVideo;

    /// <summary>The model of a video from reference images and a prompt. Default <see cref="ChanjingModels.HappyHorseReferenceToVideo"/>.</summary>
    public string ImagesToVideoModel { get; set; } = ChanjingModels.HappyHorseReferenceToVideo;

    /// <summary>The most avatars or voices a list tool returns (the agent may ask for fewer). Default 20; 1 to 200.</summary>
    public int MaxListResults { get; set; } = 20;

    /// <summary>Where the tools log submits, status changes and timeouts. Default: the <see cref="ILoggerFactory"/> of the call's services (for example FunctionInvokingChatClient's), else none.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
