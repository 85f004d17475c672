namespace Chanjing.Sdk.Internal.Authentication;

/// <summary>The token of one account and the one fetch in flight for it, with the pipeline whose HttpClient runs the fetch.</summary>
internal sealed class TokenState
{
    private readonly object _gate = new();
    private Task<TokenEntry>? _inFlight;
    private ChanjingPipeline? _starter;
    private volatile TokenEntry? _current;

    public TokenEntry? Current
    {
        get => _current;
        set => _current = value;
    }

    /// <summary>Nothing in flight and no token still usable at <paramref name="now"/>: the state can be dropped.</summary>
    public bool IsIdle(DateTimeOffset now)
    {
        lock (_gate)
        {
            return _inFlight is null && (_current is null || _current.Token.ExpiresAt <= now);
        }
    }

    /// <summary>Joins the fetch in flight, or starts one with <paramref name="acquire"/>; returns it and the pipeline that started it.</summary>
    public (Task<TokenEntry> Flight, ChanjingPipeline Starter) Join(Func<Task<TokenEntry>> acquire, ChanjingPipeline caller)
    {
        lock (_gate)
        {
            if (_inFlight is null)
            {
                _starter = caller;
                _inFlight = StartAsync(acquire);
            }

            return (_inFlight, _starter!);
        }
    }

    private async Task<TokenEntry> StartAsync(Func<Task<TokenEntry>> acquire)
    {
        // Yield first so the lock above is released before any work runs.
        await Task.Yield();
        try
        {
            return await acquire().ConfigureAwait(false);
        }
        finally
        {
            // Success or failure, the next caller starts afresh: a failed fetch poisons nothing.
            lock (_gate)
            {
                _inFlight = null;
                _starter = null;
            }
        }
    }
}
