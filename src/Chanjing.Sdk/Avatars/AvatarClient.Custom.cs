namespace Chanjing.Sdk;

public partial class AvatarClient
{
    private const string ResumeWith = "client.Avatars.WaitAsync";
    private ProductJobKind<CustomAvatar>? _kind;

    private ProductJobKind<CustomAvatar> Kind => _kind ??= new ProductJobKind<CustomAvatar>(GetAsync, ResumeWith);

    /// <summary>
    /// Starts making a customised avatar from a video of a real person and returns its id (<c>C-…</c>). The source video
    /// is uploaded first with service <c>customised_person</c> (a URL is refused: the service takes only a file id).
    /// Never sent twice: when the outcome is unknown, throws <see cref="ChanjingSubmitOutcomeUnknownException"/> listing
    /// the avatars of that name created since.
    /// </summary>
    /// <param name="request">The avatar.</param>
    /// <param name="cancellationToken">Cancels the call. A create cancelled after it was sent may still have made an avatar.</param>
    /// <returns>The new avatar's id.</returns>
    /// <exception cref="ArgumentException">The request is incomplete or breaks a documented limit (the message names it); nothing was sent.</exception>
    public virtual async Task<string> CreateAsync(CustomAvatarRequest request, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(request, nameof(request));
        // A snapshot, checked now: the caller may change the request while the video uploads.
        var (name, video, trainType, language, skip, use4K, callback) = (request.Name, request.Video, request.TrainType, request.Language, request.SkipVoiceFailure, request.Use4K, request.CallbackUrl);
        Guard.NotNullOrWhiteSpace(name, "request.Name");
        MediaUploader.Check(video, MediaWire.FileIdOnly, "request.Video");
        if (video.Kind is MediaSourceKind.File or MediaSourceKind.Stream && Path.GetExtension(video.FileName!).ToLowerInvariant() is not (".mp4" or ".mov" or ".webm"))
        {
            throw new ArgumentException($"request.Video must be an mp4, mov or webm video, but was {video}.", nameof(request));
        }

        if (trainType is not (null or "figure" or "voice" or "both"))
        {
            throw new ArgumentException($"request.TrainType must be figure, voice or both, but was '{trainType}'.", nameof(request));
        }

        if (language is not null)
        {
            Guard.Identifier(language, "request.Language");
        }

        if (callback is not null && !(callback.IsAbsoluteUri && (callback.Scheme == Uri.UriSchemeHttp || callback.Scheme == Uri.UriSchemeHttps)))
        {
            throw new ArgumentException($"request.CallbackUrl must be an absolute http(s) URL, but was '{callback}'.", nameof(request));
        }

        var context = Context;
        var file = await context.Uploader.ResolveAsync(video, "customised_person", MediaWire.FileIdOnly, cancellationToken).ConfigureAwait(false);
        var body = JsonBody.Write(w =>
        {
            w.WriteString("name", name);
            w.WriteString("file_id", file.FileId);
            JsonBody.OptionalString(w, "train_type", trainType);
            JsonBody.OptionalString(w, "language", language);
            w.WriteBoolean("error_skip", skip);
            w.WriteNumber("resolution_rate", use4K ? 1 : 0);
            JsonBody.OptionalString(w, "callback", callback?.AbsoluteUri);
        });
        // The list echoes the name: only avatars of this name can be this call's.
        var reconciliation = new ProductReconciliation("customised avatar", ResumeWith, async ct => (await context.Api.ListCustomAvatarsAsync(1, PageSize, ct).ConfigureAwait(false)).Items, job => job is CustomAvatar a && a.Name == name);
        return await PaidCreate.SendAsync(context, ChanjingEndpoints.CreateCustomAvatar, body, reconciliation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gets one customised avatar (<c>customised_person</c>).</summary>
    /// <param name="id">The avatar's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The avatar as the service reports it now.</returns>
    /// <exception cref="ChanjingNotFoundException">The service says there is no such id.</exception>
    public virtual Task<CustomAvatar> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        Guard.Identifier(id, nameof(id));
        return NotFound.MappedAsync(Context.Api.GetCustomAvatarAsync(id, cancellationToken), id, "customised avatar");
    }

    /// <summary>Every customised avatar of the account (<c>list_customised_person</c>, paged to the end, each once).</summary>
    /// <param name="cancellationToken">Stops the listing.</param>
    /// <returns>The avatars, in the service's order.</returns>
    public virtual IAsyncEnumerable<CustomAvatar> ListAsync(CancellationToken cancellationToken = default)
    {
        var context = Context;
        return ProductPaging.ListAsync((page, ct) => context.Api.ListCustomAvatarsAsync(page, PageSize, ct), a => a.Id, PageSize, cancellationToken);
    }

    /// <summary>
    /// Waits until a customised avatar is ready and returns it: bounded by <see cref="WaitOptions.Timeout"/>
    /// (<see cref="ChanjingWaitTimeoutException"/>); status 4 or 5 ends it with <see cref="ChanjingTaskFailedException"/>.
    /// </summary>
    /// <param name="id">The avatar's id.</param>
    /// <param name="options">Poll intervals and deadline; null for the defaults.</param>
    /// <param name="progress">Told of the first observation and of every status or progress change.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>The ready avatar.</returns>
    public virtual Task<CustomAvatar> WaitAsync(string id, WaitOptions? options = null, IProgress<CustomAvatar>? progress = null, CancellationToken cancellationToken = default)
    {
        options = ProductWait.Check(id, options);
        return ProductWait.WaitAsync(Context, Kind, id, options, progress, pollFirst: true, cancellationToken);
    }

    /// <summary>Creates a customised avatar (<see cref="CreateAsync(CustomAvatarRequest, CancellationToken)"/>), then waits for it.</summary>
    /// <param name="request">The avatar.</param>
    /// <param name="options">Poll intervals and deadline; <see cref="WaitOptions.OnSubmitted"/> learns the id before the wait.</param>
    /// <param name="progress">Told of the first observation and of every status or progress change.</param>
    /// <param name="cancellationToken">Cancels the create or the wait.</param>
    /// <returns>The ready avatar.</returns>
    public virtual Task<CustomAvatar> GenerateAsync(CustomAvatarRequest request, WaitOptions? options = null, IProgress<CustomAvatar>? progress = null, CancellationToken cancellationToken = default) =>
        ProductWait.GenerateAsync(Context, Kind, ct => CreateAsync(request, ct), options, progress, cancellationToken);

    /// <summary>Deletes a customised avatar (<c>delete_customised_person</c>).</summary>
    /// <param name="id">The avatar's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once the service deleted it.</returns>
    /// <exception cref="ChanjingNotFoundException">The service says there is no such avatar (never made, or already deleted).</exception>
    public virtual async Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        Guard.Identifier(id, nameof(id));
        var ledger = new SendLedger();
        try
        {
            await Context.Api.DeleteCustomAvatarAsync(id, ledger, cancellationToken).ConfigureAwait(false);
        }
        catch (ChanjingInvalidParameterException ex) when (NotFound.Says(ex.ServiceMessage) && ledger.Unresolved > 1)
        {
            // An earlier attempt of this call reached the service and lost its answer, and the retry finds the avatar
            // gone: that attempt deleted it. Deleted, as asked.
        }
        catch (ChanjingInvalidParameterException ex) when (ex is not ChanjingNotFoundException && NotFound.Says(ex.ServiceMessage))
        {
            throw new ChanjingNotFoundException($"There is no customised avatar {id} to delete (it was never made or was already deleted): {ex.ServiceMessage}", id, ex.ServiceMessage, ex.TraceId, ex.StatusCode, ex);
        }
    }
}
