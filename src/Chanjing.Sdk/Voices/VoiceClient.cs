namespace Chanjing.Sdk;

/// <summary>
/// Voices (<see cref="IChanjingClient.Voices"/>): the public voices, and voice clones (定制声音) made from a recording,
/// usable in speech, avatar videos and lip-sync once ready. Members are virtual, for mocking.
/// </summary>
public class VoiceClient
{
    /// <summary>The page size of the listings.</summary>
    internal const int PageSize = 50;

    private const string ResumeWith = "client.Voices.WaitAsync";
    private readonly ProductContext? _context;
    private ProductJobKind<CustomVoice>? _kind;

    /// <summary>For mocking frameworks only: every member throws until overridden.</summary>
    protected VoiceClient()
    {
    }

    internal VoiceClient(ProductContext context) => _context = context;

    private ProductContext Context => _context ?? throw new InvalidOperationException("This VoiceClient was created with the protected constructor meant for mocking; override the members you call.");

    private ProductJobKind<CustomVoice> Kind => _kind ??= new ProductJobKind<CustomVoice>(GetAsync, ResumeWith);

    /// <summary>Every public voice (<c>list_common_audio</c>), paged to the end, each once.</summary>
    /// <param name="cancellationToken">Stops the listing.</param>
    /// <returns>The voices, in the service's order.</returns>
    public virtual IAsyncEnumerable<PublicVoice> ListPublicAsync(CancellationToken cancellationToken = default)
    {
        var context = Context;
        return ProductPaging.ListAsync((page, ct) => context.Api.ListPublicVoicesAsync(page, PageSize, ct), v => v.Id, PageSize, cancellationToken);
    }

    /// <summary>
    /// Starts cloning a voice and returns its id (<c>C-Audio-…</c>). A local sample is uploaded first with service
    /// <c>prompt_audio</c> and sent by its public URL, as Chanjing's Python SDK does. Never sent twice: when the outcome
    /// is unknown, the exception lists the clones of that name that appeared since (the newest clones are listed once
    /// before the create for that: the list carries no creation time).
    /// </summary>
    /// <param name="request">The clone.</param>
    /// <param name="cancellationToken">Cancels the call. A create cancelled after it was sent may still have made a clone.</param>
    /// <returns>The new voice's id.</returns>
    /// <exception cref="ArgumentException">The request is incomplete or breaks a documented limit (the message names it); nothing was sent.</exception>
    public virtual async Task<string> CreateAsync(VoiceCloneRequest request, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(request, nameof(request));
        // A snapshot, checked now: the caller may change the request while the sample uploads.
        var (name, sample, model, language, preview, callback) = (request.Name, request.Sample, request.ModelType, request.Language, request.PreviewText, request.CallbackUrl);
        Guard.NotNullOrWhiteSpace(name, "request.Name");
        Guard.Identifier(model, "request.ModelType");
        MediaUploader.Check(sample, MediaWire.UrlOnly, "request.Sample");
        var extension = sample.Kind == MediaSourceKind.Url ? Path.GetExtension(sample.Url!.AbsolutePath) : Path.GetExtension(sample.FileName ?? string.Empty);
        if (sample.Kind != MediaSourceKind.FileId && extension.ToLowerInvariant() is not (".mp3" or ".wav" or ".m4a" or ".mp4"))
        {
            throw new ArgumentException($"request.Sample must be an mp3, wav or m4a recording (the service reads the type from the path's end), but was {sample}.", nameof(request));
        }

        if (language is not null)
        {
            Guard.Identifier(language, "request.Language");
        }

        if (preview is not null && (preview.Length > VoiceCloneRequest.MaxPreviewTextLength || preview.Length == 0 || preview.All(c => c is >= '0' and <= '9')))
        {
            throw new ArgumentException($"request.PreviewText must be 1 to {VoiceCloneRequest.MaxPreviewTextLength} characters and not only digits, but was '{preview}'.", nameof(request));
        }

        SpeechBodies.CheckCallback(callback, "request.CallbackUrl");
        var context = Context;
        var url = (await context.Uploader.ResolveAsync(sample, "prompt_audio", MediaWire.UrlOnly, cancellationToken).ConfigureAwait(false)).Url!;
        var body = JsonBody.Write(w =>
        {
            w.WriteString("name", name);
            w.WriteString("url", url.AbsoluteUri);
            w.WriteString("model_type", model.ToLowerInvariant());
            JsonBody.OptionalString(w, "language", language);
            JsonBody.OptionalString(w, "text", preview);
            JsonBody.OptionalString(w, "callback", callback?.AbsoluteUri);
        });
        var reconciliation = new ProductReconciliation(
            "voice clone",
            ResumeWith,
            async ct => (await context.Api.ListCustomVoicesAsync(1, PageSize, ct).ConfigureAwait(false)).Items,
            job => job is CustomVoice voice && voice.Name == name,
            SnapshotBefore: true);
        return await PaidCreate.SendAsync(context, ChanjingEndpoints.CreateCustomVoice, body, reconciliation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gets one voice clone (<c>customised_audio</c>).</summary>
    /// <param name="id">The voice's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The voice as the service reports it now.</returns>
    /// <exception cref="ChanjingNotFoundException">The service says there is no such id.</exception>
    public virtual Task<CustomVoice> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        Guard.Identifier(id, nameof(id));
        return NotFound.MappedAsync(Context.Api.GetCustomVoiceAsync(id, cancellationToken), id, "voice clone");
    }

    /// <summary>Every voice clone made through the API (<c>list_customised_audio</c>, paged to the end, each once).</summary>
    /// <param name="cancellationToken">Stops the listing.</param>
    /// <returns>The voices, in the service's order.</returns>
    public virtual IAsyncEnumerable<CustomVoice> ListAsync(CancellationToken cancellationToken = default)
    {
        var context = Context;
        return ProductPaging.ListAsync((page, ct) => context.Api.ListCustomVoicesAsync(page, PageSize, ct), v => v.Id, PageSize, cancellationToken);
    }

    /// <summary>
    /// Waits until a voice clone is ready and returns it: 3 (expired), 4 (failed) and 99 (deleted) end it with
    /// <see cref="ChanjingTaskFailedException"/>; bounded by <see cref="WaitOptions.Timeout"/>.
    /// </summary>
    /// <param name="id">The voice's id.</param>
    /// <param name="options">Poll intervals and deadline; null for the defaults.</param>
    /// <param name="progress">Told of the first observation and of every status or progress change.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>The ready voice.</returns>
    public virtual Task<CustomVoice> WaitAsync(string id, WaitOptions? options = null, IProgress<CustomVoice>? progress = null, CancellationToken cancellationToken = default)
    {
        options = ProductWait.Check(id, options);
        return ProductWait.WaitAsync(Context, Kind, id, options, progress, pollFirst: true, cancellationToken);
    }

    /// <summary>Clones a voice (<see cref="CreateAsync"/>), then waits for it (<see cref="WaitAsync"/>).</summary>
    /// <param name="request">The clone.</param>
    /// <param name="options">Poll intervals and deadline; <see cref="WaitOptions.OnSubmitted"/> learns the id before the wait.</param>
    /// <param name="progress">Told of the first observation and of every status or progress change.</param>
    /// <param name="cancellationToken">Cancels the create or the wait.</param>
    /// <returns>The ready voice.</returns>
    public virtual Task<CustomVoice> GenerateAsync(VoiceCloneRequest request, WaitOptions? options = null, IProgress<CustomVoice>? progress = null, CancellationToken cancellationToken = default) =>
        ProductWait.GenerateAsync(Context, Kind, ct => CreateAsync(request, ct), options, progress, cancellationToken);
}
