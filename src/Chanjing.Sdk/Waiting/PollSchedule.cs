namespace Chanjing.Sdk.Internal;

/// <summary>The pauses of a wait: start at the poll interval, grow ×1.5 to the ceiling, each with ±20 % jitter.</summary>
internal sealed class PollSchedule(TimeSpan first, TimeSpan max)
{
    public const double Growth = 1.5;
    public const double Jitter = 0.2;

#if !NET8_0_OR_GREATER
    private static readonly object RandomGate = new();
    private static readonly Random SharedRandom = new();
#endif

    private TimeSpan _base = first;

    /// <summary>The next pause (jittered), advancing the schedule.</summary>
    public TimeSpan Next()
    {
        var current = _base;
        var grown = TimeSpan.FromTicks((long)(current.Ticks * Growth));
        _base = grown > max ? max : grown;
        var factor = 1 - Jitter + (2 * Jitter * NextDouble());
        return TimeSpan.FromTicks(Math.Max(1, (long)(current.Ticks * factor)));
    }

    private static double NextDouble()
    {
#if NET8_0_OR_GREATER
        return Random.Shared.NextDouble();
#else
        lock (RandomGate)
        {
            return SharedRandom.NextDouble();
        }
#endif
    }
}

/// <summary>A wait's deadline as a cancellation source on the options' clock.</summary>
internal sealed class WaitDeadline : IDisposable
{
    private readonly CancellationTokenSource? _deadline;
    private readonly CancellationTokenSource _linked;

    public WaitDeadline(TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (timeout != Timeout.InfiniteTimeSpan)
        {
#if NET8_0_OR_GREATER
            _deadline = new CancellationTokenSource(timeout, timeProvider);
#else
            _deadline = TimeProviderTaskExtensions.CreateCancellationTokenSource(timeProvider, timeout);
#endif
            _linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _deadline.Token);
        }
        else
        {
            _linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        }

        CallerToken = cancellationToken;
    }

    public CancellationToken Token => _linked.Token;

    public CancellationToken CallerToken { get; }

    /// <summary>Whether the deadline, not the caller, ended the wait.</summary>
    public bool Expired => _deadline?.IsCancellationRequested == true && !CallerToken.IsCancellationRequested;

    public void Dispose()
    {
        _linked.Dispose();
        _deadline?.Dispose();
    }
}
