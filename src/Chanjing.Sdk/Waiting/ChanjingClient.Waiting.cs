using System.Runtime.CompilerServices;
using Chanjing.Sdk.Internal;
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

    /// <inheritdoc />
    public virtual IAsyncEnumerable<CreationTask> WaitForAllAsync(IEnumerable<string> taskIds, WaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(taskIds, nameof(taskIds));
        options ??= new WaitOptions();
        options.Validate();
        var ids = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var id in taskIds)
        {
            if (string.IsNullOrWhiteSpace(id) || Guard.HasControl(id))
            {
                throw new ArgumentException($"{nameof(taskIds)}[{index}] must not be null, empty, whitespace or hold control characters.", nameof(taskIds));
            }

            if (seen.Add(id))
            {
                ids.Add(id);
            }

            index++;
        }

        return WaitForAllCoreAsync(ids, options, cancellationToken);
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

    private async IAsyncEnumerable<CreationTask> WatchCoreAsync(string taskId, WaitOptions options, bool pollFirst, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var deadline = new WaitDeadline(options.Timeout, Time, cancellationToken);
        var schedule = new PollSchedule(options.PollInterval, options.MaxPollInterval);
        CreationTask? last = null;
        var failures = 0;
        var loggedUnknown = false;
        var poll = pollFirst;
        while (true)
        {
            if (poll)
            {
                CreationTask? observed = null;
                try
                {
                    observed = await GetTaskAsync(taskId, deadline.Token).ConfigureAwait(false);
                    failures = 0;
                }
                catch (OperationCanceledException) when (deadline.Expired)
                {
                }
                catch (ChanjingException ex) when (ex.IsTransient && failures < options.MaxConsecutiveTransientFailures && !deadline.Expired)
                {
                    failures++;
                    WaitLog.PollFailureTolerated(Logger, taskId, ex.Message, failures, options.MaxConsecutiveTransientFailures);
                }

                if (deadline.Expired)
                {
                    throw new ChanjingWaitTimeoutException(taskId, last, options.Timeout);
                }

                if (observed is not null)
                {
                    var changed = last is null || observed.Status != last.Status;
                    last = observed;
                    if (changed)
                    {
                        yield return observed;
                    }

                    if (observed.Status.IsTerminal)
                    {
                        yield break;
                    }

                    if (!observed.Status.IsKnown && !loggedUnknown)
                    {
                        loggedUnknown = true;
                        WaitLog.UnknownStatus(Logger, taskId, observed.Status.Value);
                    }
                }
            }

            poll = true;
            try
            {
                await Time.DelayAsync(schedule.Next(), deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (deadline.Expired)
            {
            }

            if (deadline.Expired)
            {
                throw new ChanjingWaitTimeoutException(taskId, last, options.Timeout);
            }
        }
    }

    private async IAsyncEnumerable<CreationTask> WaitForAllCoreAsync(List<string> ids, WaitOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            yield break;
        }

        using var deadline = new WaitDeadline(options.Timeout, Time, cancellationToken);
        var schedule = new PollSchedule(options.PollInterval, options.MaxPollInterval);
        var pending = new ManyTaskRound(ids);
        var failures = 0;
        var telemetry = Pipeline.Telemetry;
        var active = ids.Count;
        telemetry.WaitStarted(active);
        try
        {
        while (true)
        {
            ChanjingException? failed = null;
            try
            {
                await pending.PollAsync(this, deadline.Token).ConfigureAwait(false);
                failures = 0;
            }
            catch (OperationCanceledException) when (deadline.Expired)
            {
            }
            catch (ChanjingException ex) when (ex.IsTransient && failures < options.MaxConsecutiveTransientFailures && !deadline.Expired)
            {
                failures++;
                WaitLog.BatchPollFailureTolerated(Logger, pending.Count, ex.Message, failures, options.MaxConsecutiveTransientFailures);
            }
            catch (ChanjingException ex)
            {
                failed = ex;
            }

            // Tasks that finished in the part of a round that succeeded are yielded even if a later request failed,
            // and before any failure is reported.
            foreach (var task in pending.TakeFinished())
            {
                telemetry.TaskFinished(task, SinceCreated(task));
                telemetry.WaitEnded(1);
                active--;
                yield return task;
            }

            // Checked before the deadline: the caller may have spent the rest of it handling the last task.
            if (pending.Count == 0)
            {
                yield break;
            }

            if (failed is not null)
            {
                throw ChanjingErrors.WaitFailed(failed, pending.PendingIds());
            }

            if (deadline.Expired)
            {
                throw pending.Timeout(options.Timeout);
            }

            try
            {
                await Time.DelayAsync(schedule.Next(), deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (deadline.Expired)
            {
            }

            if (deadline.Expired)
            {
                throw pending.Timeout(options.Timeout);
            }
        }
        }
        finally
        {
            telemetry.WaitEnded(active);
        }
    }

    /// <summary>
    /// The unfinished tasks of a <see cref="WaitForAllAsync"/>. Each round lists them 50 ids a request. The list
    /// endpoint needs a type: every id is first looked for among video tasks; an id a listing does not return
    /// is looked for among image tasks the next round, and so on alternately, until it is found or the deadline passes.
    /// </summary>
    private sealed class ManyTaskRound
    {
        private readonly List<string> _order;
        private readonly Dictionary<string, CreationType> _typeGuess;
        private readonly Dictionary<string, CreationTask> _lastKnown = new(StringComparer.Ordinal);
        private readonly List<CreationTask> _finished = [];

        public ManyTaskRound(List<string> ids)
        {
            _order = [.. ids];
            _typeGuess = ids.ToDictionary(id => id, _ => CreationType.Video, StringComparer.Ordinal);
        }

        public int Count => _order.Count;

        /// <summary>One round: lists every unfinished task, 50 ids a request; finished ones move to <see cref="TakeFinished"/> as each request answers.</summary>
        public async Task PollAsync(ChanjingClient client, CancellationToken cancellationToken)
        {
            foreach (var group in _order.GroupBy(id => _typeGuess[id].Value).ToList())
            {
                var type = new CreationType(group.Key);
                var groupIds = group.ToArray();
                for (var i = 0; i < groupIds.Length; i += CreationTaskQuery.MaxPageSize)
                {
                    var chunk = groupIds.Skip(i).Take(CreationTaskQuery.MaxPageSize).ToArray();
                    var page = await client.ListPageAsync(type, chunk, null, 1, CreationTaskQuery.MaxPageSize, cancellationToken).ConfigureAwait(false);
                    var returned = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var task in page.Tasks)
                    {
                        if (!_typeGuess.ContainsKey(task.Id) || !returned.Add(task.Id))
                        {
                            continue;
                        }

                        _lastKnown[task.Id] = task;
                        if (task.Status.IsTerminal)
                        {
                            _finished.Add(task);
                            _typeGuess.Remove(task.Id);
                        }
                    }

                    foreach (var id in chunk)
                    {
                        if (!returned.Contains(id))
                        {
                            _typeGuess[id] = type == CreationType.Video ? CreationType.Image : CreationType.Video;
                        }
                    }

                    _order.RemoveAll(id => !_typeGuess.ContainsKey(id));
                }
            }
        }

        public List<CreationTask> TakeFinished()
        {
            var finished = _finished.ToList();
            _finished.Clear();
            return finished;
        }

        public IReadOnlyList<string> PendingIds() => _order.ToArray();

        public ChanjingWaitTimeoutException Timeout(TimeSpan timeout)
        {
            var ids = _order.ToArray();
            CreationTask? last = null;
            if (ids.Length > 0)
            {
                _lastKnown.TryGetValue(ids[0], out last);
            }

            return new ChanjingWaitTimeoutException(ids, last, timeout);
        }
    }
}
