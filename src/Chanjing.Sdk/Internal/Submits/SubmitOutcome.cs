namespace Chanjing.Sdk.Internal.Submits;

/// <summary>The exception of a submit whose outcome stayed unknown, with what reconciliation found.</summary>
internal static class SubmitOutcome
{
    public static ChanjingSubmitOutcomeUnknownException Unknown(ChanjingException error, DateTimeOffset startedAt, Reconciliation found, bool reconciled)
    {
        var message = $"The submit may or may not have created a task ({error.Message}). It was not sent again, because each task costs money. ";
        if (!reconciled)
        {
            message += $"Reconciliation is turned off. Check with ListTasksAsync for tasks created after {startedAt:O} before submitting again.";
        }
        else if (found.Candidates.Count > 0)
        {
            message += $"Tasks created since the submit began that match it: {string.Join(", ", found.Candidates)}. " +
                "Each may be this submit's or another submit's with the same settings, so none is returned as this submit's" +
                (found.NotClaimedBecause is { } why ? $" (not claimed: {why})" : string.Empty) +
                ". To follow one, wait on its id (WaitForCompletionAsync); submit again only if none is yours.";
        }
        else
        {
            message += $"No task created since the submit began ({startedAt:O}) matches it yet; one may still appear. List tasks created after that time before submitting again." +
                (found.Failure is { } failure ? $" The task list could not be read: {failure.Message}" : string.Empty);
        }

        return new ChanjingSubmitOutcomeUnknownException(message, startedAt, found.Candidates, found.Failure ?? error);
    }
}
