namespace Chanjing.Emulator.RateLimits;

/// <summary>
/// Chanjing's documented per-endpoint request limits (<see cref="ChanjingEmulatorOptions.DocumentedRequestsPerMinute"/>
/// in a sliding minute, <see cref="ChanjingEmulatorOptions.DocumentedRequestsPerSecond"/> in a sliding second),
/// applied when <see cref="ChanjingEmulatorOptions.EnforceDocumentedRateLimits"/> is set, on the emulator's clock, per
/// endpoint (each emulator is one account). Refused requests do not count. Thread-safe.
/// </summary>
internal sealed class EndpointRateLimiter(ChanjingEmulatorOptions options)
{
    private readonly object _gate = new();
    private readonly Dictionary<EmulatorEndpoint, Queue<DateTimeOffset>> _accepted = [];

    /// <summary>Whether a request to <paramref name="endpoint"/> now is over its limit (if not, it is counted).</summary>
    public bool Exceeded(EmulatorEndpoint endpoint)
    {
        if (!options.EnforceDocumentedRateLimits)
        {
            return false;
        }

        var (limit, window) = ChanjingEmulatorOptions.DocumentedRequestsPerMinute.TryGetValue(endpoint, out var perMinute) ? (perMinute, TimeSpan.FromMinutes(1))
            : ChanjingEmulatorOptions.DocumentedRequestsPerSecond.TryGetValue(endpoint, out var perSecond) ? (perSecond, TimeSpan.FromSeconds(1))
            : (0, TimeSpan.Zero);
        if (window == TimeSpan.Zero)
        {
            return false;
        }

        var now = options.TimeProvider.GetUtcNow();
        lock (_gate)
        {
            if (!_accepted.TryGetValue(endpoint, out var times))
            {
                _accepted[endpoint] = times = new Queue<DateTimeOffset>();
            }

            while (times.Count > 0 && now - times.Peek() >= window)
            {
                times.Dequeue();
            }

            if (times.Count >= limit)
            {
                return true;
            }

            times.Enqueue(now);
            return false;
        }
    }
}
