using System.Runtime.CompilerServices;

namespace Chanjing.Sdk;

public partial class ChanjingClient
{
    /// <inheritdoc />
    public virtual IAsyncEnumerable<CreationTask> WaitForAllAsync(IEnumerable<string> taskIds, WaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(taskIds, nameof(taskIds));
        options ??= new WaitOptions();
        options.Validate();
        // The ids in order, each once; the set that removes repeats is copied into each enumeration's round.
        // Sized from the collection's count, within reason (a count is only a hint: the ids are read one by one below).
        var ids = new List<string>(taskIds is ICollection<string> collection ? Math.Min(Math.Max(collection.Count, 0), 1024) : 4);
        var seen = ManyTaskRound.NewSet(ids.Capacity);
        var index = 0;
        foreach (var id in taskIds)
        {
            if (string.IsNullOrWhiteSpace(id) || Guard.HasControl(id))
            {
                throw new ArgumentException($"{nameof(taskIds)}[{index}] must not be null, empty, whitespace or hold control characters.", nameof(taskIds));
            }

            if (!seen.ContainsKey(id))
            {
                seen.Add(id, CreationType.Video);
                ids.Add(id);
            }

            index++;
        }

        return WaitForAllCoreAsync(ids, seen, options, cancellationToken);
    }

    private async IAsyncEnumerable<CreationTask> WaitForAllCoreAsync(List<string> ids, Dictionary<string, CreationType> seen, WaitOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            yield break;
        }

        using var deadline = new WaitDeadline(options.Timeout, Time, cancellationToken);
        var schedule = new PollSchedule(options.PollInterval, options.MaxPollInterval);
        // Copies: the round removes what finishes, and each enumeration of the result starts over from every id.
        var pending = new ManyTaskRound([.. ids], new Dictionary<string, CreationType>(seen, StringComparer.Ordinal));
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
                await pending.PollAsync(Api, deadline.Token).ConfigureAwait(false);
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
}
