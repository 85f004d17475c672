
namespace Chanjing.Sdk.Internal.Submits;

/// <summary>What reconciliation found: the task claimed (opt-in), the candidates, the last look-up failure, and why nothing was claimed.</summary>
internal readonly record struct Reconciliation(string? ClaimedTaskId, IReadOnlyList<string> Candidates, Exception? Failure, string? NotClaimedBecause);

/// <summary>
/// After a submit whose answer was lost, lists the newest tasks of its type and reports those that could be the one it
/// created (<see cref="SubmitFingerprint.MayMatch"/>, created since the submit began, never returned to another submit).
/// Only with <see cref="ChanjingReconciliationOptions.ClaimUniqueMatch"/> is one of them returned as the submit's own,
/// and only when it is provably this submit's as far as this process can tell: the single candidate, an exact match,
/// absent from the newest tasks listed just before the submit was sent, created no earlier than the submit began (by
/// the measured service clock), and no other submit in the process (in flight, or ended without knowing its task)
/// could own it.
/// </summary>
internal static class SubmitReconciler
{
    // create_time and the Date header have one-second resolution: candidates are looked for from two seconds earlier.
    private static readonly TimeSpan Resolution = TimeSpan.FromSeconds(2);

    /// <param name="listNewest">Lists the newest page of tasks of a type (one list call; its answer measures <paramref name="clock"/>).</param>
    /// <param name="self">The submit's registration.</param>
    /// <param name="startedAt">When the submit began, by the client's clock.</param>
    /// <param name="clock">The service's clock offset, measured from its answers.</param>
    /// <param name="options">The client's settings.</param>
    /// <param name="telemetry">Where the outcome is counted.</param>
    /// <param name="cancellationToken">Stops the look-ups and the pauses between them.</param>
    public static async Task<Reconciliation> ReconcileAsync(
        Func<CreationType, CancellationToken, Task<IReadOnlyList<CreationTask>>> listNewest,
        SubmitRegistry.Registration self,
        DateTimeOffset startedAt,
        ServerClock clock,
        ChanjingOptions options,
        ChanjingTelemetry telemetry,
        CancellationToken cancellationToken)
    {
        var settings = options.Reconciliation;
        var fingerprint = self.Fingerprint;
        var type = fingerprint.Type.Value > 0 ? fingerprint.Type : CreationType.Video;
        Exception? failure = null;
        IReadOnlyList<string> candidates = [];
        string? notClaimed = null;
        for (var attempt = 0; attempt < settings.Attempts; attempt++)
        {
            if (attempt > 0)
            {
                await options.TimeProvider.DelayAsync(settings.Delay, cancellationToken).ConfigureAwait(false);
            }

            IReadOnlyList<CreationTask> newest;
            try
            {
                newest = await listNewest(type, cancellationToken).ConfigureAwait(false);
                failure = null;
            }
            catch (ChanjingException ex)
            {
                failure = ex;
                continue;
            }

            // Read after the list call: its answer's Date header has just measured the offset.
            var offset = clock.Offset;
            var submitBegan = startedAt + (offset ?? TimeSpan.Zero);
            var matching = newest
                .Where(t => t.CreatedAt is { } created && created >= submitBegan - Resolution && !self.WasReturned(t.Id) && fingerprint.MayMatch(t))
                .GroupBy(t => t.Id, StringComparer.Ordinal)
                .Select(g => g.First())
                .ToList();
            candidates = matching.Select(t => t.Id).ToArray();
            if (matching.Count == 0)
            {
                // The task may not be listed yet: look again.
                continue;
            }

            if (!settings.ClaimUniqueMatch)
            {
                break;
            }

            notClaimed = WhyNotClaimable(matching, offset, submitBegan, settings.ClockSkew, self);
            if (notClaimed is null && self.Returned(matching[0].Id))
            {
                telemetry.Reconciliation("claimed");
                return new Reconciliation(matching[0].Id, candidates, null, null);
            }

            notClaimed ??= "another submit returned it meanwhile";
            break;
        }

        telemetry.Reconciliation(candidates.Count > 0 ? "candidates" : failure is not null ? "failed" : "none");
        return new Reconciliation(null, candidates, candidates.Count > 0 ? null : failure, notClaimed);
    }

    /// <summary>Why the candidates cannot be claimed as this submit's task, or null when the single one can.</summary>
    private static string? WhyNotClaimable(List<CreationTask> matching, TimeSpan? offset, DateTimeOffset submitBegan, TimeSpan maximumSkew, SubmitRegistry.Registration self)
    {
        if (matching.Count > 1)
        {
            return "several tasks match it and cannot be told apart";
        }

        var task = matching[0];
        if (offset is not { } measured)
        {
            return "the service's clock could not be measured (its answers carry no Date header), so the task's creation time cannot be compared with the submit's start";
        }

        if (measured.Duration() > maximumSkew)
        {
            return $"the service's clock differs from this machine's by {measured.Duration().TotalSeconds:0} s, more than Reconciliation.ClockSkew";
        }

        // Listed before the submit was sent: it existed before the submit began. (create_time and the Date header have
        // whole seconds, so the time alone cannot tell a task of the second the submit began in from this one's.)
        if (self.ListedBefore is not { } before)
        {
            return "the tasks that existed before the submit could not be listed, so a task created just before it cannot be told from its own";
        }

        if (before.Contains(task.Id))
        {
            return "it was already listed before the submit was sent";
        }

        // create_time has whole seconds: a task of the second the submit began in is the earliest that can be its.
        var earliest = new DateTimeOffset(submitBegan.UtcTicks - (submitBegan.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        if (task.CreatedAt < earliest)
        {
            return "it was created before the submit began";
        }

        if (!self.Fingerprint.MatchesExactly(task))
        {
            return "not every field the service echoes agrees with the request";
        }

        return self.AnotherCouldOwn(task) ? "another submit in this process, in flight or with an unknown outcome, could own it" : null;
    }
}
