namespace Chanjing.Sdk.Internal.Files;

/// <summary>Where the wire of a product takes a file: by file id only, by URL only, or either (file id preferred).</summary>
internal enum MediaWire
{
    /// <summary>Only a file id (<c>file_id</c>): a URL is refused before any I/O.</summary>
    FileIdOnly,

    /// <summary>Only a URL (<c>url</c>, <c>src_url</c>, ...): an uploaded file is sent by its public URL.</summary>
    UrlOnly,

    /// <summary>A file id or a URL, each in its own field.</summary>
    Either,
}

/// <summary>A <see cref="MediaSource"/> as the wire takes it: a file id or a URL (exactly one set).</summary>
internal readonly record struct ResolvedMedia(string? FileId, Uri? Url);

/// <summary>
/// Uploads to Chanjing's storage for every product: <c>create_upload_url</c> with the product's <c>service</c>, the PUT
/// to the signed URL (retried when the content can be sent again), then <c>file_detail</c> until the file is ready
/// (1, or the historical 2), with 98 / 99 / 100 as typed failures and a bounded wait.
/// </summary>
internal sealed class MediaUploader(ChanjingApi api, ChanjingPipeline pipeline, Func<StorageTransfers> transfers)
{
    private ChanjingOptions Options => pipeline.Options;

    /// <summary>
    /// Checks a source against what the wire takes (before any I/O): a URL where only a file id is accepted, a missing
    /// local file, or a file without extension is refused with a message naming <paramref name="what"/>.
    /// </summary>
    public static void Check(MediaSource source, MediaWire wire, string what)
    {
        switch (source.Kind)
        {
            case MediaSourceKind.None:
                throw new ArgumentException($"{what} is required (a MediaSource).", what);
            case MediaSourceKind.Url when wire == MediaWire.FileIdOnly:
                throw new ArgumentException($"{what} must be a file id, a local file or a stream: the service takes only an uploaded file's id here, not a URL ({source}). Download it, or pass it as MediaSource.FromFile.", what);
            case MediaSourceKind.File:
                var info = new FileInfo(source.Path!);
                if (!info.Exists)
                {
                    throw new ArgumentException($"{what}: the file '{source.Path}' does not exist.", what);
                }

                if (string.IsNullOrEmpty(info.Extension))
                {
                    throw new ArgumentException($"{what}: the file '{source.Path}' must have an extension: the service derives the content type from it.", what);
                }

                break;
        }
    }

    /// <summary>Uploads a local file or stream with <paramref name="service"/>; a file id or URL is passed through (checked by <see cref="Check"/> first).</summary>
    public async Task<ResolvedMedia> ResolveAsync(MediaSource source, string service, MediaWire wire, CancellationToken cancellationToken)
    {
        switch (source.Kind)
        {
            case MediaSourceKind.FileId when wire == MediaWire.UrlOnly:
                // The wire wants a URL: the file detail knows an uploaded file's public URL.
                var detail = await api.FileDetailAsync(source.FileId!, cancellationToken).ConfigureAwait(false);
                return new ResolvedMedia(null, detail.Url ?? throw new ChanjingException($"The file {source.FileId} has no public URL in its file detail; pass its URL instead.", null, null, null, null, isTransient: false));
            case MediaSourceKind.FileId:
                return new ResolvedMedia(source.FileId, null);
            case MediaSourceKind.Url:
                return new ResolvedMedia(null, source.Url);
        }

        var uploaded = source.Kind == MediaSourceKind.File
            ? await UploadFileAsync(source.Path!, service, cancellationToken).ConfigureAwait(false)
            : await UploadStreamAsync(source.Content!, source.FileName!, service, cancellationToken).ConfigureAwait(false);
        return wire == MediaWire.UrlOnly ? new ResolvedMedia(null, uploaded.Url) : new ResolvedMedia(uploaded.FileId, null);
    }

    public Task<UploadedFile> UploadFileAsync(string path, string service, CancellationToken cancellationToken)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new ArgumentException($"The file '{path}' does not exist.", nameof(path));
        }

        if (string.IsNullOrEmpty(info.Extension))
        {
            throw new ArgumentException($"The file '{path}' must have an extension (such as .jpg, .png, .mp4, .wav): the service derives the content type from it.", nameof(path));
        }

        // Each attempt reopens the file, so a retried PUT always sends the whole content.
        return UploadAsync(info.Name, info.Length, () => new FileStream(info.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, StorageTransfers.BufferSize, useAsync: true), canResend: true, service, cancellationToken);
    }

    public Task<UploadedFile> UploadStreamAsync(Stream content, string fileName, string service, CancellationToken cancellationToken)
    {
        if (content.CanSeek)
        {
            var start = content.Position;
            return UploadAsync(fileName, content.Length - start, () =>
            {
                content.Position = start;
                return new NonClosingStream(content);
            }, canResend: true, service, cancellationToken);
        }

        // canResend: false opens the content once: a non-seekable stream cannot be sent again.
        return UploadAsync(fileName, null, () => new NonClosingStream(content), canResend: false, service, cancellationToken);
    }

    private async Task<UploadedFile> UploadAsync(string fileName, long? length, Func<Stream> open, bool canResend, string service, CancellationToken cancellationToken)
    {
        var query = $"service={Uri.EscapeDataString(service)}&name={Uri.EscapeDataString(fileName)}";
        var target = await api.CreateUploadUrlAsync(query, cancellationToken).ConfigureAwait(false);

        long sent;
        try
        {
            // Each try reopens the content, so a retried PUT sends all of it; a stream that cannot be rewound is sent once.
            sent = await pipeline.TransferAsync("upload", retry: canResend, ct => transfers().PutAsync(api.Http, target, open, length, ct), cancellationToken).ConfigureAwait(false);
        }
        catch (ChanjingException ex) when (ex.IsTransient && !canResend)
        {
            throw new ChanjingException($"Uploading {fileName} failed ({ex.Message}) and was not retried: the source stream cannot be rewound. Pass a seekable stream or a file path to allow retries.", null, null, null, ex.StatusCode, isTransient: false, ex);
        }

        return await WaitForReadyAsync(target, sent, cancellationToken).ConfigureAwait(false);
    }

    private async Task<UploadedFile> WaitForReadyAsync(UploadTarget target, long length, CancellationToken cancellationToken)
    {
        var time = Options.TimeProvider;
        using var deadline = new WaitDeadline(Options.Uploads.ReadyTimeout, time, cancellationToken);
        int? status = null;
        try
        {
            while (true)
            {
                var detail = await api.FileDetailAsync(target.FileId, deadline.Token).ConfigureAwait(false);
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

                await time.DelayAsync(Options.Uploads.ReadyPollInterval, deadline.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (deadline.Expired)
        {
            throw new ChanjingFileProcessingException($"The uploaded file {target.FileId} was not ready within {Options.Uploads.ReadyTimeout} (last status {status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"}).", target.FileId, status);
        }
    }
}
