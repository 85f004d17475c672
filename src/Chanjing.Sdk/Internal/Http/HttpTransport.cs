using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Chanjing.Sdk.Internal.Http;

/// <summary>
/// Sends one attempt of a request and reads its answer: the only place that touches <see cref="HttpClient"/> for envelope
/// calls. Every way the send can fail becomes a <see cref="ChanjingException"/> that says whether the request certainly
/// did not reach the service (<see cref="SendOutcome"/>).
/// </summary>
/// <param name="baseAddress">The API's address; request paths are relative to it.</param>
/// <param name="guarded">Whether the HttpClients end with <see cref="SingleSendHandler"/>, so a request's ticket tells whether it left.</param>
/// <param name="time">The clock of retry-after dates and of the server clock's measurements.</param>
/// <param name="clock">Where the service's <c>Date</c> header is measured; null for none.</param>
/// <param name="userAgent">The User-Agent of every request; null for none.</param>
internal sealed class HttpTransport(Uri baseAddress, bool guarded, TimeProvider time, ServerClock? clock, string? userAgent)
{
    public const int MaxBodyBytes = 16 * 1024 * 1024;

    /// <summary>Whether the HttpClients end with <see cref="SingleSendHandler"/>.</summary>
    public bool Guarded => guarded;

    /// <summary>
    /// Sends <paramref name="request"/> once and converts the envelope's <c>data</c>. <paramref name="cancellationToken"/>
    /// ends the attempt (its timeout included); <paramref name="callerToken"/> is the caller's own, which tells a
    /// cancellation from a timeout.
    /// </summary>
    public async ValueTask<T> SendOnceAsync<T>(HttpClient http, ChanjingRequest request, string? token, Func<ServiceResponse, T> convert, CancellationToken cancellationToken, CancellationToken callerToken = default)
    {
        var requested = new Uri(baseAddress, request.PathAndQuery);
        using var message = new HttpRequestMessage(request.Method, requested);
        if (token is not null && !guarded)
        {
            message.Headers.TryAddWithoutValidation("access_token", token);
        }

        if (userAgent is not null)
        {
            message.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        }

        if (request.JsonBody is not null)
        {
            message.Content = new ByteArrayContent(request.JsonBody);
            // As text: parsed only if someone reads it (a MediaTypeHeaderValue per request otherwise).
            message.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
        }

        // With the single-send handler in place, it adds the token itself, below every logging handler.
        var ticket = SendTicket.Unattached;
        if (guarded)
        {
            // Only the single-send handler reads it; attaching allocates the message's options dictionary.
            ticket = new SendTicket { AccessToken = token };
            SendTicket.Attach(message, ticket);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested && !callerToken.IsCancellationRequested && guarded && ticket.ProvedNotProcessed)
        {
            // The attempt timed out while a handler around the HttpClient waited to send again (after a 429 or a refused
            // connection, or before the one send): the service never processed the request, so this is a refusal the
            // SDK may retry (even a submit), not a timeout with an unknown outcome.
            throw new ChanjingException($"Chanjing {request.Operation} was not processed: {(ticket.FirstStatus is { } status ? $"HTTP {(int)status}" : "no connection")}, then the attempt timed out while a handler around the HttpClient waited to send it again.", null, null, null, ticket.FirstStatus, isTransient: true, ex)
            {
                Outcome = SendOutcome.NotProcessed,
                RetryAfter = ticket.FirstRetryAfter,
            };
        }
        catch (Exception ex) when (ex is not ObjectDisposedException && !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            throw SendFailure(request.Operation, http, ticket, guarded, ex);
        }

        using (response)
        {
            if (response.RequestMessage?.RequestUri is { } final && !SameOrigin(final, requested))
            {
                // The caller's HttpClient followed a redirect (the SDK's own do not): the answer is another host's, not
                // Chanjing's, and the access_token went along with the request.
                throw new ChanjingException($"Chanjing {request.Operation} was redirected to another host ({Redaction.Url(final)}) by the HttpClient, which sent the access_token there too. Set AllowAutoRedirect = false on the handler of the HttpClient you give the SDK.", null, null, null, response.StatusCode, isTransient: false);
            }

            if (clock is not null)
            {
                clock.Observe(ServiceDate(response), time.GetUtcNow());
            }
            if ((int)response.StatusCode is >= 300 and <= 399)
            {
                // Never followed: the access_token would go wherever it points.
                throw new ChanjingException($"Chanjing {request.Operation} answered a redirect (HTTP {(int)response.StatusCode}) to {(response.Headers.Location is { } to ? Redaction.Url(to) : "(no location)")}; the SDK does not follow redirects of the API. Check BaseAddress.", null, null, null, response.StatusCode, isTransient: false);
            }

            ReadOnlyMemory<byte> body;
            try
            {
                body = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is IOException or ObjectDisposedException)
            {
                // The read was ended by disposing the response on cancellation.
                throw new OperationCanceledException(cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException or ObjectDisposedException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                throw new ChanjingException($"Chanjing {request.Operation} failed while reading the response (HTTP {(int)response.StatusCode}): {ex.Message}", null, null, null, response.StatusCode, isTransient: true, ex);
            }

            // The task lookup and list read a successful body in one pass (issue 28); what that reader declines goes on below.
            if (response.IsSuccessStatusCode && convert.Target is FastEnvelope<T> fast && fast.TryRead(body, out var quick))
            {
                return quick;
            }

            using var parsed = ResponseReader.Read(response.StatusCode, RetryAfter(response.Headers.RetryAfter, time), body, request.Sensitive);
            try
            {
                return convert(parsed);
            }
            catch (Exception ex) when (ex is FormatException or InvalidOperationException or JsonException or KeyNotFoundException or InvalidCastException or OverflowException or ArgumentException)
            {
                var detail = request.Sensitive ? ex.GetType().Name : SecretScrubber.Scrub(ex.Message);
                // A JSON exception's message may quote the data: it is not kept as the inner exception.
                throw ResponseReader.Malformed($"The data of the Chanjing {request.Operation} response could not be read: {detail}", parsed.TraceId, parsed.StatusCode, ex is JsonException ? null : ex);
            }
        }
    }

    /// <summary>Maps a failed send (a network failure, an outer handler's exception, a refused resend) to a typed exception.</summary>
    public static ChanjingException SendFailure(string operation, HttpClient http, SendTicket ticket, bool guarded, Exception ex)
    {
        if (ticket.ResendBlocked)
        {
            // An outer retry or hedging handler saw the one send fail and tried again: report what the one send saw.
            if (ticket.FirstStatus is { } status)
            {
                return new ChanjingException(
                    $"Chanjing {operation} answered HTTP {(int)status} ({status}); a handler around the Chanjing HttpClient then tried to send the request again, which the SDK refused (it sends each attempt once and retries by its own rules).",
                    null, null, null, status, TransientRules.IsTransientStatus(status), ex)
                { RetryAfter = ticket.FirstRetryAfter, Outcome = SendRules.NotProcessedIf((int)status == 429) };
            }

            return new ChanjingException(
                $"Chanjing {operation} failed after the request was sent ({ticket.FirstFailure?.Message ?? "no answer"}); a handler around the Chanjing HttpClient then tried to send it again, which the SDK refused.",
                null, null, null, null, isTransient: true, ex);
        }

        // With the single-send handler in place the ticket knows whether the request left; without it only a refused
        // connection proves that nothing was sent.
        var notSent = guarded ? !ticket.MayHaveLeft : ex is HttpRequestException hre && TransientRules.IsConnectFailure(hre);
        var what = ex switch
        {
            HttpRequestException => notSent ? "could not connect" : "the connection failed",
            OperationCanceledException => guarded && !ticket.ReachedTransport
                ? "a handler around the Chanjing HttpClient timed out before sending it"
                : $"timed out (HttpClient.Timeout {FormatTimeout(http.Timeout)}, or a timeout of a handler around the HttpClient)",
            _ => $"a handler around the Chanjing HttpClient failed it ({ex.GetType().Name})",
        };
        return new ChanjingException($"Chanjing {operation} failed: {what}{(notSent ? "; the request was not sent" : string.Empty)} ({SecretScrubber.Scrub(ex.Message)}).", null, null, null, null, isTransient: true, ex)
        {
            Outcome = SendRules.NotProcessedIf(notSent),
        };
    }

    public static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, TimeProvider time)
    {
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? date - time.GetUtcNow() : null;
    }

    /// <summary>The answer's <c>Date</c>: read without the validated header collection where the runtime allows (it allocates on every response).</summary>
    private static DateTimeOffset? ServiceDate(HttpResponseMessage response)
    {
#if NET8_0_OR_GREATER
        if (!response.Headers.NonValidated.TryGetValues("Date", out var dates))
        {
            return null;
        }

        if (dates.Count == 1 && DateTimeOffset.TryParseExact(dates.ToString(), "r", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal, out var date))
        {
            return date;
        }
#endif
        return response.Headers.Date;
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase) && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;

    private static string FormatTimeout(TimeSpan timeout) => timeout == Timeout.InfiniteTimeSpan ? "infinite" : timeout.ToString();

    /// <summary>A read that allocates no task when the data is already there (the memory overload returns a ValueTask).</summary>
    private static ValueTask<int> ReadAsync(Stream stream, byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
#if NET8_0_OR_GREATER
        stream.ReadAsync(buffer.AsMemory(offset, count), cancellationToken);
#else
        new(stream.ReadAsync(buffer, offset, count, cancellationToken));
#endif

    private static async ValueTask<ReadOnlyMemory<byte>> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
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

        // Older handlers (.NET Framework) may ignore the token on reads: disposing the response ends a stalled read.
        using var abort = cancellationToken.Register(static state => ((HttpResponseMessage)state!).Dispose(), response);
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
                        if (await ReadAsync(stream, probe, 0, 1, cancellationToken).ConfigureAwait(false) == 0)
                        {
                            break;
                        }

                        throw new IOException($"The response body exceeds {(declared is null ? $"the {MaxBodyBytes}-byte limit" : $"its Content-Length of {declared} bytes")}.");
                    }

                    Array.Resize(ref buffer, Math.Min(MaxBodyBytes, buffer.Length * 2));
                }

                var read = await ReadAsync(stream, buffer, filled, buffer.Length - filled, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                filled += read;
            }

            cancellationToken.ThrowIfCancellationRequested();
            return new ReadOnlyMemory<byte>(buffer, 0, filled);
        }
    }
}
