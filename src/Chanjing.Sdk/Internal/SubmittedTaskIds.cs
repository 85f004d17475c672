using System.Collections.Concurrent;

namespace Chanjing.Sdk.Internal;

/// <summary>
/// Every task id a submit of an account returned in this process (directly or through reconciliation). Reconciliation
/// never returns one of them again, whichever client instance asks: each submit gets the task it created, or none.
/// </summary>
internal sealed class SubmittedTaskIds
{
    private const int PruneAbove = 4096;
    private static readonly TimeSpan Keep = TimeSpan.FromHours(6);
    private static readonly ConcurrentDictionary<string, SubmittedTaskIds> Accounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _ids = new(StringComparer.Ordinal);

    /// <summary>The ids of one account (base address + app id, or a hash of the fixed token).</summary>
    public static SubmittedTaskIds For(ChanjingOptions options)
    {
        var account = !string.IsNullOrWhiteSpace(options.AccessToken)
            ? "token:" + CredentialsAccessTokenProvider.Hash(options.AccessToken!)
            : CredentialsAccessTokenProvider.CacheKey(options.BaseAddress, options.AppId ?? string.Empty);
        return Accounts.GetOrAdd(options.BaseAddress.GetLeftPart(UriPartial.Authority) + "|" + account, static _ => new SubmittedTaskIds());
    }

    public bool Contains(string id) => _ids.ContainsKey(id);

    /// <summary>Claims <paramref name="id"/>; false when a submit already returned it.</summary>
    public bool TryClaim(string id, TimeProvider time)
    {
        if (!_ids.TryAdd(id, time.GetTimestamp()))
        {
            return false;
        }

        if (_ids.Count > PruneAbove)
        {
            // A task claimed hours ago was created hours before any submit still reconciling, so its look-back
            // (the submit's start less the measured clock skew) cannot reach it: forgetting it is safe.
            foreach (var old in _ids.Where(pair => time.GetElapsedTime(pair.Value) > Keep).Select(pair => pair.Key).ToList())
            {
                _ids.TryRemove(old, out _);
            }
        }

        return true;
    }
}
