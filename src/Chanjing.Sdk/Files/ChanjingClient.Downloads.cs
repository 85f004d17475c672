using System.Net;
using Microsoft.Extensions.Logging;

namespace Chanjing.Sdk;

public partial class ChanjingClient
{
    /// <inheritdoc />
    public virtual async Task<long> DownloadAsync(Uri url, Stream destination, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(url, nameof(url));
        Guard.NotNull(destination, nameof(destination));
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The download URL must be an absolute http(s) URL, but was '{Redaction.Url(url)}'.", nameof(url));
        }

        if (!destination.CanWrite)
        {
            throw new ArgumentException("The destination stream must be writable.", nameof(destination));
        }

        var resume = new DownloadResume(destination);
        var buffer = new byte[CopyBufferSize];
        // Each try resumes where the last one stopped (HTTP Range, If-Range); tries and the overall bound are the shared transfer strategy's.
        return await Pipeline.TransferAsync("download", retry: true, ct => DownloadAttemptAsync(url, resume, buffer, progress, ct), cancellationToken).ConfigureAwait(false);
    }

    private async Task<long> DownloadAttemptAsync(Uri url, DownloadResume resume, byte[] buffer, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        using var idle = new IdleTimeout(Options.AttemptTimeout, Time, cancellationToken);
        var http = Http;
        try
        {
            idle.Arm();
            var response = await SendFollowingRedirectsAsync(http, url, resume, idle, cancellationToken).ConfigureAwait(false);
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
                        ? Stalled(url, resume.Written, idle.Period, ex)
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
    private async Task<HttpResponseMessage> SendFollowingRedirectsAsync(HttpClient http, Uri url, DownloadResume resume, IdleTimeout idle, CancellationToken cancellationToken)
    {
        var target = url;
        for (var hops = 0; ; hops++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, target);
            resume.Prepare(request);
            var ticket = new SendTicket();
            SendTicket.Attach(request, ticket);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, idle.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not ObjectDisposedException && !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                throw idle.Expired ? Stalled(url, resume.Written, idle.Period, ex) : HttpTransport.SendFailure($"download of {Redaction.Url(url)}", http, ticket, Pipeline.Guarded, ex);
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

    private static ChanjingException Stalled(Uri url, long written, TimeSpan idle, Exception inner) =>
        new($"Downloading {Redaction.Url(url)} stalled: no data for {idle} (AttemptTimeout) after {written} bytes.", null, null, null, null, isTransient: true, inner);

    /// <inheritdoc />
    public virtual async Task<IReadOnlyList<string>> DownloadOutputsAsync(CreationTask task, string directory, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(task, nameof(task));
        Guard.NotNullOrWhiteSpace(directory, nameof(directory));
        if (!task.Status.IsSuccess || task.OutputUrls.Count == 0)
        {
            throw new ArgumentException($"Task {task.Id} has no outputs to download (status {task.Status}).", nameof(task));
        }

        var urls = task.OutputUrls.ToArray();
        foreach (var url in urls)
        {
            if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                // The service's data, not the caller's argument: a failure of the call, not a usage error.
                throw new ChanjingException($"Task {task.Id} reports an output that is not an absolute http(s) URL ('{Redaction.Url(url)}'); it cannot be downloaded.", null, null, null, null, isTransient: false) { TaskId = task.Id };
            }
        }

        Directory.CreateDirectory(directory);
        var saved = new List<string>(urls.Length);
        var refreshed = false;
        for (var i = 0; i < urls.Length; i++)
        {
            var target = Path.Combine(directory, OutputFileName(task, urls[i], i, urls.Length));
            try
            {
                await DownloadToFileAsync(urls[i], target, progress, cancellationToken).ConfigureAwait(false);
            }
            catch (ChanjingException ex) when (!refreshed && ex.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
            {
                // A signed output URL may have expired: ask for the task again, once, for fresh URLs.
                refreshed = true;
                var fresh = await GetTaskAsync(task.Id, cancellationToken).ConfigureAwait(false);
                if (fresh.OutputUrls.Count != urls.Length)
                {
                    throw;
                }

                urls = fresh.OutputUrls.ToArray();
                await DownloadToFileAsync(urls[i], target, progress, cancellationToken).ConfigureAwait(false);
            }

            saved.Add(target);
        }

        return saved;
    }

    private async Task DownloadToFileAsync(Uri url, string target, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var temporary = target + ".part-" + Guid.NewGuid().ToString("N").Substring(0, 8);
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, CopyBufferSize, useAsync: true))
            {
                await DownloadAsync(url, file, progress, cancellationToken).ConfigureAwait(false);
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

#if NET8_0_OR_GREATER
            File.Move(temporary, target, overwrite: true);
#else
            if (File.Exists(target))
            {
                File.Delete(target);
            }

            File.Move(temporary, target);
#endif
        }
        catch
        {
            // Failure or cancellation: no partial file is left behind.
            TryDelete(temporary);
            throw;
        }
    }

    private static string OutputFileName(CreationTask task, Uri url, int index, int count)
    {
        var name = url.IsAbsoluteUri ? Path.GetFileName(Uri.UnescapeDataString(url.AbsolutePath)) : string.Empty;
        var extension = Path.GetExtension(name);
        if (string.IsNullOrEmpty(extension) || extension.Length > 6 || extension.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            extension = task.Type == CreationType.Image ? ".png" : ".mp4";
        }

        var safeId = new string(task.Id.Select(c => Path.GetInvalidFileNameChars().Contains(c) ? '_' : c).ToArray());
        return count == 1 ? safeId + extension : $"{safeId}-{index + 1}{extension}";
    }


    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
