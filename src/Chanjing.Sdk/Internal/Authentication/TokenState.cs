namespace Chanjing.Sdk.Internal.Authentication;

/// <summary>The token of one account and the one fetch in flight for it, with the pipeline whose HttpClient runs the fetch.</summary>
/// <remarks>
/// A state is dropped by <see cref="TokenStates"/> only through <see cref="TryRetire"/>, under the same lock that
/// <see cref="TryJoin"/> takes: a state is either joined (and then not idle until its fetch ends) or retired (and then
/// refuses every join, so its caller looks the account up again), never both (issue 22, T1).
/// </remarks>
internal sealed class TokenState
{
    private readonly object _gate = new();
    private Task<TokenEntry>? _inFlight;
    private ChanjingPipeline? _starter;
    private volatile TokenEntry? _current;
    private volatile bool _retired;

    public TokenEntry? Current
    {
        get => _current;
        set => _current = value;
    }

    /// <summary>The state was dropped from the process-wide table: it can no longer be joined.</summary>
    public bool IsRetired => _retired;

    /// <summary>Retires the state if nothing is in flight and no token is still usable at <paramref name="now"/>.</summary>
    public bool TryRetire(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_retired || (_inFlight is null && (_current is null || _current.Token.ExpiresAt <= now)))
            {
                _retired = true;
                return true;
            }

            return false;
        }
    }

    /// <summary>
    /// Joins the fetch in flight, or starts one with <paramref name="acquire"/>; gives it and the pipeline that started
    /// it. False, starting nothing, when the state was retired.
    /// </summary>
    public bool TryJoin(Func<TokenState, Task<TokenEntry>> acquire, ChanjingPipeline caller, out Task<TokenEntry> flight, out ChanjingPipeline starter)
    {
        lock (_gate)
        {
            if (_retired)
            {
                flight = null!;
                starter = null!;
                return false;
            }

            if (_inFlight is null)
            {
                _starter = caller;
                _inFlight = StartAsync(acquire);
            }

            flight = _inFlight;
            starter = _starter!;
            return true;
        }
    }

    private async Task<TokenEntry> StartAsync(Func<TokenState, Task<TokenEntry>> acquire)
    {
        // Yield first so the lock above is released before any work runs.
        await Task.Yield();
        try
        {
            return await acquire(this).ConfigureAwait(false);
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
