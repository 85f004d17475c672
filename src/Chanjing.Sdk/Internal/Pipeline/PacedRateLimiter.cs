using System.Threading.RateLimiting;

namespace Chanjing.Sdk.Internal.Pipeline;

/// <summary>
/// A token bucket on a <see cref="TimeProvider"/>'s monotonic timestamps (the framework's buckets replenish from the real clock, so fake
/// time could not drive them): a burst of up to <c>burst</c> permits, then one permit every <c>interval</c>.
/// A caller over the limit reserves the next free slot and waits for it, cancellably; callers are served in the
/// order they arrived.
/// </summary>
internal sealed class PacedRateLimiter : RateLimiter
{
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly int _burst;
    private double _tokens;
    private long _updated; // a monotonic timestamp: wall-clock steps (NTP, VM resume) must not stall or burst the bucket
    private long _granted;
    private int _waiting;

    public PacedRateLimiter(double permitsPerSecond, TimeProvider time)
    {
        _time = time;
        _interval = TimeSpan.FromTicks(Math.Max(1, (long)(TimeSpan.TicksPerSecond / permitsPerSecond)));
        _burst = Math.Max(1, (int)Math.Ceiling(permitsPerSecond));
        _tokens = _burst;
        _updated = time.GetTimestamp();
    }

    public override TimeSpan? IdleDuration => null;

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            Refill();
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = (long)Math.Max(0, Math.Floor(_tokens)),
                CurrentQueuedCount = _waiting,
                TotalSuccessfulLeases = _granted,
                TotalFailedLeases = 0,
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_gate)
        {
            Refill();
            if (_tokens < permitCount)
            {
                return Lease.Failed;
            }

            _tokens -= permitCount;
            _granted++;
            return Lease.Acquired;
        }
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_gate)
        {
            Refill();
            _tokens -= permitCount;
            if (_tokens >= 0)
            {
                _granted++;
                return Lease.Acquired;
            }

            // The bucket is in debt: this caller's slot comes when the debt is paid back.
            wait = TimeSpan.FromTicks((long)Math.Ceiling(-_tokens * _interval.Ticks));
            _waiting++;
        }

        try
        {
            await _time.DelayAsync(wait, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            lock (_gate)
            {
                _tokens += permitCount;
                _waiting--;
            }

            throw;
        }

        lock (_gate)
        {
            _waiting--;
            _granted++;
        }

        return Lease.Acquired;
    }

    private void Refill()
    {
        var now = _time.GetTimestamp();
        var elapsed = _time.GetElapsedTime(_updated, now);
        if (elapsed > TimeSpan.Zero)
        {
            _tokens = Math.Min(_burst, _tokens + ((double)elapsed.Ticks / _interval.Ticks));
            _updated = now;
        }
    }

    private sealed class Lease(bool acquired) : RateLimitLease
    {
        public static readonly Lease Acquired = new(true);
        public static readonly Lease Failed = new(false);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
