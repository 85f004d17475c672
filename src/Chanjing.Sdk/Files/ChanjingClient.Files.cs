using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Chanjing.Sdk.Internal;
using Microsoft.Extensions.Logging;

namespace Chanjing.Sdk;

public partial class ChanjingClient
{
    private const int CopyBufferSize = 81920;

    /// <inheritdoc />
    public virtual async Task<UploadedFile> UploadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        Guard.NotNullOrWhiteSpace(path, nameof(path));
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new ArgumentException($"The file '{path}' does not exist.", nameof(path));
        }

        // Each attempt reopens the file, so a retried PUT always sends the whole content.
        return await UploadCoreAsync(info.Name, info.Length, () => new FileStream(info.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, CopyBufferSize, useAsync: true), canResend: true, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public virtual Task<UploadedFile> UploadFileAsync(Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(content, nameof(content));
        Guard.NotNullOrWhiteSpace(fileName, nameof(fileName));
        if (!content.CanRead)
        {
            throw new ArgumentException("The stream must be readable.", nameof(content));
        }

        if (string.IsNullOrEmpty(Path.GetExtension(fileName)))
        {
            throw new ArgumentException($"The file name '{fileName}' must have an extension: the service derives the content type from it.", nameof(fileName));
        }

        if (content.CanSeek)
        {
            var start = content.Position;
            return UploadCoreAsync(fileName, content.Length - start, () =>
            {
                content.Position = start;
                return new NonClosingStream(content);
            }, canResend: true, cancellationToken);
        }

        // canResend: false makes UploadCoreAsync open the content once: a non-seekable stream cannot be sent again.
        return UploadCoreAsync(fileName, null, () => new NonClosingStream(content), canResend: false, cancellationToken);
    }

    /// <inheritdoc />
    public virtual async Task<long> DownloadAsync(Uri url, Stream destination, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(url, nameof(url));
        Guard.NotNull(destination, nameof(destination));
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The download URL must be an absolute http(s) URL, but was '{Redact(url)}'.", nameof(url));
        }

        if (!destination.CanWrite)
        {
            throw new ArgumentException("The destination stream must be writable.", nameof(destination));
        }

        var origin = destination.CanSeek ? destination.Position : 0;
        long written = 0;
        var failures = 0;
        var backoff = new PollSchedule(Options.RetryBaseDelay, TimeSpan.FromSeconds(30));
        var buffer = new byte[CopyBufferSize];
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                if (written > 0)
                {
                    request.Headers.Range = new RangeHeaderValue(written, null);
                }

                using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                if (status is < 200 or > 299)
                {
                    throw new ChanjingException($"Downloading {Redact(url)} failed with HTTP {status} ({response.StatusCode}).", null, null, null, response.StatusCode, isTransient: status is 408 or 429 || status >= 500);
                }

                if (written > 0 && response.StatusCode != HttpStatusCode.PartialContent)
                {
                    // The server ignored the Range request: start over if the destination allows it.
                    if (!destination.CanSeek)
                    {
                        throw new ChanjingException($"Downloading {Redact(url)} was interrupted after {written} bytes and the server does not support resuming (HTTP Range); the destination stream cannot be rewound.", null, null, null, response.StatusCode, isTransient: false);
                    }

                    destination.Position = origin;
                    destination.SetLength(origin);
                    written = 0;
                    progress?.Report(0);
                }

#if NET8_0_OR_GREATER
                using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
                using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
                int read;
                while ((read = await body.ReadAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    await destination.WriteAsync(buffer, 0, read, cancellationToken).ConfigureAwait(false);
                    written += read;
                    failures = 0;
                    progress?.Report(written);
                }

                // A 200 whose body ends early fails inside HttpClient (Content-Length); a 206 is checked against its range.
                if (response.Content.Headers.ContentRange?.Length is { } total && written < total)
                {
                    throw new IOException($"The body ended after {written} of {total} bytes.");
                }

                return written;
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException || ex is ChanjingException { IsTransient: true })
            {
                if (++failures > Math.Max(1, Options.MaxRetryAttempts))
                {
                    throw ex as ChanjingException ?? new ChanjingException($"Downloading {Redact(url)} failed after {written} bytes: {ex.Message}", null, null, null, null, isTransient: true, ex);
                }

                Logger.LogWarning("Downloading {Url} failed after {Bytes} bytes ({Error}); resuming.", Redact(url), written, ex.Message);
                await Time.DelayAsync(backoff.Next(), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    public virtual async Task<IReadOnlyList<string>> DownloadOutputsAsync(CreationTask task, string directory, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(task, nameof(task));
        Guard.NotNullOrWhiteSpace(directory, nameof(directory));
        if (!task.Status.IsSuccess || task.OutputUrls.Count == 0)
        {
            throw new ArgumentException($"Task {task.Id} has no outputs to download (status {task.Status}).", nameof(task));
        }

        Directory.CreateDirectory(directory);
        var urls = task.OutputUrls.ToArray();
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

    private async Task<IReadOnlyList<string>> ResolveReferenceImagesAsync(ValidatedSubmit request, CancellationToken cancellationToken)
    {
        // Every local image is checked before the first upload, so a bad file costs no request at all.
        var localPaths = new string?[request.Images.Count];
        for (var i = 0; i < request.Images.Count; i++)
        {
            if (request.Images[i].IsFile)
            {
                localPaths[i] = ImageFiles.CheckLocalImage(request.Images[i], $"{nameof(ReferenceVideoRequest)}.{nameof(ReferenceVideoRequest.ReferenceImageUrls)}[{i}]");
            }
        }

        var urls = new string[request.Images.Count];
        for (var i = 0; i < urls.Length; i++)
        {
            urls[i] = localPaths[i] is { } path
                ? (await UploadFileAsync(path, cancellationToken).ConfigureAwait(false)).Url.AbsoluteUri
                : request.Images[i].AbsoluteUri;
        }

        return urls;
    }

    private async Task<UploadedFile> UploadCoreAsync(string fileName, long? length, Func<Stream> open, bool canResend, CancellationToken cancellationToken)
    {
        var query = $"open/v1/common/create_upload_url?service={Uri.EscapeDataString(Options.UploadService)}&name={Uri.EscapeDataString(fileName)}";
        var target = await Pipeline.SendAsync(Http, new ChanjingRequest(HttpMethod.Get, query, null, RequestKind.Read, Authenticated: true, "upload URL request"), static r => UploadTarget.Read(r.Data), cancellationToken).ConfigureAwait(false);

        var failures = 0;
        var backoff = new PollSchedule(Options.RetryBaseDelay, TimeSpan.FromSeconds(30));
        long sent;
        while (true)
        {
            try
            {
                sent = await PutAsync(target, open, length, cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (ChanjingException ex) when (ex.IsTransient && canResend && ++failures <= Options.MaxRetryAttempts)
            {
                Logger.LogWarning("Uploading {FileName} failed ({Error}); sending it again.", fileName, ex.Message);
                await Time.DelayAsync(backoff.Next(), cancellationToken).ConfigureAwait(false);
            }
            catch (ChanjingException ex) when (ex.IsTransient && !canResend)
            {
                throw new ChanjingException($"Uploading {fileName} failed ({ex.Message}) and was not retried: the source stream cannot be rewound. Pass a seekable stream or a file path to allow retries.", null, null, null, ex.StatusCode, isTransient: false, ex);
            }
        }

        return await WaitForFileReadyAsync(target, sent, cancellationToken).ConfigureAwait(false);
    }

    private async Task<long> PutAsync(UploadTarget target, Func<Stream> open, long? length, CancellationToken cancellationToken)
    {
        using var source = open();
        using var counting = new CountingStream(source);
        using var request = new HttpRequestMessage(HttpMethod.Put, target.SignUrl) { Content = new StreamContent(counting, CopyBufferSize) };
        // The signature covers the content type: it must be exactly the one the service returned.
        request.Content.Headers.TryAddWithoutValidation("Content-Type", target.MimeType);
        if (length is { } known)
        {
            request.Content.Headers.ContentLength = known;
        }

        using var deadline = new WaitDeadline(Options.OperationTimeout, Time, cancellationToken);
        HttpResponseMessage response;
        try
        {
            response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (deadline.Expired)
        {
            throw new ChanjingException($"Uploading to {Redact(target.SignUrl)} timed out after {Options.OperationTimeout}.", null, null, null, null, isTransient: true, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new ChanjingException($"Uploading to {Redact(target.SignUrl)} failed: {ex.Message}", null, null, null, null, isTransient: true, ex);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (status is < 200 or > 299)
            {
                throw new ChanjingException(
                    $"Uploading to {Redact(target.SignUrl)} failed with HTTP {status} ({response.StatusCode}){(status == 403 ? ": the storage refused the signature (expired URL or a different Content-Type)" : string.Empty)}.",
                    null, null, null, response.StatusCode, isTransient: status is 408 or 429 || status >= 500);
            }
        }

        return counting.BytesRead;
    }

    private async Task<UploadedFile> WaitForFileReadyAsync(UploadTarget target, long length, CancellationToken cancellationToken)
    {
        using var deadline = new WaitDeadline(Options.FileReadyTimeout, Time, cancellationToken);
        int? status = null;
        try
        {
            while (true)
            {
                var request = new ChanjingRequest(HttpMethod.Get, "open/v1/common/file_detail?id=" + Uri.EscapeDataString(target.FileId), null, RequestKind.Read, Authenticated: true, "file detail");
                var detail = await Pipeline.SendAsync(Http, request, static r => FileDetail.Read(r.Data), deadline.Token).ConfigureAwait(false);
                status = detail.Status;
                switch (detail.Status)
                {
                    case 1 or 2:
                        return new UploadedFile(detail.Url ?? target.FullPath, target.FileId, target.Key, target.MimeType, length);
                    case 98:
                        throw new ChanjingFileProcessingException($"The uploaded file {target.FileId} failed Chanjing's content safety check (status 98).", target.FileId, 98);
                    case 99:
                        throw new ChanjingFileProcessingException($"The uploaded file {target.FileId} was deleted (status 99).", target.FileId, 99);
                    case 100:
                        throw new ChanjingFileProcessingException($"The uploaded file {target.FileId} was cleaned up (status 100).", target.FileId, 100);
                }

                await Time.DelayAsync(Options.FileReadyPollInterval, deadline.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (deadline.Expired)
        {
            throw new ChanjingFileProcessingException($"The uploaded file {target.FileId} was not ready within {Options.FileReadyTimeout} (last status {status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"}).", target.FileId, status);
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

    /// <summary>A URL without its query string: signed URLs carry credentials there.</summary>
    internal static string Redact(Uri url) => url.IsAbsoluteUri ? url.GetLeftPart(UriPartial.Path) + (string.IsNullOrEmpty(url.Query) ? string.Empty : "?…") : "(relative URL)";

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

    private sealed record UploadTarget(Uri SignUrl, Uri FullPath, string? Key, string MimeType, string FileId)
    {
        public static UploadTarget Read(JsonElement data)
        {
            if (data.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"Expected the upload object in 'data' but found {data.ValueKind}.");
            }

            var sign = TaskReader.GetString(data, "sign_url");
            var full = TaskReader.GetString(data, "full_path");
            var mime = TaskReader.GetString(data, "mime_type");
            var id = TaskReader.GetString(data, "file_id");
            if (string.IsNullOrEmpty(sign) || string.IsNullOrEmpty(full) || string.IsNullOrEmpty(mime) || string.IsNullOrEmpty(id))
            {
                throw new FormatException("The upload response lacks 'sign_url', 'full_path', 'mime_type' or 'file_id'.");
            }

            return new UploadTarget(new Uri(sign!, UriKind.Absolute), new Uri(full!, UriKind.Absolute), TaskReader.GetString(data, "key"), mime!, id!);
        }
    }

    private sealed record FileDetail(int Status, Uri? Url)
    {
        public static FileDetail Read(JsonElement data)
        {
            if (data.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"Expected the file object in 'data' but found {data.ValueKind}.");
            }

            var status = TaskReader.GetInt64(data, "status") ?? throw new FormatException("The file detail has no 'status'.");
            var url = TaskReader.GetString(data, "full_path") ?? TaskReader.GetString(data, "url");
            return new FileDetail((int)status, string.IsNullOrEmpty(url) ? null : new Uri(url!, UriKind.Absolute));
        }
    }
}
