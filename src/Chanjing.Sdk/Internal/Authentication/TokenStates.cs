using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Chanjing.Sdk.Internal.Authentication;

/// <summary>
/// The process-wide token states, one per account (and per token cache). States with no usable token and no fetch in
/// flight are dropped as new accounts arrive, so a multi-tenant app does not grow without bound.
/// </summary>
internal static class TokenStates
{
    private const int SweepEvery = 64;
    private static readonly object Gate = new();
    private static readonly ConcurrentDictionary<string, TokenState> ProcessStates = new(StringComparer.Ordinal);
    private static readonly ConditionalWeakTable<IChanjingTokenCache, ConcurrentDictionary<string, TokenState>> CacheStates = new();
    private static int _addedSinceSweep;

    /// <summary>How many accounts have a state in this process (for tests).</summary>
    public static int Count => ProcessStates.Count;

    /// <summary>The state of an account, to read its token. To fetch one, use <see cref="Join"/>: a state looked up here may be swept before it is joined.</summary>
    public static TokenState For(IChanjingTokenCache? cache, string key, TimeProvider time)
    {
        var states = StatesOf(cache);

        // Every authenticated request looks its account up: the common case takes no lock.
        if (states.TryGetValue(key, out var state) && !state.IsRetired)
        {
            return state;
        }

        lock (Gate)
        {
            return GetOrAddLocked(states, key, time);
        }
    }

    /// <summary>
    /// Joins the account's fetch in flight, or starts one with <paramref name="acquire"/> (given the state it fills).
    /// The state joined is the one in the table: a state swept between the lookup and the join refuses it, and the join
    /// is then made under the lock that sweeping takes, where no state can be retired.
    /// </summary>
    public static (Task<TokenEntry> Flight, ChanjingPipeline Starter) Join(IChanjingTokenCache? cache, string key, TimeProvider time, Func<TokenState, Task<TokenEntry>> acquire, ChanjingPipeline caller)
    {
        if (For(cache, key, time).TryJoin(acquire, caller, out var flight, out var starter))
        {
            return (flight, starter);
        }

        lock (Gate)
        {
            // Sweeping retires and removes under this lock: the state found or made here is live, and stays joinable
            // until the lock is released, by which time its fetch is in flight (so it is not idle).
            if (!GetOrAddLocked(StatesOf(cache), key, time).TryJoin(acquire, caller, out flight, out starter))
            {
                throw new InvalidOperationException("A token state was retired while the sweeping lock was held.");
            }

            return (flight, starter);
        }
    }

    private static ConcurrentDictionary<string, TokenState> StatesOf(IChanjingTokenCache? cache) =>
        cache is null ? ProcessStates : CacheStates.GetValue(cache, static _ => new ConcurrentDictionary<string, TokenState>(StringComparer.Ordinal));

    private static TokenState GetOrAddLocked(ConcurrentDictionary<string, TokenState> states, string key, TimeProvider time)
    {
        // Retired states are removed under this lock, so one found here is live.
        if (states.TryGetValue(key, out var state))
        {
            return state;
        }

        if (++_addedSinceSweep >= SweepEvery)
        {
            _addedSinceSweep = 0;
            Sweep(states, time.GetUtcNow());
        }

        state = new TokenState();
        states[key] = state;
        return state;
    }

    // Under the gate, so no state is created for a key while it is being dropped; readers never block. A state is retired
    // (under its own lock, which joining takes too) before it is removed: one that a caller holds can no longer be joined.
    private static void Sweep(ConcurrentDictionary<string, TokenState> states, DateTimeOffset now)
    {
        foreach (var pair in states)
        {
            if (pair.Value.TryRetire(now))
            {
                states.TryRemove(pair.Key, out _);
            }
        }
    }
}
