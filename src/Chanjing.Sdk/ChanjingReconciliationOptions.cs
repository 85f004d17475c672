namespace Chanjing.Sdk;

/// <summary>
/// How a submit whose answer was lost (timeout, dropped connection, 5xx, 50000) is settled
/// (<see cref="ChanjingOptions.Reconciliation"/>). It is never submitted again. The client lists the newest tasks and
/// throws <see cref="ChanjingSubmitOutcomeUnknownException"/> whose <see cref="ChanjingSubmitOutcomeUnknownException.CandidateTaskIds"/>
/// holds the tasks that match the request and were created since the submit began: the caller decides. Returning a
/// single match as the submit's own result is opt-in (<see cref="ClaimUniqueMatch"/>).
/// </summary>
public sealed class ChanjingReconciliationOptions
{
    /// <summary>Whether a submit with an unknown outcome is looked up at all (to report candidates). Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Whether a single matching task may be returned as the submit's own result instead of being reported as a
    /// candidate. Default false. Safe only where one process submits for the account: another process's identical
    /// submit cannot be seen. When on, every submit first lists the newest tasks of its type (one more request), and a
    /// task is claimed only if it is the only candidate, every field the service echoes equals the request's (a field
    /// set on one side and missing on the other is a difference), it was not in that list, it was created no earlier
    /// than the submit began by the service's measured clock (within <see cref="ClockSkew"/>), and no other submit in
    /// this process (any client, any credentials) returned it, is still in flight with a request it could match, or
    /// ended with an unknown outcome it could match.
    /// </summary>
    public bool ClaimUniqueMatch { get; set; }

    /// <summary>How many times one reconciliation lists recent tasks. Default 3; between 1 and 20.</summary>
    public int Attempts { get; set; } = 3;

    /// <summary>The pause between look-ups. Default 2 seconds.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The largest difference between the service's clock and the client's under which a task may be claimed
    /// (<see cref="ClaimUniqueMatch"/>). The difference is measured from the <c>Date</c> header of the service's answers
    /// (the reconciliation's own list call measures it again); candidates are looked for from the moment the submit
    /// began, moved by that measured difference, less two seconds of rounding, never by a fixed window. When the
    /// difference is larger or cannot be measured, candidates are still reported but none is claimed. Default 2 minutes.
    /// </summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(2);

    internal ChanjingReconciliationOptions Clone() => (ChanjingReconciliationOptions)MemberwiseClone();
}
