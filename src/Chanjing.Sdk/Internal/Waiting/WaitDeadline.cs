namespace Chanjing.Sdk.Internal.Waiting;

/// <summary>A wait's deadline as a cancellation source on the options' clock.</summary>
internal sealed class WaitDeadline : IDisposable
{
    private readonly CancellationTokenSource? _deadline;
    private readonly CancellationTokenSource _linked;

    /// <summary>The longest delay a timer takes (about 49.7 days); a longer deadline is no deadline (issue 22, W1).</summary>
    public static readonly TimeSpan LongestTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    public WaitDeadline(TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (timeout != Timeout.InfiniteTimeSpan && timeout <= LongestTimer)
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
