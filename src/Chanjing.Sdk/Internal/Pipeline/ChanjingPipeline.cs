using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Chanjing.Sdk.Internal.Pipeline;

/// <summary>
/// The request path shared by every call of a registration, top to bottom: resilience (rate limit, Polly retry and
/// timeouts around send + parse, run by <see cref="OperationRunner"/>) → the <c>access_token</c> header and its renewal
/// on 10400 (the token provider fetches through its own <see cref="TokenSender"/>) → <see cref="HttpTransport"/>.
/// </summary>
internal sealed class ChanjingPipeline : IDisposable
{
    // A shared token fetch must end even when the options set no timeout: every later caller joins it.
    private static readonly TimeSpan TokenAttemptCap = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan TokenOperationCap = TimeSpan.FromMinutes(2);

    private readonly ChanjingOptions _options;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _reads;
    private readonly ResiliencePipeline _submits;
    private readonly ResiliencePipeline _transfers;
    private readonly ResiliencePipeline _transfersOnce;
    private readonly PacedRateLimiter? _limiter;
    private readonly OperationRunner _runner;
    private int _disposed;

    /// <param name="options">The registration's settings (validated).</param>
    /// <param name="logger">Where retries and token renewals are logged.</param>
    /// <param name="guarded">Whether the HttpClients end with <see cref="SingleSendHandler"/>.</param>
    /// <param name="telemetry">Where traces and metrics go; the shared instruments when null.</param>
    /// <param name="ownerName">The name of the public object that owns the pipeline, for <see cref="ObjectDisposedException"/> after it was disposed.</param>
    public ChanjingPipeline(ChanjingOptions options, ILogger logger, bool guarded = false, ChanjingTelemetry? telemetry = null, string? ownerName = null)
    {
        _options = options;
        _logger = logger;
        Telemetry = telemetry ?? ChanjingTelemetry.Shared;
        UserAgent = UserAgentHeader.For(options.ApplicationId);
        Transport = new HttpTransport(options.BaseAddress, guarded, options.TimeProvider, ServerClock, UserAgent);
        _runner = new OperationRunner(options.TimeProvider, Telemetry, () => IsDisposed, ownerName ?? "Chanjing client");
        if (options.RequestsPerSecond is { } rps)
        {
            _limiter = new PacedRateLimiter(rps, options.TimeProvider);
        }

        var factory = new ResilienceFactory(options, _limiter, logger, Telemetry);
        _reads = factory.Build(RequestKind.Read, options.AttemptTimeout, options.OperationTimeout);
        _submits = factory.Build(RequestKind.Submit, options.AttemptTimeout, options.OperationTimeout);
        _transfers = factory.BuildTransfer(retry: true);
        _transfersOnce = factory.BuildTransfer(retry: false);
        if (string.IsNullOrWhiteSpace(options.AccessToken))
        {
            var tokenFetches = factory.Build(
                RequestKind.Read,
                options.AttemptTimeout == Timeout.InfiniteTimeSpan ? TokenAttemptCap : options.AttemptTimeout,
                options.OperationTimeout == Timeout.InfiniteTimeSpan ? TokenOperationCap : options.OperationTimeout);
            Tokens = new CredentialsAccessTokenProvider(options, new TokenSender(options, _runner, tokenFetches, Transport).FetchAsync, this, logger, Telemetry);
        }
        else
        {
            Tokens = new StaticAccessTokenProvider(options.AccessToken!);
        }
    }

    public ChanjingOptions Options => _options;

    public ILogger Logger => _logger;

    /// <summary>Where traces and metrics go.</summary>
    public ChanjingTelemetry Telemetry { get; }

    public IAccessTokenProvider Tokens { get; }

    /// <summary>The User-Agent of every request: the SDK, the runtime and the OS, after the application id when one is set.</summary>
    public string UserAgent { get; }

    /// <summary>The submits this process sent and the ids they returned, shared by every client of the process.</summary>
    public SubmitRegistry SubmitRegistry => _options.SubmitRegistry;

    /// <summary>The service's clock offset, measured from the answers' <c>Date</c> header.</summary>
    public ServerClock ServerClock { get; } = new();

    /// <summary>Whether the HttpClients of this pipeline end with <see cref="SingleSendHandler"/> (clients built by <c>AddChanjing</c>).</summary>
    public bool Guarded => Transport.Guarded;

    /// <summary>Sends one attempt and reads its answer.</summary>
    public HttpTransport Transport { get; }

    /// <summary>True once the owner disposed the pipeline (and with it, outside DI, the HttpClient it was used with).</summary>
    public bool IsDisposed => Volatile.Read(ref _disposed) == 1;

    /// <summary>Sends a request through the whole pipeline and converts the envelope's <c>data</c>; <paramref name="ledger"/> records whether any attempt may have reached the service (submits).</summary>
    public Task<T> SendAsync<T>(HttpClient http, ChanjingRequest request, Func<ServiceResponse, T> convert, CancellationToken cancellationToken, SendLedger? ledger = null) =>
        SendThroughAsync(request.Kind == RequestKind.Submit ? _submits : _reads, http, request, convert, ledger, cancellationToken);

    /// <summary>Calls <paramref name="endpoint"/> through the whole pipeline.</summary>
    public Task<T> SendAsync<T>(HttpClient http, ChanjingEndpoint<T> endpoint, CancellationToken cancellationToken, string? query = null, byte[]? body = null, SendLedger? ledger = null) =>
        SendAsync(http, endpoint.Call(query, body), endpoint.Convert, cancellationToken, ledger);

    private Task<T> SendThroughAsync<T>(ResiliencePipeline strategy, HttpClient http, ChanjingRequest request, Func<ServiceResponse, T> convert, SendLedger? ledger, CancellationToken cancellationToken) =>
        _runner.RunAsync(
            strategy,
            request.Operation,
            request.PathAndQuery,
            (Self: this, Http: http, Request: request, Convert: convert, Ledger: ledger),
            static (s, attempt, caller) => s.Self.AttemptAsync(s.Http, s.Request, s.Convert, s.Ledger, attempt, caller),
            static (operation, timeout) => $"Chanjing {operation} timed out after {timeout}.",
            cancellationToken);

    /// <summary>
    /// Runs a transfer (<paramref name="attempt"/> once per try) on the shared transfer strategy: retried on transient
    /// failures when <paramref name="retry"/> (<see cref="ChanjingRetryOptions.MaxAttempts"/>), bounded overall by
    /// <see cref="ChanjingOptions.OperationTimeout"/>.
    /// </summary>
    public Task<T> TransferAsync<T>(string operation, bool retry, Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken) =>
        _runner.RunAsync(
            retry ? _transfers : _transfersOnce,
            operation,
            null,
            attempt,
            static (a, token, _) => new ValueTask<T>(a(token)),
            static (name, timeout) => $"Chanjing {name} did not finish within {timeout} (OperationTimeout).",
            cancellationToken);

    private async ValueTask<T> AttemptAsync<T>(HttpClient http, ChanjingRequest request, Func<ServiceResponse, T> convert, SendLedger? ledger, CancellationToken cancellationToken, CancellationToken callerToken)
    {
        if (!request.Authenticated)
        {
            return await SendOnceAsync(http, request, null, convert, ledger, cancellationToken, callerToken).ConfigureAwait(false);
        }

        var token = await Tokens.GetAccessTokenAsync(http, cancellationToken).ConfigureAwait(false);
        try
        {
            return await SendOnceAsync(http, request, token, convert, ledger, cancellationToken, callerToken).ConfigureAwait(false);
        }
        catch (ChanjingAuthenticationException rejected) when (rejected.Code == 10400)
        {
            var renewed = await Tokens.RenewAfterRejectionAsync(http, token, cancellationToken).ConfigureAwait(false);
            if (renewed is null)
            {
                throw new ChanjingAuthenticationException(
                    $"Chanjing rejected the access token (code 10400: {rejected.ServiceMessage ?? "no message"}): it is invalid or expired. A fixed AccessToken cannot be refreshed; set AppId and SecretKey instead to let the SDK fetch and refresh tokens.",
                    rejected.Code, rejected.ServiceMessage, rejected.TraceId, rejected.StatusCode, rejected);
            }

            PipelineLog.TokenRejected(_logger, request.Operation);
            try
            {
                // A 10400 means the request was refused before processing, so repeating it (even a submit) is safe.
                return await SendOnceAsync(http, request, renewed, convert, ledger, cancellationToken, callerToken).ConfigureAwait(false);
            }
            catch (ChanjingAuthenticationException again) when (again.Code == 10400)
            {
                throw new ChanjingAuthenticationException(
                    $"Chanjing rejected a freshly renewed access token too (code 10400: {again.ServiceMessage ?? "no message"}). Another process may be fetching tokens for the same app id; share tokens with UseDistributedTokenCache().",
                    again.Code, again.ServiceMessage, again.TraceId, again.StatusCode, again);
            }
        }
    }

    private async ValueTask<T> SendOnceAsync<T>(HttpClient http, ChanjingRequest request, string? token, Func<ServiceResponse, T> convert, SendLedger? ledger, CancellationToken cancellationToken, CancellationToken callerToken)
    {
        ledger?.Sending();
        try
        {
            return await Transport.SendOnceAsync(http, request, token, convert, cancellationToken, callerToken).ConfigureAwait(false);
        }
        catch (ChanjingException ex) when (ledger is not null)
        {
            ledger.Settle(ex);
            throw;
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _limiter?.Dispose();
        }
    }
}
