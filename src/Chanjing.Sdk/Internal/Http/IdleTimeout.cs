namespace Chanjing.Sdk.Internal.Http;

/// <summary>
/// Cancels when no progress was made for a while: re-armed before each read of a transfer, so a body that stalls after
/// its headers ends as a timeout (and resumes) instead of hanging. Runs on the options' clock.
/// </summary>
internal sealed class IdleTimeout : IDisposable
{
    private readonly TimeSpan _timeout;
    private readonly CancellationTokenSource _expired = new();
    private readonly CancellationTokenSource _linked;
    private readonly ITimer? _timer;

    public IdleTimeout(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        _timeout = timeout;
        _linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _expired.Token);
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            _timer = time.CreateTimer(static state => ((IdleTimeout)state!).Expire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Cancelled by the caller or by the idle timeout.</summary>
    public CancellationToken Token => _linked.Token;

    /// <summary>Whether the idle timeout (not the caller) cancelled.</summary>
    public bool Expired => _expired.IsCancellationRequested;

    public TimeSpan Period => _timeout;

    /// <summary>Starts a new idle period.</summary>
    public void Arm() => _timer?.Change(_timeout, System.Threading.Timeout.InfiniteTimeSpan);

    /// <summary>Stops counting (progress was made, or the transfer ended).</summary>
    public void Disarm() => _timer?.Change(System.Threading.Timeout.InfiniteTimeSpan, System.Threading.Timeout.InfiniteTimeSpan);

    private void Expire()
    {
        try
        {
            _expired.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The transfer ended and disposed this watchdog as the timer fired.
        }
    }

    public void Dispose()
    {
        _timer?.Dispose();
        _linked.Dispose();
        _expired.Dispose();
    }
}
