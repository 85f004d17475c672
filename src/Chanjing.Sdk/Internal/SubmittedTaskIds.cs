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
    private readonly ConcurrentDictionary<object, string> _inFlight = new();

    /// <summary>The ids of one account (base address + app id, or a hash of the fixed token).</summary>
    public static SubmittedTaskIds For(ChanjingOptions options)
    {
        var account = !string.IsNullOrWhiteSpace(options.AccessToken)
            ? "token:" + CredentialsAccessTokenProvider.Hash(options.AccessToken!)
            : CredentialsAccessTokenProvider.CacheKey(options.BaseAddress, options.AppId ?? string.Empty);
        return Accounts.GetOrAdd(options.BaseAddress.GetLeftPart(UriPartial.Authority) + "|" + account, static _ => new SubmittedTaskIds());
    }

    public bool Contains(string id) => _ids.ContainsKey(id);

    /// <summary>
    /// Records a submit whose outcome is not settled yet (its fingerprint key); dispose the result when it is. While
    /// another submit with the same fingerprint is unsettled, a matching task may be that submit's: reconciliation
    /// must not claim it.
    /// </summary>
    public IDisposable Begin(string fingerprintKey)
    {
        var entry = new InFlight(this);
        _inFlight[entry] = fingerprintKey;
        return entry;
    }

    /// <summary>Whether a submit other than <paramref name="self"/> with this fingerprint is still unsettled.</summary>
    public bool OtherInFlight(IDisposable self, string fingerprintKey) =>
        _inFlight.Any(pair => !ReferenceEquals(pair.Key, self) && string.Equals(pair.Value, fingerprintKey, StringComparison.Ordinal));

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

    private sealed class InFlight(SubmittedTaskIds owner) : IDisposable
    {
        public void Dispose() => owner._inFlight.TryRemove(this, out _);
    }
}
