namespace Chanjing.Sdk;

/// <summary>
/// When and how a failed call is tried again (<see cref="ChanjingOptions.Retry"/>). The same rules apply to every call
/// and transfer; a submit is retried only when the service certainly did not process it.
/// </summary>
public sealed class ChanjingRetryOptions
{
    /// <summary>How many times a failed call is retried when retrying is safe. Default 3; 0 turns retries off. At most 100.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The first retry delay; later ones grow exponentially, with jitter. Default 1 second.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest <c>Retry-After</c> the client honours; longer requests are capped to it. Default 30 seconds.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    internal ChanjingRetryOptions Clone() => (ChanjingRetryOptions)MemberwiseClone();
}
