using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;

namespace Chanjing.Sdk;

public partial class ChanjingClient
{
    /// <inheritdoc />
    public virtual async Task<CreationTask> WaitForCompletionAsync(string taskId, WaitOptions? options = null, IProgress<CreationTask>? progress = null, CancellationToken cancellationToken = default)
    {
        Guard.Identifier(taskId, nameof(taskId));
        options ??= new WaitOptions();
        options.Validate();
        return await WaitCoreAsync(taskId, options, progress, pollFirst: true, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public virtual Task<CreationTask> GenerateReferenceVideoAsync(ReferenceVideoRequest request, WaitOptions? options = null, IProgress<CreationTask>? progress = null, CancellationToken cancellationToken = default) =>
        GenerateAsync(request, options, progress, cancellationToken);

    /// <inheritdoc />
    public virtual async Task<CreationTask> GenerateAsync(CreationRequest request, WaitOptions? options = null, IProgress<CreationTask>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new WaitOptions();
        options.Validate();
        var submittedAt = Time.GetTimestamp();
        var taskId = await SubmitAsync(request, cancellationToken).ConfigureAwait(false);
        options.OnSubmitted?.Invoke(taskId);
        // A task that was just submitted is certainly not finished: the first poll waits one interval.
        return await WaitCoreAsync(taskId, options, progress, pollFirst: false, cancellationToken, submittedAt, request).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public virtual IAsyncEnumerable<CreationTask> WatchAsync(string taskId, WaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.Identifier(taskId, nameof(taskId));
        options ??= new WaitOptions();
        options.Validate();
        return WatchCoreAsync(taskId, options, pollFirst: true, cancellationToken);
    }

    private async Task<CreationTask> WaitCoreAsync(string taskId, WaitOptions options, IProgress<CreationTask>? progress, bool pollFirst, CancellationToken cancellationToken, long? submittedAt = null, CreationRequest? request = null)
    {
        using var activity = WaitActivity.Start(taskId, request);
        var telemetry = Pipeline.Telemetry;
        telemetry.WaitStarted(1);
        CreationTask? last = null;
        try
        {
            await foreach (var task in WatchCoreAsync(taskId, options, pollFirst, cancellationToken).ConfigureAwait(false))
            {
                last = task;
                WaitActivity.StatusChanged(activity, task);
                progress?.Report(task);
            }
        }
        catch (ChanjingException ex) when (ex.TaskId != taskId)
        {
            // The failure may be shared with other callers (a joined token fetch): it is never changed, only wrapped.
            var error = ChanjingErrors.ForTask(ex, taskId);
            WaitActivity.Failed(activity, error);
            throw error;
        }
        catch (ChanjingException ex)
        {
            WaitActivity.Failed(activity, ex);
            throw;
        }
        finally
        {
            telemetry.WaitEnded(1);
        }

        // The watch ends only after a terminal status.
        telemetry.TaskFinished(last!, submittedAt is { } start ? Time.GetElapsedTime(start) : SinceCreated(last!));
        if (last!.Status.IsSuccess)
        {
            return last;
        }

        var failed = new ChanjingTaskFailedException(last);
        WaitActivity.Failed(activity, failed);
        throw failed;
    }

    /// <summary>How long ago the service created <paramref name="task"/>, on the client's clock corrected by the measured offset.</summary>
    private TimeSpan SinceCreated(CreationTask task) =>
        task.CreatedAt is { } created ? Time.GetUtcNow() + (Pipeline.ServerClock.Offset ?? TimeSpan.Zero) - created : TimeSpan.MinValue;

    private IAsyncEnumerable<CreationTask> WatchCoreAsync(string taskId, WaitOptions options, bool pollFirst, CancellationToken cancellationToken) =>
        JobWatcher.WatchAsync(_creationTasks ??= new CreationTaskKind(this), taskId, options, pollFirst, Time, Logger, cancellationToken);

    private CreationTaskKind? _creationTasks;

    /// <summary>AI-creation tasks for the shared wait: read through the (virtual, mockable) <see cref="GetTaskAsync"/>.</summary>
    private sealed class CreationTaskKind(ChanjingClient client) : IJobKind<CreationTask>
    {
        public Task<CreationTask> GetAsync(string id, CancellationToken cancellationToken) => client.GetTaskAsync(id, cancellationToken);

        public bool IsFinished(CreationTask job) => job.Status.IsTerminal;

        public bool IsKnown(CreationTask job) => job.Status.IsKnown;

        public string StatusText(CreationTask job) => job.Status.Value;

        public bool Changed(CreationTask previous, CreationTask current) => current.Status != previous.Status;

        public ChanjingWaitTimeoutException Timeout(string id, CreationTask? last, TimeSpan timeout) => new(id, last, timeout);
    }
}
