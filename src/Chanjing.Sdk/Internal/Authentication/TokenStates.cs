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

    public static TokenState For(IChanjingTokenCache? cache, string key, TimeProvider time)
    {
        var states = cache is null ? ProcessStates : CacheStates.GetValue(cache, static _ => new ConcurrentDictionary<string, TokenState>(StringComparer.Ordinal));

        // Every authenticated request looks its account up: the common case takes no lock.
        if (states.TryGetValue(key, out var state))
        {
            return state;
        }

        lock (Gate)
        {
            if (states.TryGetValue(key, out state))
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
    }

    // Under the gate, so no state is created for a key while it is being dropped; readers never block.
    private static void Sweep(ConcurrentDictionary<string, TokenState> states, DateTimeOffset now)
    {
        foreach (var idle in states.Where(pair => pair.Value.IsIdle(now)).Select(pair => pair.Key).ToList())
        {
            states.TryRemove(idle, out _);
        }
    }
}
