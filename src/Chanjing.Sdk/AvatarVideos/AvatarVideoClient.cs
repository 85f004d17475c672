namespace Chanjing.Sdk;

/// <summary>
/// Avatar videos (<see cref="IChanjingClient.AvatarVideos"/>, 合成视频): a digital human speaks a script or an audio file.
/// Creating one costs money: a create is never sent twice, and when its answer is lost the exception lists the videos
/// that could be its. Members are virtual, for mocking.
/// </summary>
public class AvatarVideoClient
{
    /// <summary>The page size of <see cref="ListAsync"/>.</summary>
    internal const int PageSize = 50;

    private const string ResumeWith = "client.AvatarVideos.WaitAsync";
    private readonly ProductContext? _context;
    private ProductJobKind<AvatarVideo>? _kind;
    private ProductReconciliation? _reconciliation;

    /// <summary>For mocking frameworks only: every member throws until overridden.</summary>
    protected AvatarVideoClient()
    {
    }

    internal AvatarVideoClient(ProductContext context) => _context = context;

    private ProductContext Context => _context ?? throw new InvalidOperationException("This AvatarVideoClient was created with the protected constructor meant for mocking; override the members you call.");

    private ProductJobKind<AvatarVideo> Kind => _kind ??= new ProductJobKind<AvatarVideo>(GetAsync, ResumeWith);

    /// <summary>
    /// Creates an avatar video and returns its id. The request is checked before anything is sent; local audio and
    /// background files are uploaded first (services <c>make_video_audio</c> and <c>make_video_background</c>). Never
    /// sent twice: when the outcome is unknown, throws <see cref="ChanjingSubmitOutcomeUnknownException"/> listing the
    /// videos created since that could be this one's.
    /// </summary>
    /// <param name="request">The video.</param>
    /// <param name="cancellationToken">Cancels the call. A create cancelled after it was sent may still have made a video.</param>
    /// <returns>The new video's id.</returns>
    /// <exception cref="ArgumentException">The request breaks a documented limit (the message names it); nothing was sent.</exception>
    public virtual async Task<string> CreateAsync(AvatarVideoRequest request, CancellationToken cancellationToken = default)
    {
        var draft = AvatarVideoDraft.Create(request);
        var context = Context;
        var audio = draft.Text is null
            ? await context.Uploader.ResolveAsync(draft.Audio, "make_video_audio", MediaWire.Either, cancellationToken).ConfigureAwait(false)
            : default;
        var background = draft.Background.Kind != MediaSourceKind.None
            ? await context.Uploader.ResolveAsync(draft.Background, "make_video_background", MediaWire.Either, cancellationToken).ConfigureAwait(false)
            : default;
        _reconciliation ??= new ProductReconciliation("avatar video", ResumeWith, async ct => (await context.Api.ListAvatarVideosAsync(1, PageSize, ct).ConfigureAwait(false)).Items);
        return await PaidCreate.SendAsync(context, ChanjingEndpoints.CreateAvatarVideo, draft.ToUtf8Json(audio, background), _reconciliation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gets one avatar video (<c>video</c>).</summary>
    /// <param name="id">The video's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The video as the service reports it now.</returns>
    /// <exception cref="ChanjingNotFoundException">The service says there is no such id.</exception>
    public virtual Task<AvatarVideo> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        Guard.Identifier(id, nameof(id));
        return NotFound.MappedAsync(Context.Api.GetAvatarVideoAsync(id, cancellationToken), id, "avatar video");
    }

    /// <summary>Every avatar video of the account, newest first (<c>video_list</c>, paged to the end, each once).</summary>
    /// <param name="cancellationToken">Stops the listing.</param>
    /// <returns>The videos.</returns>
    public virtual IAsyncEnumerable<AvatarVideo> ListAsync(CancellationToken cancellationToken = default)
    {
        var context = Context;
        return ProductPaging.ListAsync((page, ct) => context.Api.ListAvatarVideosAsync(page, PageSize, ct), v => v.Id, PageSize, cancellationToken);
    }

    /// <summary>
    /// Waits until a video succeeds and returns it: bounded by <see cref="WaitOptions.Timeout"/>
    /// (<see cref="ChanjingWaitTimeoutException"/>), a 4X / 5X status ends it with <see cref="ChanjingTaskFailedException"/>
    /// (<see cref="ChanjingException.IsBillingFailure"/> tells a lack of credits), cancellation stops it at once.
    /// </summary>
    /// <param name="id">The video's id.</param>
    /// <param name="options">Poll intervals and deadline; null for the defaults.</param>
    /// <param name="progress">Told of the first observation and of every status or progress change.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>The succeeded video, with its URL.</returns>
    public virtual Task<AvatarVideo> WaitAsync(string id, WaitOptions? options = null, IProgress<AvatarVideo>? progress = null, CancellationToken cancellationToken = default)
    {
        options = ProductWait.Check(id, options);
        return ProductWait.WaitAsync(Context, Kind, id, options, progress, pollFirst: true, cancellationToken);
    }

    /// <summary>Creates a video (<see cref="CreateAsync"/>), then waits for it (<see cref="WaitAsync"/>).</summary>
    /// <param name="request">The video.</param>
    /// <param name="options">Poll intervals and deadline; <see cref="WaitOptions.OnSubmitted"/> learns the id before the wait.</param>
    /// <param name="progress">Told of the first observation and of every status or progress change.</param>
    /// <param name="cancellationToken">Cancels the create or the wait.</param>
    /// <returns>The succeeded video. Every <see cref="ChanjingException"/> after the create carries <see cref="ChanjingException.TaskId"/>.</returns>
    public virtual Task<AvatarVideo> GenerateAsync(AvatarVideoRequest request, WaitOptions? options = null, IProgress<AvatarVideo>? progress = null, CancellationToken cancellationToken = default)
    {
        return ProductWait.GenerateAsync(Context, Kind, ct => CreateAsync(request, ct), options, progress, cancellationToken);
    }
}
