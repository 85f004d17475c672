namespace Chanjing.Sdk;

/// <summary>
/// How a submit whose answer was lost (timeout, dropped connection, 5xx, 50000) is settled
/// (<see cref="ChanjingOptions.Reconciliation"/>): the client looks for the task it created in the recent task list
/// before giving up with <see cref="ChanjingSubmitOutcomeUnknownException"/>. It never submits again.
/// </summary>
public sealed class ChanjingReconciliationOptions
{
    /// <summary>Whether a submit with an unknown outcome is looked up at all. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How many times one reconciliation lists recent tasks. Default 3; between 1 and 20.</summary>
    public int Attempts { get; set; } = 3;

    /// <summary>The pause between look-ups. Default 2 seconds.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The largest difference between the service's clock and the client's that reconciliation corrects for. The
    /// difference is measured from the <c>Date</c> header of the service's answers; reconciliation looks back from the
    /// moment the submit began only by that measured difference (capped by this value) plus two seconds of rounding,
    /// never by a fixed window. Default 2 minutes.
    /// </summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(2);

    internal ChanjingReconciliationOptions Clone() => (ChanjingReconciliationOptions)MemberwiseClone();
}
