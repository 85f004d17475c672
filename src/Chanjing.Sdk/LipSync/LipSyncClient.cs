namespace Chanjing.Sdk;

/// <summary>
/// Lip-sync (<see cref="IChanjingClient.LipSync"/>, 对口型): re-drive the mouth of a video with speech or an audio file.
/// A create costs money: it is never sent twice, and when its answer is lost the exception lists the videos that could
/// be its. Members are virtual, for mocking.
/// </summary>
public class LipSyncClient
{
    /// <summary>The page size of <see cref="ListAsync"/>.</summary>
    internal const int PageSize = 50;

    private const string ResumeWith = "client.LipSync.WaitAsync";
    private readonly ProductContext? _context;
    private ProductJobKind<LipSyncVideo>? _kind;

    /// <summary>For mocking frameworks only: every member throws until overridden.</summary>
    protected LipSyncClient()
    {
    }

    internal LipSyncClient(ProductContext context) => _context = context;

    private ProductContext Context => _context ?? throw new InvalidOperationException("This LipSyncClient was created with the protected constructor meant for mocking; override the members you call.");

    private ProductJobKind<LipSyncVideo> Kind => _kind ??= new ProductJobKind<LipSyncVideo>(GetAsync, ResumeWith);

    /// <summary>
    /// Creates a lip-sync video and returns its id. Checked before anything is sent; the video (service
    /// <c>lip_sync_video</c>) and audio (<c>lip_sync_audio</c>) are uploaded first. Never sent twice: when the outcome is
    /// unknown, throws <see cref="ChanjingSubmitOutcomeUnknownException"/> listing the videos created since.
    /// </summary>
    /// <param name="request">The video.</param>
    /// <param name="cancellationToken">Cancels the call. A create cancelled after it was sent may still have made a video.</param>
    /// <returns>The new video's id.</returns>
    /// <exception cref="ArgumentException">The request breaks a documented limit (the message names it); nothing was sent.</exception>
    public virtual async Task<string> CreateAsync(LipSyncRequest request, CancellationToken cancellationToken = default)
    {
        var draft = LipSyncDraft.Create(request);
        var context = Context;
        var video = await context.Uploader.ResolveAsync(draft.Video, "lip_sync_video", MediaWire.FileIdOnly, cancellationToken).ConfigureAwait(false);
        var audio = draft.Text is null
            ? await context.Uploader.ResolveAsync(draft.Audio, "lip_sync_audio", MediaWire.FileIdOnly, cancellationToken).ConfigureAwait(false)
            : default;
        var reconciliation = new ProductReconciliation("lip-sync video", ResumeWith, async ct => (await context.Api.ListLipSyncAsync(1, PageSize, ct).ConfigureAwait(false)).Items);
        return await PaidCreate.SendAsync(context, ChanjingEndpoints.CreateLipSync, draft.ToUtf8Json(video.FileId!, audio.FileId), reconciliation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gets one lip-sync video (<c>video_lip_sync/detail</c>).</summary>
    /// <param name="id">The video's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The video as the service reports it now.</returns>
    /// <exception cref="ChanjingNotFoundException">The service says there is no such id.</exception>
    public virtual Task<LipSyncVideo> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        Guard.Identifier(id, nameof(id));
        return NotFound.MappedAsync(Context.Api.GetLipSyncAsync(id, cancellationToken), id, "lip-sync video");
    }

    /// <summary>Every lip-sync video of the account (<c>video_lip_sync/list</c>, paged to the end, each once).</summary>
    /// <param name="cancellationToken">Stops the listing.</param>
    /// <returns>The videos, in the service's order.</returns>
    public virtual IAsyncEnumerable<LipSyncVideo> ListAsync(CancellationToken cancellationToken = default)
    {
        var context = Context;
        return ProductPaging.ListAsync((page, ct) => context.Api.ListLipSyncAsync(page, PageSize, ct), v => v.Id, PageSize, cancellationToken);
    }

    /// <summary>
    /// Waits until a lip-sync video succeeds (20 with a video URL) and returns it: 30, or 20 without a URL, ends it with
    /// <see cref="ChanjingTaskFailedException"/>; bounded by <see cref="WaitOptions.Timeout"/>.
    /// </summary>
    /// <param name="id">The video's id.</param>
    /// <param name="options">Poll intervals and deadline; null for the defaults.</param>
    /// <param name="progress">Told of the first observation and of every status or progress change.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>The succeeded video.</returns>
    public virtual Task<LipSyncVideo> WaitAsync(string id, WaitOptions? options = null, IProgress<LipSyncVideo>? progress = null, CancellationToken cancellationToken = default)
    {
        options = ProductWait.Check(id, options);
        return ProductWait.WaitAsync(Context, Kind, id, options, progress, pollFirst: true, cancellationToken);
    }

    /// <summary>Creates a lip-sync video (<see cref="CreateAsync"/>), then waits for it (<see cref="WaitAsync"/>).</summary>
    /// <param name="request">The video.</param>
    /// <param name="options">Poll intervals and deadline; <see cref="WaitOptions.OnSubmitted"/> learns the id before the wait.</param>
    /// <param name="progress">Told of the first observation and of every status or progress change.</param>
    /// <param name="cancellationToken">Cancels the create or the wait.</param>
    /// <returns>The succeeded video.</returns>
    public virtual Task<LipSyncVideo> GenerateAsync(LipSyncRequest request, WaitOptions? options = null, IProgress<LipSyncVideo>? progress = null, CancellationToken cancellationToken = default) =>
        ProductWait.GenerateAsync(Context, Kind, ct => CreateAsync(request, ct), options, progress, cancellationToken);
}
