using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Chanjing.Sdk.Internal;

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
    private static readonly ConcurrentDictionary<string, TokenState> ProcessStates = new(StringComparer.Ordinal);
    private static readonly ConditionalWeakTable<IChanjingTokenCache, ConcurrentDictionary<string, TokenState>> CacheStates = new();

    private readonly TokenState _state;
    private readonly Func<HttpClient, CancellationToken, Task<ChanjingAccessToken>> _fetch;
    private readonly IChanjingTokenCache? _cache;
    private readonly string _cacheKey;
    private readonly TimeProvider _time;
    private readonly TimeSpan _margin;
    private readonly ILogger _logger;

    public CredentialsAccessTokenProvider(ChanjingOptions options, Func<HttpClient, CancellationToken, Task<ChanjingAccessToken>> fetch, ILogger logger)
    {
        _fetch = fetch;
        _cache = options.TokenCache;
        _time = options.TimeProvider;
        _margin = options.TokenRefreshMargin;
        _logger = logger;
        _cacheKey = CacheKey(options.BaseAddress, options.AppId!);
        // The secret is part of the in-process key only as a hash, so two clients with the same app id but a
        // different secret never share a token by mistake.
        var stateKey = _cacheKey + ":" + Hash(options.SecretKey!);
        var states = _cache is null ? ProcessStates : CacheStates.GetValue(_cache, static _ => new ConcurrentDictionary<string, TokenState>(StringComparer.Ordinal));
        _state = states.GetOrAdd(stateKey, static _ => new TokenState());
    }

    /// <summary>The shared-cache key of an account: no secret in it.</summary>
    public static string CacheKey(Uri baseAddress, string appId) => $"chanjing:token:{Hash(baseAddress.GetLeftPart(UriPartial.Authority).ToUpperInvariant() + "|" + appId)}";

    public async ValueTask<string> GetAccessTokenAsync(HttpClient httpClient, CancellationToken cancellationToken)
    {
        var current = _state.Current;
        if (current is not null && IsFresh(current))
        {
            return current.Token.Value;
        }

        var entry = await _state.RunSingleFlightAsync(() => AcquireAsync(httpClient, rejected: null), cancellationToken).ConfigureAwait(false);
        return entry.Token.Value;
    }

    public async ValueTask<string?> RenewAfterRejectionAsync(HttpClient httpClient, string rejectedToken, CancellationToken cancellationToken)
    {
        var current = _state.Current;
        if (current is not null && current.Token.Value != rejectedToken && IsFresh(current))
        {
            // Another caller already replaced the rejected token.
            return current.Token.Value;
        }

        var entry = await _state.RunSingleFlightAsync(() => AcquireAsync(httpClient, rejectedToken), cancellationToken).ConfigureAwait(false);
        return entry.Token.Value;
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

    private async Task<TokenEntry> AcquireAsync(HttpClient httpClient, string? rejected)
    {
        var current = _state.Current;
        if (current is not null && current.Token.Value != rejected && IsFresh(current))
        {
            return current;
        }

        if (_cache is null)
        {
            return _state.Current = Entry(await FetchAsync(httpClient).ConfigureAwait(false), justFetched: true);
        }

        var shared = await ReadSharedAsync(rejected).ConfigureAwait(false);
        if (shared is not null)
        {
            return _state.Current = shared;
        }

        var deadline = TimeProvider.System.GetUtcNow() + LeaseTime;
        while (!await _cache.TryAcquireRefreshLeaseAsync(_cacheKey, LeaseTime, CancellationToken.None).ConfigureAwait(false))
        {
            // Another process is fetching: its token will appear in the cache. The lease lives on the shared store's
            // real clock, so this pause is real time too: a fake clock in the options must not stall it.
            await TimeProvider.System.DelayAsync(LeasePollInterval, CancellationToken.None).ConfigureAwait(false);
            shared = await ReadSharedAsync(rejected).ConfigureAwait(false);
            if (shared is not null)
            {
                return _state.Current = shared;
            }

            if (TimeProvider.System.GetUtcNow() >= deadline)
            {
                _logger.LogWarning("Chanjing token refresh lease was not released in {LeaseTime}; fetching a token anyway.", LeaseTime);
                break;
            }
        }

        try
        {
            // The lease holder before us may have stored a token between our read and our lease.
            shared = await ReadSharedAsync(rejected).ConfigureAwait(false);
            if (shared is not null)
            {
                return _state.Current = shared;
            }

            var fetched = await FetchAsync(httpClient).ConfigureAwait(false);
            await _cache.SetAsync(_cacheKey, fetched, CancellationToken.None).ConfigureAwait(false);
            return _state.Current = Entry(fetched, justFetched: true);
        }
        finally
        {
            await _cache.ReleaseRefreshLeaseAsync(_cacheKey, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task<TokenEntry?> ReadSharedAsync(string? rejected)
    {
        var token = await _cache!.GetAsync(_cacheKey, CancellationToken.None).ConfigureAwait(false);
        if (token is null || token.Value == rejected)
        {
            return null;
        }

        // A shared token is refreshed at the normal margin; only a token fetched just now is used despite a short life.
        var entry = Entry(token, justFetched: false);
        return IsFresh(entry) ? entry : null;
    }

    private async Task<ChanjingAccessToken> FetchAsync(HttpClient httpClient)
    {
        // The fetch is shared by every waiting caller, so no single caller's cancellation may abort it; the
        // pipeline's own timeouts bound it.
        var token = await _fetch(httpClient, CancellationToken.None).ConfigureAwait(false);
        if (token.ExpiresAt <= _time.GetUtcNow())
        {
            _logger.LogWarning("Chanjing issued a token whose expire_in ({ExpiresAt:O}) is not in the future; check the clock. It is used once and fetched again on the next call.", token.ExpiresAt);
        }
        else
        {
            _logger.LogInformation("Fetched a Chanjing access token valid until {ExpiresAt:O}.", token.ExpiresAt);
        }

        return token;
    }

    private static string Hash(string text)
    {
        using var sha = SHA256.Create();
        var bytes = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
        return BitConverter.ToString(bytes, 0, 12).Replace("-", string.Empty);
    }

    private sealed record TokenEntry(ChanjingAccessToken Token, DateTimeOffset RefreshAt);

    /// <summary>The token of one account and the one fetch in flight for it.</summary>
    private sealed class TokenState
    {
        private readonly object _gate = new();
        private Task<TokenEntry>? _inFlight;
        private volatile TokenEntry? _current;

        public TokenEntry? Current
        {
            get => _current;
            set => _current = value;
        }

        public Task<TokenEntry> RunSingleFlightAsync(Func<Task<TokenEntry>> acquire, CancellationToken cancellationToken)
        {
            Task<TokenEntry> task;
            lock (_gate)
            {
                task = _inFlight ??= StartAsync(acquire);
            }

            return task.WithCancellation(cancellationToken);
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
                }
            }
        }
    }
}
