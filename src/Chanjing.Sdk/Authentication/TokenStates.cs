using System.Runtime.CompilerServices;

namespace Chanjing.Sdk.Internal;

/// <summary>
/// The process-wide token states, one per account (and per token cache). States with no usable token and no fetch in
/// flight are dropped as new accounts arrive, so a multi-tenant app does not grow without bound.
/// </summary>
internal static class TokenStates
{
    private const int SweepEvery = 64;
    private static readonly object Gate = new();
    private static readonly Dictionary<string, TokenState> ProcessStates = new(StringComparer.Ordinal);
    private static readonly ConditionalWeakTable<IChanjingTokenCache, Dictionary<string, TokenState>> CacheStates = new();
    private static int _addedSinceSweep;

    /// <summary>How many accounts have a state in this process (for tests).</summary>
    public static int Count
    {
        get
        {
            lock (Gate)
            {
                return ProcessStates.Count;
            }
        }
    }

    public static TokenState For(IChanjingTokenCache? cache, string key, TimeProvider time)
    {
        lock (Gate)
        {
            var states = cache is null ? ProcessStates : CacheStates.GetValue(cache, static _ => new Dictionary<string, TokenState>(StringComparer.Ordinal));
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
            states.Add(key, state);
            return state;
        }
    }

    private static void Sweep(Dictionary<string, TokenState> states, DateTimeOffset now)
    {
        foreach (var idle in states.Where(pair => pair.Value.IsIdle(now)).Select(pair => pair.Key).ToList())
        {
            states.Remove(idle);
        }
    }
}
