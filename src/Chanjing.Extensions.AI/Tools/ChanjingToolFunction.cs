using System.Text.Json;
using Chanjing.Sdk;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chanjing.Extensions.AI.Tools;

/// <summary>
/// The base of every tool: a name, a description and a hand-written JSON schema (no reflection, so the tools work in a
/// trimmed or NativeAOT app such as the chanjing tool), arguments read leniently, and the SDK's outcomes turned into
/// results an agent can act on. Cancellation and service errors (authentication, server) propagate as exceptions.
/// </summary>
internal abstract class ChanjingToolFunction : AIFunction
{
    private readonly JsonElement _schema;

    protected ChanjingToolFunction(IChanjingClient client, ToolSettings settings, string name, string description, string schema)
    {
        Client = client;
        Settings = settings;
        Name = name;
        Description = description;
        using var document = JsonDocument.Parse(schema);
        _schema = document.RootElement.Clone();
    }

    /// <inheritdoc />
    public override string Name { get; }

    /// <inheritdoc />
    public override string Description { get; }

    /// <inheritdoc />
    public override JsonElement JsonSchema => _schema;

    protected IChanjingClient Client { get; }

    protected ToolSettings Settings { get; }

    /// <inheritdoc />
    protected sealed override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var logger = Logger(arguments);
        try
        {
            return await RunAsync(arguments, logger, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ToolArgumentException || (ex is ArgumentException && ex is not ArgumentNullException))
        {
            // The SDK refuses a bad request before any I/O: the agent can correct it and call again.
            ToolLog.InvalidArguments(logger, Name, ex.Message);
            return ToolResult.InvalidArguments(ex.Message);
        }
    }

    /// <summary>The tool's work.</summary>
    protected abstract Task<JsonElement> RunAsync(AIFunctionArguments arguments, ILogger logger, CancellationToken cancellationToken);

    /// <summary>
    /// Runs a paid submit and its wait: progress and the task id logged as they happen; a wait past the deadline returns
    /// the task id, a failed task its reason, an unknown submit outcome its candidates. Nothing is ever resubmitted.
    /// </summary>
    protected async Task<JsonElement> WaitAsync<TJob>(
        string kind,
        ILogger logger,
        Func<WaitOptions, IProgress<TJob>, Task<TJob>> run,
        Func<TJob, JsonElement> succeeded,
        string? knownTaskId = null)
        where TJob : ChanjingJob
    {
        var taskId = knownTaskId;
        var wait = Settings.Wait(id =>
        {
            taskId = id;
            ToolLog.Submitted(logger, Name, id, Settings.WaitTimeout);
        });
        try
        {
            var job = await run(wait, new LoggingProgress<TJob>(logger, Name)).ConfigureAwait(false);
            ToolLog.Succeeded(logger, Name, job.Id, job.OutputUrls.Count);
            return succeeded(job);
        }
        catch (ChanjingWaitTimeoutException ex)
        {
            var id = ex.TaskId ?? taskId;
            ToolLog.StillRunning(logger, Name, id, Settings.WaitTimeout);
            return ToolResult.StillRunning(kind, id, Settings.WaitTimeout);
        }
        catch (ChanjingTaskFailedException ex)
        {
            ToolLog.Failed(logger, Name, ex.Job.Id, ex.Job.ErrorMessage);
            return ToolResult.Failed(kind, ex.Job.Id, ex.Job.ErrorMessage ?? ex.Message);
        }
        catch (ChanjingSubmitOutcomeUnknownException ex)
        {
            ToolLog.OutcomeUnknown(logger, Name, ex.CandidateTaskIds.Count);
            return ToolResult.OutcomeUnknown(kind, ex.CandidateTaskIds);
        }
    }

    private ILogger Logger(AIFunctionArguments arguments)
    {
        var factory = Settings.LoggerFactory ?? arguments.Services?.GetService(typeof(ILoggerFactory)) as ILoggerFactory;
        return factory?.CreateLogger("Chanjing.Extensions.AI.Tools") ?? NullLogger.Instance;
    }

    /// <summary>Logs each status change at once, on the polling thread (no synchronisation context involved).</summary>
    private sealed class LoggingProgress<TJob>(ILogger logger, string tool) : IProgress<TJob>
        where TJob : ChanjingJob
    {
        public void Report(TJob value)
        {
            var status = value switch
            {
                CreationTask task => task.Status.ToString(),
                AvatarVideo video => video.Status.ToString(),
                _ => value.IsFinished ? "finished" : "running",
            };
            ToolLog.Progress(logger, tool, value.Id, status, value.Progress is { } percent ? $" ({percent}%)" : string.Empty);
        }
    }
}
