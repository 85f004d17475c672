namespace Chanjing.Sdk;

/// <summary>How a wait polls: the first pause, the backoff ceiling, the overall deadline and the tolerance for failed polls.</summary>
public sealed class WaitOptions
{
    /// <summary>The first pause between polls. Default 2 seconds; each later pause is about 1.5 times longer, ±20 % jitter.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest pause between polls (before jitter). Default 15 seconds; must not be less than <see cref="PollInterval"/>.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The deadline of the whole wait. Default 20 minutes; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>, or
    /// anything longer than a timer can hold (about 49.7 days, up to <see cref="TimeSpan.MaxValue"/>), waits without one
    /// (cancellation still works). Pauses longer than that are shortened to it.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>How many polls in a row may fail transiently (rate limit, 5xx, network) before the wait gives up with the last failure. Default 5.</summary>
    public int MaxConsecutiveTransientFailures { get; set; } = 5;

    /// <summary>
    /// Called by <see cref="IChanjingClient.GenerateReferenceVideoAsync"/> with the new task id as soon as the submit
    /// answered, before the wait starts, so the id can be persisted and the wait resumed after a crash.
    /// </summary>
    public Action<string>? OnSubmitted { get; set; }

    /// <summary>Throws when a setting is out of range, naming it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is zero, negative, or the ceiling is below the first pause.</exception>
    public void Validate()
    {
        if (PollInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(PollInterval), PollInterval, $"{nameof(PollInterval)} must be greater than zero.");
        }

        if (MaxPollInterval <= TimeSpan.Zero || MaxPollInterval < PollInterval)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxPollInterval), MaxPollInterval, $"{nameof(MaxPollInterval)} must be greater than zero and at least {nameof(PollInterval)} ({PollInterval}).");
        }

        if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, $"{nameof(Timeout)} must be greater than zero, or Timeout.InfiniteTimeSpan.");
        }

        if (MaxConsecutiveTransientFailures < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxConsecutiveTransientFailures), MaxConsecutiveTransientFailures, $"{nameof(MaxConsecutiveTransientFailures)} must be zero or more.");
        }
    }
}
