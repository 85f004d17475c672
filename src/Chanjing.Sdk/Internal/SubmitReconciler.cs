namespace Chanjing.Sdk.Internal;

/// <summary>
/// After a submit whose answer was lost, looks for the task it created among the newest tasks of its type: one that
/// matches the submitted body (<see cref="SubmitFingerprint"/>), was created no earlier than the submit began (moved
/// only by the measured difference between the clocks), and was not already returned by any submit of the account.
/// </summary>
internal static class SubmitReconciler
{
    // create_time and the Date header both have one-second resolution.
    private static readonly TimeSpan Resolution = TimeSpan.FromSeconds(2);

    public static async Task<(string? TaskId, IReadOnlyList<string> Candidates, Exception? Failure)> ReconcileAsync(
        ChanjingClient client, SubmitFingerprint fingerprint, DateTimeOffset startedAt, SubmittedTaskIds claims, IDisposable self, CancellationToken cancellationToken)
    {
        var options = client.PipelineOptions;
        var time = options.TimeProvider;
        var since = startedAt + MeasuredSkew(client.ServerClockOffset, options.Reconciliation.ClockSkew) - Resolution;
        Exception? failure = null;
        IReadOnlyList<string> candidates = [];
        for (var attempt = 0; attempt < options.Reconciliation.Attempts; attempt++)
        {
            if (attempt > 0)
            {
                await time.DelayAsync(options.Reconciliation.Delay, cancellationToken).ConfigureAwait(false);
            }

            try
            {
                var type = fingerprint.Type.Value > 0 ? fingerprint.Type : CreationType.Video;
                var page = await client.ListPageAsync(type, [], null, 1, CreationTaskQuery.MaxPageSize, cancellationToken).ConfigureAwait(false);
                candidates = page.Tasks.Where(t => !claims.Contains(t.Id) && fingerprint.Matches(t, since)).Select(t => t.Id).Distinct(StringComparer.Ordinal).ToArray();
                failure = null;
            }
            catch (ChanjingException ex)
            {
                failure = ex;
                continue;
            }

            // Two matching tasks cannot be told apart: returning either could hide a duplicate or claim another submit's task.
            // Nor can one matching task while another identical submit of the account is still unsettled: it may be that one's.
            if (candidates.Count == 1 && claims.OtherInFlight(self, fingerprint.Key))
            {
                break;
            }

            if (candidates.Count == 1 && claims.TryClaim(candidates[0], time))
            {
                client.PipelineTelemetry.Reconciliation("found");
                return (candidates[0], candidates, null);
            }

            if (candidates.Count > 1)
            {
                break;
            }
        }

        client.PipelineTelemetry.Reconciliation(candidates.Count > 1 || (candidates.Count == 1 && claims.OtherInFlight(self, fingerprint.Key)) ? "ambiguous" : failure is not null ? "failed" : "none");
        return (null, candidates, failure);
    }

    /// <summary>The measured offset of the service's clock, capped by the configured maximum; zero when never measured.</summary>
    private static TimeSpan MeasuredSkew(TimeSpan? measured, TimeSpan maximum)
    {
        if (measured is not { } offset)
        {
            return TimeSpan.Zero;
        }

        return offset > maximum ? maximum : offset < -maximum ? -maximum : offset;
    }
}
