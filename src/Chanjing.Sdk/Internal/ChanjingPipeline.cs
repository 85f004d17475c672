using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Chanjing.Sdk.Internal;

/// <summary>Whether retrying a request is safe whenever it failed transiently, or only when it was certainly rejected.</summary>
internal enum RequestKind
{
    /// <summary>Reads and token fetches: retried on every transient failure.</summary>
    Read,

    /// <summary>A paid submit: retried only when the service certainly did not accept it.</summary>
    Submit,
}

/// <summary>One call to the service.</summary>
internal sealed record ChanjingRequest(HttpMethod Method, string PathAndQuery, byte[]? JsonBody, RequestKind Kind, bool Authenticated, string Operation);

/// <summary>
/// The request pipeline shared by every call of a client: rate limit, Polly retry and timeouts around
/// send + parse, the <c>access_token</c> header and its renewal on 10400, envelope parsing and error mapping.
/// One instance is shared by all typed clients of one registration.
/// </summary>
internal sealed class ChanjingPipeline : IDisposable
{
    /// <summary>The source of one activity per SDK call (attempts and token fetches nest under it as HTTP activities).</summary>
    internal static readonly ActivitySource ActivitySource = new("Chanjing.Sdk");

    private const int MaxBodyBytes = 16 * 1024 * 1024;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private readonly ChanjingOptions _options;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _reads;
    private readonly ResiliencePipeline _submits;
    private readonly PacedRateLimiter? _limiter;

    public ChanjingPipeline(ChanjingOptions options, ILogger logger)
    {
        _options = options;
        _logger = logger;
        if (options.RequestsPerSecond is { } rps)
        {
            _limiter = new PacedRateLimiter(rps, options.TimeProvider);
        }

        _reads = Build(RequestKind.Read);
        _submits = Build(RequestKind.Submit);
        Tokens = new StaticAccessTokenProvider(options.AccessToken ?? string.Empty);
        if (string.IsNullOrWhiteSpace(options.AccessToken))
        {
            Tokens = new CredentialsAccessTokenProvider(options, FetchTokenAsync, logger);
        }
    }

    public ChanjingOptions Options => _options;

    public ILogger Logger => _logger;

    public IAccessTokenProvider Tokens { get; }

    /// <summary>Sends a request through the whole pipeline and converts the envelope's <c>data</c>.</summary>
    public async Task<T> SendAsync<T>(HttpClient http, ChanjingRequest request, Func<ServiceResponse, T> convert, CancellationToken cancellationToken)
    {
        var pipeline = request.Kind == RequestKind.Submit ? _submits : _reads;
        using var activity = ActivitySource.StartActivity("chanjing " + request.Operation, ActivityKind.Internal);
        activity?.SetTag("chanjing.operation", request.Operation);
        activity?.SetTag("url.path", request.PathAndQuery.Split('?')[0]);
        try
        {
            return await pipeline.ExecuteAsync(
                static (state, ct) => new ValueTask<T>(state.Self.AttemptAsync(state.Http, state.Request, state.Convert, ct)),
                (Self: this, Http: http, Request: request, Convert: convert),
                cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException ex)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var timeout = new ChanjingException($"Chanjing {request.Operation} timed out after {ex.Timeout}.", null, null, null, null, isTransient: true, ex);
            Fail(activity, timeout);
            throw timeout;
        }
        catch (ChanjingException ex)
        {
            Fail(activity, ex);
            throw;
        }
    }

    private static void Fail(Activity? activity, ChanjingException error)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
        activity.SetTag("error.type", error.GetType().Name);
        activity.SetTag("chanjing.code", error.Code);
        activity.SetTag("chanjing.trace_id", error.TraceId);
    }

    private async Task<T> AttemptAsync<T>(HttpClient http, ChanjingRequest request, Func<ServiceResponse, T> convert, CancellationToken cancellationToken)
    {
        if (!request.Authenticated)
        {
            return await SendOnceAsync(http, request, null, convert, cancellationToken).ConfigureAwait(false);
        }

        var token = await Tokens.GetAccessTokenAsync(http, cancellationToken).ConfigureAwait(false);
        try
        {
            return await SendOnceAsync(http, request, token, convert, cancellationToken).ConfigureAwait(false);
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

            _logger.LogInformation("Chanjing rejected the access token for {Operation} (10400); retrying once with a renewed token.", request.Operation);
            try
            {
                // A 10400 means the request was refused before processing, so repeating it (even a submit) is safe.
                return await SendOnceAsync(http, request, renewed, convert, cancellationToken).ConfigureAwait(false);
            }
            catch (ChanjingAuthenticationException again) when (again.Code == 10400)
            {
                throw new ChanjingAuthenticationException(
                    $"Chanjing rejected a freshly renewed access token too (code 10400: {again.ServiceMessage ?? "no message"}). Another process may be fetching tokens for the same app id; share tokens with UseDistributedTokenCache().",
                    again.Code, again.ServiceMessage, again.TraceId, again.StatusCode, again);
            }
        }
    }

    private async Task<T> SendOnceAsync<T>(HttpClient http, ChanjingRequest request, string? token, Func<ServiceResponse, T> convert, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(request.Method, new Uri(_options.BaseAddress, request.PathAndQuery));
        if (token is not null)
        {
            message.Headers.TryAddWithoutValidation("access_token", token);
        }

        if (request.JsonBody is not null)
        {
            message.Content = new ByteArrayContent(request.JsonBody);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            var notSent = IsConnectFailure(ex);
            throw new ChanjingException(
                $"Chanjing {request.Operation} failed: {(notSent ? "could not connect" : "the connection failed")} ({ex.Message}).",
                null, null, null, null, isTransient: true, ex) { RequestRejected = notSent };
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Neither the caller nor the SDK cancelled: the HttpClient's own Timeout elapsed.
            throw new ChanjingException($"Chanjing {request.Operation} timed out (HttpClient.Timeout {http.Timeout} elapsed).", null, null, null, null, isTransient: true, ex);
        }

        using (response)
        {
            ReadOnlyMemory<byte> body;
            try
            {
                body = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException)
            {
                throw new ChanjingException($"Chanjing {request.Operation} failed while reading the response (HTTP {(int)response.StatusCode}): {ex.Message}", null, null, null, response.StatusCode, isTransient: true, ex);
            }

            using var parsed = ResponseReader.Read(response.StatusCode, RetryAfter(response), body);
            try
            {
                return convert(parsed);
            }
            catch (Exception ex) when (ex is FormatException or InvalidOperationException or JsonException or KeyNotFoundException or InvalidCastException or OverflowException or ArgumentException)
            {
                throw ResponseReader.Malformed($"The data of the Chanjing {request.Operation} response could not be read: {ex.Message}", parsed.TraceId, parsed.StatusCode, ex);
            }
        }
    }

    private async Task<ChanjingAccessToken> FetchTokenAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new AccessTokenBody { AppId = _options.AppId!, SecretKey = _options.SecretKey! }, ChanjingJsonContext.Default.AccessTokenBody);
        var request = new ChanjingRequest(HttpMethod.Post, "open/v1/access_token", body, RequestKind.Read, Authenticated: false, "access token fetch");
        try
        {
            return await SendAsync(http, request, static r => ReadToken(r.Data), cancellationToken).ConfigureAwait(false);
        }
        catch (ChanjingException ex) when (ex is not ChanjingAuthenticationException && !ex.IsTransient)
        {
            throw new ChanjingAuthenticationException($"Could not obtain a Chanjing access token for app id '{_options.AppId}': {ex.Message}", ex.Code, ex.ServiceMessage, ex.TraceId, ex.StatusCode, ex);
        }
    }

    private static ChanjingAccessToken ReadToken(JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"Expected the token object in 'data' but found {data.ValueKind}.");
        }

        var token = TaskReader.GetString(data, "access_token");
        var expires = TaskReader.GetInt64(data, "expire_in");
        if (string.IsNullOrEmpty(token) || expires is null)
        {
            throw new FormatException("The token response has no 'access_token' or 'expire_in'.");
        }

        return new ChanjingAccessToken(token!, DateTimeOffset.FromUnixTimeSeconds(expires.Value));
    }

    private ResiliencePipeline Build(RequestKind kind)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = _options.TimeProvider, Name = kind == RequestKind.Submit ? "chanjing-submit" : "chanjing-read" };
        if (_options.OperationTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(_options.OperationTimeout);
        }

        if (_options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = _options.MaxRetryAttempts,
                Delay = _options.RetryBaseDelay,
                MaxDelay = _options.RetryBaseDelay > MaxBackoff ? _options.RetryBaseDelay : MaxBackoff,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = kind == RequestKind.Submit
                    ? static args => new ValueTask<bool>(args.Outcome.Exception is ChanjingException { RequestRejected: true })
                    : static args => new ValueTask<bool>(args.Outcome.Exception is ChanjingException { IsTransient: true } or TimeoutRejectedException),
                DelayGenerator = args => new ValueTask<TimeSpan?>(
                    args.Outcome.Exception is ChanjingException { RetryAfter: { } wait } ? (wait > _options.MaxRetryAfter ? _options.MaxRetryAfter : wait < TimeSpan.Zero ? TimeSpan.Zero : wait) : null),
                OnRetry = args =>
                {
                    _logger.LogWarning("Chanjing call failed ({Error}); retry {Attempt} in {Delay}.", args.Outcome.Exception?.Message, args.AttemptNumber + 1, args.RetryDelay);
                    return default;
                },
            });
        }

        if (_limiter is not null)
        {
            builder.AddRateLimiter(_limiter);
        }

        if (_options.AttemptTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(_options.AttemptTimeout);
        }

        return builder.Build();
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? date - _options.TimeProvider.GetUtcNow() : null;
    }

    private static async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var declared = response.Content.Headers.ContentLength;
        if (declared > MaxBodyBytes)
        {
            throw new IOException($"The response body of {declared} bytes exceeds the {MaxBodyBytes}-byte limit.");
        }

#if NET8_0_OR_GREATER
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        using (stream)
        {
            // Sized by Content-Length when the server sends one (it usually does), grown only when it does not.
            var buffer = new byte[declared is { } length ? (int)length : 4096];
            var filled = 0;
            while (true)
            {
                if (filled == buffer.Length)
                {
                    if (declared is not null || buffer.Length >= MaxBodyBytes)
                    {
                        // A body longer than its Content-Length, or past the limit.
                        var probe = new byte[1];
                        if (await stream.ReadAsync(probe, 0, 1, cancellationToken).ConfigureAwait(false) == 0)
                        {
                            break;
                        }

                        throw new IOException($"The response body exceeds {(declared is null ? $"the {MaxBodyBytes}-byte limit" : $"its Content-Length of {declared} bytes")}.");
                    }

                    Array.Resize(ref buffer, Math.Min(MaxBodyBytes, buffer.Length * 2));
                }

                var read = await stream.ReadAsync(buffer, filled, buffer.Length - filled, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                filled += read;
            }

            return new ReadOnlyMemory<byte>(buffer, 0, filled);
        }
    }

    internal static bool IsConnectFailure(HttpRequestException ex)
    {
#if NET8_0_OR_GREATER
        if (ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            return true;
        }
#endif
        return ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.TryAgain };
    }

    public void Dispose()
    {
        _limiter?.Dispose();
    }
}
