using System.Net;

namespace Chanjing.Sdk.Internal.Http;

/// <summary>
/// The requests to storage, not to the Chanjing API: the upload PUT to a signed URL and the download GET of an output
/// (following storage redirects itself, without any credential of ours), each an attempt that the transfer strategy
/// retries. An attempt that moves no byte for <paramref name="attemptTimeout"/> has stalled: a transient failure.
/// </summary>
/// <param name="attemptTimeout">How long an attempt may go without progress.</param>
/// <param name="time">The clock of the idle timers.</param>
/// <param name="guarded">Whether the HttpClients end with <see cref="SingleSendHandler"/>.</param>
internal sealed class StorageTransfers(TimeSpan attemptTimeout, TimeProvider time, bool guarded)
{
    /// <summary>The copy buffer of uploads and downloads.</summary>
    public const int BufferSize = 81920;

    public async Task<long> PutAsync(HttpClient http, UploadTarget target, Func<Stream> open, long? length, CancellationToken cancellationToken)
    {
        // Each chunk the HttpClient takes re-arms the idle timer; a PUT that takes nothing, or waits for its answer, for
        // AttemptTimeout has stalled: a transient failure the transfer strategy retries.
        using var idle = new IdleTimeout(attemptTimeout, time, cancellationToken);
        using var source = open();
        using var counting = new CountingStream(source, idle.Arm);
        using var request = new HttpRequestMessage(HttpMethod.Put, target.SignUrl) { Content = new UploadContent(counting, BufferSize) };
        // The signature covers the content type: it must be exactly the one the service returned.
        request.Content.Headers.TryAddWithoutValidation("Content-Type", target.MimeType);
        if (length is { } known)
        {
            request.Content.Headers.ContentLength = known;
        }

        var ticket = new SendTicket();
        SendTicket.Attach(request, ticket);
        HttpResponseMessage response;
        try
        {
            idle.Arm();
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, idle.Token).ConfigureAwait(false);
            idle.Disarm();
        }
        catch (Exception ex) when (idle.Expired && !cancellationToken.IsCancellationRequested)
        {
            throw new ChanjingException($"Uploading to {Redaction.Url(target.SignUrl)} stalled: no progress for {idle.Period} (AttemptTimeout) after {counting.BytesRead} bytes.", null, null, null, null, isTransient: true, ex);
        }
        catch (Exception ex) when (ex is not ObjectDisposedException && !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            // A network failure, the caller's shorter HttpClient.Timeout, or a handler around the HttpClient.
            throw HttpTransport.SendFailure($"upload to {Redaction.Url(target.SignUrl)}", http, ticket, guarded, ex);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (status is < 200 or > 299)
            {
                throw new ChanjingException(
                    $"Uploading to {Redaction.Url(target.SignUrl)} failed with HTTP {status} ({response.StatusCode}){(status == 403 ? ": the storage refused the signature (expired URL or a different Content-Type)" : string.Empty)}.",
                    null, null, null, response.StatusCode, TransientRules.IsTransientStatus(response.StatusCode));
            }
        }

        return counting.BytesRead;
    }

    public async Task<long> DownloadAttemptAsync(HttpClient http, Uri url, DownloadResume resume, byte[] buffer, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        using var idle = new IdleTimeout(attemptTimeout, time, cancellationToken);
        try
        {
            idle.Arm();
            var response = await SendFollowingRedirectsAsync(http, url, HttpMethod.Get, resume, idle, "download", cancellationToken).ConfigureAwait(false);
            using (response)
            {
                var status = (int)response.StatusCode;
                if (status is < 200 or > 299)
                {
                    throw new ChanjingException($"Downloading {Redaction.Url(url)} failed with HTTP {status} ({response.StatusCode}).", null, null, null, response.StatusCode, TransientRules.IsTransientStatus(response.StatusCode));
                }

                var before = resume.Written;
                if (!resume.Accept(response, out var reason, out var retry))
                {
                    throw new ChanjingException($"Downloading {Redaction.Url(url)} was interrupted after {before} bytes and cannot resume: {reason}.", null, null, null, response.StatusCode, isTransient: retry);
                }

                if (resume.Written == 0)
                {
                    progress?.Report(0);
                }

                try
                {
#if NET8_0_OR_GREATER
                    using var body = await response.Content.ReadAsStreamAsync(idle.Token).ConfigureAwait(false);
#else
                    using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                    using var abort = idle.Token.Register(static state => ((HttpResponseMessage)state!).Dispose(), response);
#endif
                    while (true)
                    {
                        idle.Arm();
                        var read = await body.ReadAsync(buffer, 0, buffer.Length, idle.Token).ConfigureAwait(false);
                        idle.Disarm();
                        if (read == 0)
                        {
                            break;
                        }

                        await resume.Destination.WriteAsync(buffer, 0, read, cancellationToken).ConfigureAwait(false);
                        resume.Wrote(read);
                        progress?.Report(resume.Written);
                    }
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested && (idle.Expired || ex is IOException or HttpRequestException or ObjectDisposedException || ex is OperationCanceledException))
                {
                    throw idle.Expired
                        ? Stalled("download", url, resume.Written, idle.Period, ex)
                        : new ChanjingException($"Downloading {Redaction.Url(url)} failed after {resume.Written} bytes: {ex.Message}", null, null, null, response.StatusCode, isTransient: true, ex);
                }

                // A 200 whose body ends early fails inside HttpClient (Content-Length); a 206 is checked against its range.
                if (resume.ExpectedLength is { } total && resume.Written < total)
                {
                    throw new ChanjingException($"Downloading {Redaction.Url(url)} ended after {resume.Written} of {total} bytes.", null, null, null, response.StatusCode, isTransient: true);
                }

                return resume.Written;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
    }

    /// <summary>
    /// Sends the GET, following up to five redirects itself (the HttpClient does not: it would carry the API's
    /// access_token along). Storage redirects carry no credential of ours, so following them is safe.
    /// </summary>
    private async Task<HttpResponseMessage> SendFollowingRedirectsAsync(HttpClient http, Uri url, HttpMethod method, DownloadResume? resume, IdleTimeout idle, string what, CancellationToken cancellationToken)
    {
        var target = url;
        for (var hops = 0; ; hops++)
        {
            using var request = new HttpRequestMessage(method, target);
            resume?.Prepare(request);
            var ticket = new SendTicket();
            SendTicket.Attach(request, ticket);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, idle.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not ObjectDisposedException && !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                throw idle.Expired ? Stalled(what, url, resume?.Written ?? 0, idle.Period, ex) : HttpTransport.SendFailure($"{what} of {Redaction.Url(url)}", http, ticket, guarded, ex);
            }

            var status = (int)response.StatusCode;
            if (status is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location && hops < 5)
            {
                var next = location.IsAbsoluteUri ? location : new Uri(target, location);
                if (next.Scheme == Uri.UriSchemeHttp || next.Scheme == Uri.UriSchemeHttps)
                {
                    response.Dispose();
                    target = next;
                    continue;
                }
            }

            return response;
        }
    }

    private static ChanjingException Stalled(string what, Uri url, long written, TimeSpan idle, Exception inner) =>
        new($"{(what == "download" ? "Downloading" : $"The {what} of")} {Redaction.Url(url)} stalled: no data for {idle} (AttemptTimeout) after {written} bytes.", null, null, null, null, isTransient: true, inner);

    /// <summary>
    /// The size a HEAD request reports for <paramref name="url"/> (following storage redirects), or null when the
    /// storage does not say. Nothing else is read.
    /// </summary>
    public async Task<long?> ContentLengthAsync(HttpClient http, Uri url, CancellationToken cancellationToken)
    {
        using var idle = new IdleTimeout(attemptTimeout, time, cancellationToken);
        idle.Arm();
        using var response = await SendFollowingRedirectsAsync(http, url, HttpMethod.Head, null, idle, "size check", cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode && response.Content.Headers.ContentLength is > 0 and var length ? length : null;
    }
}
