using System.Globalization;
using System.Text;
using Microsoft.Extensions.Caching.Distributed;

namespace Chanjing.Sdk.Internal.Authentication;

/// <summary>
/// <see cref="IChanjingTokenCache"/> over <see cref="IDistributedCache"/>. The refresh lease is optimistic, as the
/// cache has no atomic compare-and-set: write a random owner mark, wait briefly, read it back. Two processes
/// can both win only if their writes are further apart than the settle time yet both saw no lease; then both
/// fetch, the later token wins, and the other process converges on its next 10400 by re-reading the cache
/// (at most one extra fetch per race, never a loop: a 10400 is retried once).
/// </summary>
internal sealed class DistributedChanjingTokenCache(IDistributedCache cache) : IChanjingTokenCache
{
    // The shared store expires entries on its real clock, so the lease and the expiry use real time as well.
    private static readonly TimeProvider RealTime = TimeProvider.System;
    private static readonly TimeSpan SettleTime = TimeSpan.FromMilliseconds(50);
    private readonly string _owner = Guid.NewGuid().ToString("N");

    public async ValueTask<ChanjingAccessToken?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        var text = await cache.GetStringAsync(key, cancellationToken).ConfigureAwait(false);
        var separator = text?.IndexOf('|') ?? -1;
        if (text is null || separator <= 0 || !long.TryParse(text.Substring(0, separator), NumberStyles.Integer, CultureInfo.InvariantCulture, out var expires))
        {
            return null;
        }

        var value = text.Substring(separator + 1);
        return value.Length == 0 ? null : new ChanjingAccessToken(value, DateTimeOffset.FromUnixTimeMilliseconds(expires));
    }

    public async ValueTask SetAsync(string key, ChanjingAccessToken token, CancellationToken cancellationToken = default)
    {
        var text = token.ExpiresAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + "|" + token.Value;
        var options = new DistributedCacheEntryOptions();
        if (token.ExpiresAt > RealTime.GetUtcNow())
        {
            options.AbsoluteExpiration = token.ExpiresAt;
        }
        else
        {
            options.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(1);
        }

        await cache.SetAsync(key, Encoding.UTF8.GetBytes(text), options, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<bool> TryAcquireRefreshLeaseAsync(string key, TimeSpan leaseTime, CancellationToken cancellationToken = default)
    {
        var leaseKey = key + ":lease";
        var holder = await cache.GetStringAsync(leaseKey, cancellationToken).ConfigureAwait(false);
        if (holder is not null && holder != _owner)
        {
            return false;
        }

        await cache.SetStringAsync(leaseKey, _owner, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = leaseTime }, cancellationToken).ConfigureAwait(false);
        await RealTime.DelayAsync(SettleTime, cancellationToken).ConfigureAwait(false);
        return await cache.GetStringAsync(leaseKey, cancellationToken).ConfigureAwait(false) == _owner;
    }

    public async ValueTask ReleaseRefreshLeaseAsync(string key, CancellationToken cancellationToken = default)
    {
        var leaseKey = key + ":lease";
        if (await cache.GetStringAsync(leaseKey, cancellationToken).ConfigureAwait(false) == _owner)
        {
            await cache.RemoveAsync(leaseKey, cancellationToken).ConfigureAwait(false);
        }
    }
}
