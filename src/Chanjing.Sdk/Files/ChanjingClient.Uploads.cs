namespace Chanjing.Sdk;

public partial class ChanjingClient
{
    private const int CopyBufferSize = StorageTransfers.BufferSize;

    private MediaUploader? _uploader;

    /// <summary>Uploads with any product's service, on this client's pipeline and transport.</summary>
    private MediaUploader Uploader => _uploader ??= new MediaUploader(Api, Pipeline, () => Transfers);

    /// <inheritdoc />
    public virtual Task<UploadedFile> UploadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        Guard.NotNullOrWhiteSpace(path, nameof(path));
        return Uploader.UploadFileAsync(path, Options.Uploads.Service, cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<UploadedFile> UploadFileAsync(Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        // The checks of a stream source (readable, a name with an extension), before any request.
        var source = MediaSource.FromStream(content, fileName);
        return Uploader.UploadStreamAsync(source.Content!, fileName, Options.Uploads.Service, cancellationToken);
    }

    /// <summary>Checks every local file of a submit (all of them before the first upload, so a bad file costs no request), then uploads each and puts its URL in the body.</summary>
    private async Task ResolveFilesAsync(SubmitDraft draft, CancellationToken cancellationToken)
    {
        if (draft.Files.Count == 0)
        {
            return;
        }

        var paths = draft.Files.Select(slot => ImageFiles.CheckLocalImage(slot.File, slot.Name, slot.AllowVideo)).ToArray();
        for (var i = 0; i < paths.Length; i++)
        {
            var uploaded = await UploadFileAsync(paths[i], cancellationToken).ConfigureAwait(false);
            draft.Fill(draft.Files[i], uploaded.Url);
        }
    }
}
