namespace Chanjing.Sdk.Internal.Products;

/// <summary>How a product looks for the job of a create call whose answer was lost: its newest jobs, and which of them could be the call's.</summary>
/// <param name="Noun">What the product makes, for messages ("avatar video").</param>
/// <param name="ResumeWith">The method that waits on one of them, for messages.</param>
/// <param name="ListNewest">The newest page of the product's jobs (one list call), or null when the product has no list endpoint.</param>
/// <param name="MayMatch">Whether a listed job could come from the request (the fields the list echoes); all when null.</param>
/// <param name="SnapshotBefore">
/// Whether to list the newest jobs before sending (one more list request per create): for products whose jobs carry no
/// creation time, the jobs listed before are the ones that cannot be the call's.
/// </param>
internal sealed record ProductReconciliation(
    string Noun,
    string ResumeWith,
    Func<CancellationToken, Task<IReadOnlyList<ChanjingJob>>>? ListNewest,
    Func<ChanjingJob, bool>? MayMatch = null,
    bool SnapshotBefore = false);

/// <summary>
/// A paid create of any product under rule 1: sent once per attempt that is certainly safe (retries only when the
/// service certainly refused it), and after an unknown outcome never sent again. The product's newest jobs are then
/// listed and those that could be the call's (created since it began by the measured service clock, echoing its fields
/// where the list does, never an id another call of this process returned) are reported as candidates on a
/// <see cref="ChanjingSubmitOutcomeUnknownException"/>. A product create never claims a candidate: its lists echo too
/// little of the request to tell two calls apart.
/// </summary>
internal static class PaidCreate
{
    // create_time and the Date header have one-second resolution: candidates are looked for from two seconds earlier.
    private static readonly TimeSpan Resolution = TimeSpan.FromSeconds(2);

    public static async Task<string> SendAsync(ProductContext context, ChanjingEndpoint<string> endpoint, byte[] body, ProductReconciliation reconciliation, CancellationToken cancellationToken)
    {
        var ledger = new SendLedger();
        var time = context.Time;
        IReadOnlyCollection<string>? before = null;
        if (reconciliation is { SnapshotBefore: true, ListNewest: { } list } && context.Options.Reconciliation.Enabled)
        {
            before = await SnapshotAsync(list, cancellationToken).ConfigureAwait(false);
        }

        var startedAt = time.GetUtcNow();
        try
        {
            var id = await context.Pipeline.SendAsync(context.Api.Http, endpoint, cancellationToken, body: body, ledger: ledger).ConfigureAwait(false);
            if (!context.Pipeline.SubmitRegistry.Returned(id, time))
            {
                // Another call of this process already returned this id: the service answered two creates with one job.
                SubmitLog.AnswerAlreadyClaimed(context.Logger, id);
            }

            return id;
        }
        catch (ChanjingException ex) when (SendRules.IsKnownNotCreated(ledger) && !cancellationToken.IsCancellationRequested)
        {
            throw ChanjingErrors.SubmitNotSent(ex);
        }
        catch (ChanjingException ex) when (SendRules.IsUnknownSubmitOutcome(ex) && !cancellationToken.IsCancellationRequested)
        {
            SubmitLog.OutcomeUnknown(context.Logger, ex.Message);
            if (reconciliation.ListNewest is null || !context.Options.Reconciliation.Enabled)
            {
                throw Unknown(ex, startedAt, reconciliation, [], null, reconciliation.ListNewest is null
                    ? $"Chanjing has no list of {reconciliation.Noun}s, so no reconciliation was possible"
                    : "Reconciliation is turned off");
            }

            var (candidates, failure) = await FindCandidatesAsync(context, reconciliation, startedAt, before, cancellationToken).ConfigureAwait(false);
            throw Unknown(ex, startedAt, reconciliation, candidates, failure, null);
        }
    }

    /// <summary>The ids listed before a create, or null when they could not be listed.</summary>
    private static async Task<IReadOnlyCollection<string>?> SnapshotAsync(Func<CancellationToken, Task<IReadOnlyList<ChanjingJob>>> list, CancellationToken cancellationToken)
    {
        try
        {
            return new HashSet<string>((await list(cancellationToken).ConfigureAwait(false)).Select(job => job.Id), StringComparer.Ordinal);
        }
        catch (ChanjingException)
        {
            return null;
        }
    }

    private static async Task<(IReadOnlyList<string> Candidates, Exception? Failure)> FindCandidatesAsync(ProductContext context, ProductReconciliation reconciliation, DateTimeOffset startedAt, IReadOnlyCollection<string>? before, CancellationToken cancellationToken)
    {
        var settings = context.Options.Reconciliation;
        var registry = context.Pipeline.SubmitRegistry;
        Exception? failure = null;
        for (var attempt = 0; attempt < settings.Attempts; attempt++)
        {
            if (attempt > 0)
            {
                await context.Time.DelayAsync(settings.Delay, cancellationToken).ConfigureAwait(false);
            }

            IReadOnlyList<ChanjingJob> newest;
            try
            {
                newest = await reconciliation.ListNewest!(cancellationToken).ConfigureAwait(false);
                failure = null;
            }
            catch (ChanjingException ex)
            {
                failure = ex;
                continue;
            }

            // Read after the list call: its answer's Date header has just measured the offset.
            var began = startedAt + (context.Pipeline.ServerClock.Offset ?? TimeSpan.Zero) - Resolution;
            var candidates = newest
                .Where(job => (job.CreatedAt is { } created ? created >= began : before is null || !before.Contains(job.Id))
                    && !registry.WasReturned(job.Id) && (reconciliation.MayMatch?.Invoke(job) ?? true))
                .Select(job => job.Id)
                .Distinct(StringComparer.Ordinal)
                .ToArray();
            if (candidates.Length > 0)
            {
                context.Pipeline.Telemetry.Reconciliation("candidates");
                return (candidates, null);
            }
        }

        context.Pipeline.Telemetry.Reconciliation(failure is not null ? "failed" : "none");
        return ([], failure);
    }

    private static ChanjingSubmitOutcomeUnknownException Unknown(ChanjingException error, DateTimeOffset startedAt, ProductReconciliation product, IReadOnlyList<string> candidates, Exception? failure, string? notReconciled)
    {
        var message = $"The create call may or may not have created a{(product.Noun.Length > 0 && "aeiou".IndexOf(product.Noun[0]) >= 0 ? "n" : string.Empty)} {product.Noun} ({error.Message}). It was not sent again, because each costs money. ";
        if (notReconciled is not null)
        {
            message += $"{notReconciled}: look for {product.Noun}s created after {startedAt:O} before creating again.";
        }
        else if (candidates.Count > 0)
        {
            message += $"{Capitalised(product.Noun)}s created since the call began that could be its: {string.Join(", ", candidates)}. " +
                $"Each may be this call's or another's, so none is returned as this call's. To follow one, wait on its id ({product.ResumeWith}); create again only if none is yours.";
        }
        else
        {
            message += $"No {product.Noun} created since the call began ({startedAt:O}) was listed yet; one may still appear. Look again before creating again." +
                (failure is not null ? $" The list could not be read: {failure.Message}" : string.Empty);
        }

        return new ChanjingSubmitOutcomeUnknownException(message, startedAt, candidates, failure ?? error);
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);
}
