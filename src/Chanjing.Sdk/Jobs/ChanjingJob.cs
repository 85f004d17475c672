using System.Text.Json;

namespace Chanjing.Sdk;

/// <summary>
/// What every product's job has in common (an AI-creation task, and the jobs of the other products as they land):
/// its id, whether it finished and succeeded by its product's own rule, progress where reported, the service's error
/// text, its outputs and the raw JSON. Each product's job adds its own status and fields.
/// </summary>
public abstract class ChanjingJob
{
    /// <summary>Only the SDK's own job types derive from it.</summary>
    private protected ChanjingJob()
    {
    }

    /// <summary>The job's id, as its create call returned it.</summary>
    public abstract string Id { get; }

    /// <summary>Whether the job reached a final state, by its product's rule (a wait ends there).</summary>
    public abstract bool IsFinished { get; }

    /// <summary>Whether the job finished successfully, by its product's rule (its outputs are then ready).</summary>
    public abstract bool IsSucceeded { get; }

    /// <summary>Progress from 0 to 100 where the product reports it; null where it does not.</summary>
    public abstract int? Progress { get; }

    /// <summary>The service's error text, verbatim; null or empty unless the job failed.</summary>
    public abstract string? ErrorMessage { get; }

    /// <summary>When the service created the job, when it says.</summary>
    public abstract DateTimeOffset? CreatedAt { get; }

    /// <summary>The produced files; empty until the job succeeds.</summary>
    public abstract IReadOnlyList<Uri> OutputUrls { get; }

    /// <summary>The job object exactly as received, so fields this version does not model stay reachable.</summary>
    public abstract JsonElement RawJson { get; }

    /// <summary>
    /// Whether the job failed for lack of credits: its <see cref="ErrorMessage"/> is one of the service's billing texts
    /// (蝉豆不足, 余额不足, 扣费失败, 欠费, ...). Top up before creating again.
    /// </summary>
    public bool IsBillingFailure => !IsSucceeded && BillingMessages.Matches(ErrorMessage);

    /// <summary>What the job is, for messages ("Task", "Avatar video", ...).</summary>
    internal abstract string Kind { get; }

    /// <summary>The status as text, for messages and logs.</summary>
    internal abstract string StatusText { get; }

    /// <summary>Whether the status is one this version knows (an unknown one is polled through and logged once).</summary>
    internal virtual bool IsKnownStatus => true;
}
