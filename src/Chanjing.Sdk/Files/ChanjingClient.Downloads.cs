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
        return await Pipeline.TransferAsync("download", retry: true, ct => Transfers.DownloadAttemptAsync(Http, url, resume, buffer, progress, ct), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>For example to give a progress bar its end before <see cref="DownloadAsync"/>. Nothing else is read; an error status gives null.</remarks>
    public virtual Task<long?> GetContentLengthAsync(Uri url, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(url, nameof(url));
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The URL must be an absolute http(s) URL, but was '{Redaction.Url(url)}'.", nameof(url));
        }

        // One try: a size is a nicety (a progress bar's end), not worth the retries of a download.
        return Pipeline.TransferAsync("size check", retry: false, ct => Transfers.ContentLengthAsync(Http, url, ct), cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<IReadOnlyList<string>> DownloadOutputsAsync(CreationTask task, string directory, IProgress<long>? progress = null, CancellationToken cancellationToken = default) =>
        DownloadOutputsAsync((ChanjingJob)task, directory, progress, cancellationToken);

    /// <inheritdoc />
    public virtual async Task<IReadOnlyList<string>> DownloadOutputsAsync(ChanjingJob job, string directory, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(job, nameof(job));
        Guard.NotNullOrWhiteSpace(directory, nameof(directory));
        if (!job.IsSucceeded || job.OutputUrls.Count == 0)
        {
            throw new ArgumentException($"{job.Kind} {job.Id} has no outputs to download (status {job.StatusText}).", nameof(job));
        }

        var urls = job.OutputUrls.ToArray();
        foreach (var url in urls)
        {
            if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                // The service's data, not the caller's argument: a failure of the call, not a usage error.
                throw new ChanjingException($"{job.Kind} {job.Id} reports an output that is not an absolute http(s) URL ('{Redaction.Url(url)}'); it cannot be downloaded.", null, null, null, null, isTransient: false) { TaskId = job.Id };
            }
        }

        Directory.CreateDirectory(directory);
        var saved = new List<string>(urls.Length);
        var refreshed = false;
        for (var i = 0; i < urls.Length; i++)
        {
            var target = Path.Combine(directory, OutputFileName(job, urls[i], i, urls.Length));
            try
            {
                await DownloadToFileAsync(urls[i], target, progress, cancellationToken).ConfigureAwait(false);
            }
            catch (ChanjingException ex) when (!refreshed && ex.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
            {
                // A signed output URL may have expired: ask for the job again, once, for fresh URLs.
                refreshed = true;
                var fresh = await ReadAgainAsync(job, cancellationToken).ConfigureAwait(false);
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

    /// <summary>The job as its product's (virtual, mockable) get reports it now.</summary>
    private async Task<ChanjingJob> ReadAgainAsync(ChanjingJob job, CancellationToken cancellationToken) => job switch
    {
        CreationTask task => await GetTaskAsync(task.Id, cancellationToken).ConfigureAwait(false),
        AvatarVideo video => await AvatarVideos.GetAsync(video.Id, cancellationToken).ConfigureAwait(false),
        CustomAvatar avatar => await Avatars.GetAsync(avatar.Id, cancellationToken).ConfigureAwait(false),
        SpeechTask speech => await Speech.GetAsync(speech.Id, cancellationToken).ConfigureAwait(false),
        LipSyncVideo video => await LipSync.GetAsync(video.Id, cancellationToken).ConfigureAwait(false),
        AvatarPhotoTask photo => await AvatarDesign.GetPhotoAsync(photo.Id, cancellationToken).ConfigureAwait(false),
        AvatarMotionTask motion => await AvatarDesign.GetMotionAsync(motion.Id, cancellationToken).ConfigureAwait(false),
        _ => throw new NotSupportedException($"{job.GetType().Name} cannot be read again."),
    };

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

    private static string OutputFileName(ChanjingJob job, Uri url, int index, int count)
    {
        var name = url.IsAbsoluteUri ? Path.GetFileName(Uri.UnescapeDataString(url.AbsolutePath)) : string.Empty;
        var extension = Path.GetExtension(name);
        if (string.IsNullOrEmpty(extension) || extension.Length > 6 || extension.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            extension = job switch
            {
                CreationTask task when task.Type == CreationType.Image => ".png",
                AvatarPhotoTask => ".png",
                SpeechTask => ".wav",
                _ => ".mp4",
            };
        }

        var safeId = new string(job.Id.Select(c => Path.GetInvalidFileNameChars().Contains(c) ? '_' : c).ToArray());
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
