using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Chanjing.Sdk.Internal.Authentication;

/// <summary>
/// Tokens from <see cref="ChanjingOptions.AppId"/> + <see cref="ChanjingOptions.SecretKey"/>: fetched once,
/// cached until <c>expire_in</c> minus the refresh margin, shared by every client of the same account in the
/// process (and through <see cref="IChanjingTokenCache"/> with other processes), renewed by exactly one caller
/// at a time.
/// </summary>
internal sealed class CredentialsAccessTokenProvider : IAccessTokenProvider
{
    private static readonly TimeSpan LeaseTime = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LeasePollInterval = TimeSpan.FromMilliseconds(100);

    private readonly Func<HttpClient, CancellationToken, Task<ChanjingAccessToken>> _fetch;
    private readonly ChanjingPipeline _owner;
    private readonly IChanjingTokenCache? _cache;
    private readonly string _cacheKey;
    private readonly string _stateKey;
    private readonly TimeProvider _time;
    private readonly TimeSpan _margin;
    private readonly ILogger _logger;
    private readonly ChanjingTelemetry _telemetry;

    public CredentialsAccessTokenProvider(ChanjingOptions options, Func<HttpClient, CancellationToken, Task<ChanjingAccessToken>> fetch, ChanjingPipeline owner, ILogger logger, ChanjingTelemetry telemetry)
    {
        _telemetry = telemetry;
        _fetch = fetch;
        _owner = owner;
        _cache = options.TokenCache;
        _time = options.TimeProvider;
        _margin = options.TokenRefreshMargin;
        _logger = logger;
        _cacheKey = CacheKey(options.BaseAddress, options.AppId!);
        // The secret is part of the in-process key only as a hash, so two clients with the same app id but a
        // different secret never share a token by mistake.
        _stateKey = _cacheKey + ":" + Hash(options.SecretKey!);
    }

    /// <summary>The shared-cache key of an account: no secret in it.</summary>
    public static string CacheKey(Uri baseAddress, string appId) => $"chanjing:token:{Hash(baseAddress.GetLeftPart(UriPartial.Authority).ToUpperInvariant() + "|" + appId)}";

    // Looked up on every call rather than held, so an evicted state is never kept alive beside its replacement.
    private TokenState State => TokenStates.For(_cache, _stateKey, _time);

    public async ValueTask<string> GetAccessTokenAsync(HttpClient httpClient, CancellationToken cancellationToken)
    {
        var state = State;
        var current = state.Current;
        if (current is not null && IsFresh(current))
        {
            return current.Token.Value;
        }

        var entry = await JoinAsync(httpClient, rejected: null, cancellationToken).ConfigureAwait(false);
        return entry.Token.Value;
    }

    public async ValueTask<string?> RenewAfterRejectionAsync(HttpClient httpClient, string rejectedToken, CancellationToken cancellationToken)
    {
        var current = State.Current;
        if (current is not null && current.Token.Value != rejectedToken && IsFresh(current))
        {
            // Another caller already replaced the rejected token.
            return current.Token.Value;
        }

        var entry = await JoinAsync(httpClient, rejectedToken, cancellationToken).ConfigureAwait(false);
        return entry.Token.Value;
    }

    private async Task<TokenEntry> JoinAsync(HttpClient httpClient, string? rejected, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var (flight, starter) = TokenStates.Join(_cache, _stateKey, _time, state => AcquireAsync(state, httpClient, rejected), _owner);
            try
            {
                return await flight.WithCancellation(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested && starter != _owner && starter.IsDisposed && !_owner.IsDisposed && attempt < 3)
            {
                // The shared fetch ran on the HttpClient of a client that was disposed meanwhile: fetch on this one.
                TokenLog.SharedFetchStarterDisposed(_logger);
            }
        }
    }

    private bool IsFresh(TokenEntry entry) => _time.GetUtcNow() < entry.RefreshAt;

    private TokenEntry Entry(ChanjingAccessToken token, bool justFetched)
    {
        var now = _time.GetUtcNow();
        var refreshAt = token.ExpiresAt - _margin;
        if (justFetched && refreshAt <= now)
        {
            // A token whose life is shorter than the margin is still used, but only until half its life is spent,
            // so that a short or already-past expire_in does not make every call fetch again.
            var life = token.ExpiresAt - now;
            refreshAt = life > TimeSpan.Zero ? now + TimeSpan.FromTicks(life.Ticks / 2) : now;
        }

        return new TokenEntry(token, refreshAt);
    }

    private async Task<TokenEntry> AcquireAsync(TokenState state, HttpClient httpClient, string? rejected)
    {
        // The state that was joined: it stays in the table while this fetch is in flight.
        var current = state.Current;
        if (current is not null && current.Token.Value != rejected && IsFresh(current))
        {
            return current;
        }

        if (_cache is null)
        {
            return state.Current = Entry(await FetchAsync(httpClient).ConfigureAwait(false), justFetched: true);
        }

        ChanjingAccessToken? fetched = null;
        try
        {
            var shared = await ReadSharedAsync(rejected).ConfigureAwait(false);
            if (shared is not null)
            {
                return state.Current = shared;
            }

            var deadline = TimeProvider.System.GetTimestamp();
            while (!await CacheCallAsync(() => _cache.TryAcquireRefreshLeaseAsync(_cacheKey, LeaseTime, CancellationToken.None)).ConfigureAwait(false))
            {
                // Another process is fetching: its token will appear in the cache. The lease lives on the shared store's
                // real clock, so this pause is real time too: a fake clock in the options must not stall it.
                await TimeProvider.System.DelayAsync(LeasePollInterval, CancellationToken.None).ConfigureAwait(false);
                shared = await ReadSharedAsync(rejected).ConfigureAwait(false);
                if (shared is not null)
                {
                    return state.Current = shared;
                }

                if (TimeProvider.System.GetElapsedTime(deadline) >= LeaseTime)
                {
                    TokenLog.LeaseNotReleased(_logger, LeaseTime);
                    break;
                }
            }

            try
            {
                // The lease holder before us may have stored a token between our read and our lease.
                shared = await ReadSharedAsync(rejected).ConfigureAwait(false);
                if (shared is not null)
                {
                    return state.Current = shared;
                }

                fetched = await FetchAsync(httpClient).ConfigureAwait(false);
                await CacheCallAsync(() => _cache.SetAsync(_cacheKey, fetched, CancellationToken.None)).ConfigureAwait(false);
                return state.Current = Entry(fetched, justFetched: true);
            }
            finally
            {
                await ReleaseLeaseAsync().ConfigureAwait(false);
            }
        }
        catch (TokenCacheUnavailableException ex)
        {
            // The shared store is down: this process keeps working with a token of its own (it may invalidate another
            // process's token; that process recovers through its 10400 renewal).
            TokenLog.TokenCacheFailed(_logger, ex.InnerException, ex.InnerException?.GetType().Name);
            fetched ??= await FetchAsync(httpClient).ConfigureAwait(false);
            return state.Current = Entry(fetched, justFetched: true);
        }
    }

    private async Task ReleaseLeaseAsync()
    {
        try
        {
            await CacheCallAsync(() => _cache!.ReleaseRefreshLeaseAsync(_cacheKey, CancellationToken.None)).ConfigureAwait(false);
        }
        catch (TokenCacheUnavailableException ex)
        {
            // The lease expires by itself after LeaseTime.
            TokenLog.LeaseReleaseFailed(_logger, ex.InnerException, ex.InnerException?.GetType().Name);
        }
    }

    private async Task<TokenEntry?> ReadSharedAsync(string? rejected)
    {
        var token = await CacheCallAsync(() => _cache!.GetAsync(_cacheKey, CancellationToken.None)).ConfigureAwait(false);
        if (token is null || token.Value == rejected || !TokenEndpoint.IsHeaderSafe(token.Value))
        {
            // A shared entry that a header cannot carry (written by a broken or hostile cache) counts as none.
            return null;
        }

        // A shared token is refreshed at the normal margin; only a token fetched just now is used despite a short life.
        var entry = Entry(token, justFetched: false);
        return IsFresh(entry) ? entry : null;
    }

    // A store may fail by throwing at once or through the task it returns: both count as an outage.
    private static async Task<T> CacheCallAsync<T>(Func<ValueTask<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            throw new TokenCacheUnavailableException(ex);
        }
    }

    private static async Task<bool> CacheCallAsync(Func<ValueTask> call)
    {
        try
        {
            await call().ConfigureAwait(false);
            return true;
        }
        catch (Exception ex)
        {
            throw new TokenCacheUnavailableException(ex);
        }
    }

    private async Task<ChanjingAccessToken> FetchAsync(HttpClient httpClient)
    {
        // The fetch is shared by every waiting caller, so no single caller's cancellation may abort it; the
        // token pipeline's own timeouts (bounded even when the options set none) end it.
        ChanjingAccessToken token;
        try
        {
            token = await _fetch(httpClient, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception)
        {
            _telemetry.TokenRefresh(success: false);
            throw;
        }

        _telemetry.TokenRefresh(success: true);
        if (token.ExpiresAt <= _time.GetUtcNow())
        {
            TokenLog.TokenExpiryNotInFuture(_logger, token.ExpiresAt);
        }
        else
        {
            TokenLog.TokenFetched(_logger, token.ExpiresAt);
        }

        return token;
    }

    internal static string Hash(string text)
    {
        using var sha = SHA256.Create();
        var bytes = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
        return BitConverter.ToString(bytes, 0, 12).Replace("-", string.Empty);
    }
}
