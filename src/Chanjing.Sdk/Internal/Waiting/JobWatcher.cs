using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;

namespace Chanjing.Sdk.Internal.Waiting;

/// <summary>What a wait needs to know about one kind of job (an AI-creation task, an avatar video, a speech task, ...).</summary>
/// <typeparam name="TJob">The job type.</typeparam>
internal interface IJobKind<TJob>
    where TJob : class
{
    /// <summary>Reads the job once (one GET).</summary>
    Task<TJob> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Whether the job reached a final state (its product's rule).</summary>
    bool IsFinished(TJob job);

    /// <summary>Whether the job's status is one the SDK knows (an unknown one is polled through and logged once).</summary>
    bool IsKnown(TJob job);

    /// <summary>The status as text, for logs.</summary>
    string StatusText(TJob job);

    /// <summary>Whether <paramref name="current"/> is worth reporting after <paramref name="previous"/> (the status changed).</summary>
    bool Changed(TJob previous, TJob current);

    /// <summary>The exception of a wait whose deadline passed, with the last state seen.</summary>
    ChanjingWaitTimeoutException Timeout(string id, TJob? last, TimeSpan timeout);
}

/// <summary>
/// The wait every product shares: poll with backoff between <see cref="WaitOptions.PollInterval"/> and
/// <see cref="WaitOptions.MaxPollInterval"/> (jittered), always bounded by <see cref="WaitOptions.Timeout"/>, stopped at
/// once by cancellation (the pause and the GET in flight), a few transient poll failures tolerated, an unknown status
/// polled through, and a state yielded only when it changed. The job's own rules come from its <see cref="IJobKind{TJob}"/>.
/// </summary>
internal static class JobWatcher
{
    /// <summary>Yields the job's states as they change, ending after a finished one; throws the kind's timeout at the deadline.</summary>
    public static async IAsyncEnumerable<TJob> WatchAsync<TJob>(IJobKind<TJob> kind, string id, WaitOptions options, bool pollFirst, TimeProvider time, ILogger logger, [EnumeratorCancellation] CancellationToken cancellationToken)
        where TJob : class
    {
        using var deadline = new WaitDeadline(options.Timeout, time, cancellationToken);
        var schedule = new PollSchedule(options.PollInterval, options.MaxPollInterval);
        TJob? last = null;
        var failures = 0;
        var loggedUnknown = false;
        var poll = pollFirst;
        while (true)
        {
            if (poll)
            {
                TJob? observed = null;
                try
                {
                    observed = await kind.GetAsync(id, deadline.Token).ConfigureAwait(false);
                    failures = 0;
                }
                catch (OperationCanceledException) when (deadline.Expired)
                {
                }
                catch (ChanjingException ex) when (ex.IsTransient && failures < options.MaxConsecutiveTransientFailures && !deadline.Expired)
                {
                    failures++;
                    WaitLog.PollFailureTolerated(logger, id, ex.Message, failures, options.MaxConsecutiveTransientFailures);
                }

                if (deadline.Expired)
                {
                    throw kind.Timeout(id, last, options.Timeout);
                }

                if (observed is not null)
                {
                    var changed = last is null || kind.Changed(last, observed);
                    last = observed;
                    if (changed)
                    {
                        yield return observed;
                    }

                    if (kind.IsFinished(observed))
                    {
                        yield break;
                    }

                    if (!kind.IsKnown(observed) && !loggedUnknown)
                    {
                        loggedUnknown = true;
                        WaitLog.UnknownStatus(logger, id, kind.StatusText(observed));
                    }
                }
            }

            poll = true;
            try
            {
                await time.DelayAsync(schedule.Next(), deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (deadline.Expired)
            {
            }

            if (deadline.Expired)
            {
                throw kind.Timeout(id, last, options.Timeout);
            }
        }
    }
}
