using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Chanjing.Sdk;

public partial class ChanjingClient
{
    private const int CopyBufferSize = StorageTransfers.BufferSize;

    /// <inheritdoc />
    public virtual async Task<UploadedFile> UploadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        Guard.NotNullOrWhiteSpace(path, nameof(path));
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new ArgumentException($"The file '{path}' does not exist.", nameof(path));
        }

        if (string.IsNullOrEmpty(info.Extension))
        {
            throw new ArgumentException($"The file '{path}' must have an extension (such as .jpg, .png, .mp4): the service derives the content type from it.", nameof(path));
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

    /// <summary>Checks every local file of a submit (all of them before the first upload, so a bad file costs no request), then uploads each and puts its URL in the body.</summary>
    private async Task ResolveFilesAsync(SubmitDraft draft, CancellationToken cancellationToken)
    {
        var paths = draft.Files.Select(slot => ImageFiles.CheckLocalImage(slot.File, slot.Name, slot.AllowVideo)).ToArray();
        for (var i = 0; i < paths.Length; i++)
        {
            var uploaded = await UploadFileAsync(paths[i], cancellationToken).ConfigureAwait(false);
            draft.Fill(draft.Files[i], uploaded.Url);
        }
    }

    private async Task<UploadedFile> UploadCoreAsync(string fileName, long? length, Func<Stream> open, bool canResend, CancellationToken cancellationToken)
    {
        var query = $"service={Uri.EscapeDataString(Options.Uploads.Service)}&name={Uri.EscapeDataString(fileName)}";
        var target = await Api.CreateUploadUrlAsync(query, cancellationToken).ConfigureAwait(false);

        long sent;
        try
        {
            // Each try reopens the content, so a retried PUT sends all of it; a stream that cannot be rewound is sent once.
            sent = await Pipeline.TransferAsync("upload", retry: canResend, ct => Transfers.PutAsync(Http, target, open, length, ct), cancellationToken).ConfigureAwait(false);
        }
        catch (ChanjingException ex) when (ex.IsTransient && !canResend)
        {
            throw new ChanjingException($"Uploading {fileName} failed ({ex.Message}) and was not retried: the source stream cannot be rewound. Pass a seekable stream or a file path to allow retries.", null, null, null, ex.StatusCode, isTransient: false, ex);
        }

        return await WaitForFileReadyAsync(target, sent, cancellationToken).ConfigureAwait(false);
    }

    private async Task<UploadedFile> WaitForFileReadyAsync(UploadTarget target, long length, CancellationToken cancellationToken)
    {
        using var deadline = new WaitDeadline(Options.Uploads.ReadyTimeout, Time, cancellationToken);
        int? status = null;
        try
        {
            while (true)
            {
                var detail = await Api.FileDetailAsync(target.FileId, deadline.Token).ConfigureAwait(false);
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

                await Time.DelayAsync(Options.Uploads.ReadyPollInterval, deadline.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (deadline.Expired)
        {
            throw new ChanjingFileProcessingException($"The uploaded file {target.FileId} was not ready within {Options.Uploads.ReadyTimeout} (last status {status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"}).", target.FileId, status);
        }
    }
}
