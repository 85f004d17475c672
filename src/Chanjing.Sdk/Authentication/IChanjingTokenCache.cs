namespace Chanjing.Sdk;

/// <summary>
/// Shares access tokens between processes that use the same app id, so that they do not invalidate each
/// other (fetching a token invalidates the previous one). The SDK provides an <c>IDistributedCache</c>
/// implementation through <c>UseDistributedTokenCache()</c>; implement this for another store.
/// </summary>
public interface IChanjingTokenCache
{
    /// <summary>Reads the shared token, or null when there is none.</summary>
    /// <param name="key">The cache key (derived from base address and app id; contains no secret).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    ValueTask<ChanjingAccessToken?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Stores a freshly fetched token for the other processes.</summary>
    /// <param name="key">The cache key.</param>
    /// <param name="token">The token.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    ValueTask SetAsync(string key, ChanjingAccessToken token, CancellationToken cancellationToken = default);

    /// <summary>
    /// Tries to become the one process that fetches the next token. Returns false when another process holds
    /// the lease; the caller then waits for that process's token to appear in the cache.
    /// </summary>
    /// <param name="key">The cache key.</param>
    /// <param name="leaseTime">How long the lease lasts if it is never released.</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    ValueTask<bool> TryAcquireRefreshLeaseAsync(string key, TimeSpan leaseTime, CancellationToken cancellationToken = default);

    /// <summary>Gives up a lease taken with <see cref="TryAcquireRefreshLeaseAsync"/>.</summary>
    /// <param name="key">The cache key.</param>
    /// <param name="cancellationToken">Cancels the release.</param>
    ValueTask ReleaseRefreshLeaseAsync(string key, CancellationToken cancellationToken = default);
}
