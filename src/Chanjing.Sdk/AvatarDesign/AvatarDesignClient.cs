namespace Chanjing.Sdk;

/// <summary>
/// Avatar design (<see cref="IChanjingClient.AvatarDesign"/>, 文生数字人): pictures of a digital human from a description,
/// a motion video from one of them, and LoRA models trained on photos. Inputs are public URLs (no uploads, no
/// callbacks). A create costs money and these tasks cannot be looked for after a lost answer: it is never sent twice,
/// and its exception says no reconciliation was possible. Members are virtual, for mocking.
/// </summary>
public class AvatarDesignClient
{
    /// <summary>The page size of <see cref="ListAsync"/>.</summary>
    internal const int PageSize = 50;

    private readonly ProductContext? _context;
    private ProductJobKind<AvatarPhotoTask>? _photos;
    private ProductJobKind<AvatarMotionTask>? _motions;
    private ProductJobKind<AvatarLoraTask>? _loras;

    /// <summary>For mocking frameworks only: every member throws until overridden.</summary>
    protected AvatarDesignClient()
    {
    }

    internal AvatarDesignClient(ProductContext context) => _context = context;

    private ProductContext Context => _context ?? throw new InvalidOperationException("This AvatarDesignClient was created with the protected constructor meant for mocking; override the members you call.");

    private ProductJobKind<AvatarPhotoTask> Photos => _photos ??= new ProductJobKind<AvatarPhotoTask>(GetPhotoAsync, "client.AvatarDesign.WaitPhotoAsync");

    private ProductJobKind<AvatarMotionTask> Motions => _motions ??= new ProductJobKind<AvatarMotionTask>(GetMotionAsync, "client.AvatarDesign.WaitMotionAsync");

    private ProductJobKind<AvatarLoraTask> Loras => _loras ??= new ProductJobKind<AvatarLoraTask>(GetLoraAsync, "client.AvatarDesign.WaitLoraAsync");

    /// <summary>Starts a photo task (<c>aigc/photo</c>) and returns its id. Checked before anything is sent; never sent twice.</summary>
    /// <param name="request">The description.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The task's id.</returns>
    /// <exception cref="ArgumentException">The request breaks a documented limit (the message names it); nothing was sent.</exception>
    public virtual Task<string> CreatePhotoAsync(AvatarPhotoRequest request, CancellationToken cancellationToken = default) =>
        Create(ChanjingEndpoints.CreateAvatarPhoto, AvatarDesignBodies.Photo(request), "avatar photo task", "client.AvatarDesign.WaitPhotoAsync", cancellationToken);

    /// <summary>Gets one photo task (<c>aigc/photo/task</c>).</summary>
    /// <param name="id">The task's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The task as the service reports it now.</returns>
    public virtual Task<AvatarPhotoTask> GetPhotoAsync(string id, CancellationToken cancellationToken = default)
    {
        Guard.Identifier(id, nameof(id));
        return NotFound.MappedAsync(Context.Api.GetAvatarPhotoAsync(id, cancellationToken), id, "avatar photo task");
    }

    /// <summary>Waits until a photo task succeeds; <c>Error</c> / <c>Fail</c> end it with <see cref="ChanjingTaskFailedException"/>.</summary>
    /// <param name="id">The task's id.</param>
    /// <param name="options">Poll intervals and deadline; null for the defaults.</param>
    /// <param name="progress">Told of the first observation and of every status change.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>The succeeded task, with its pictures.</returns>
    public virtual Task<AvatarPhotoTask> WaitPhotoAsync(string id, WaitOptions? options = null, IProgress<AvatarPhotoTask>? progress = null, CancellationToken cancellationToken = default) =>
        ProductWait.WaitAsync(Context, Photos, id, ProductWait.Check(id, options), progress, pollFirst: true, cancellationToken);

    /// <summary>Starts a photo task, then waits for it.</summary>
    /// <param name="request">The description.</param>
    /// <param name="options">Poll intervals and deadline.</param>
    /// <param name="progress">Told of every status change.</param>
    /// <param name="cancellationToken">Cancels the create or the wait.</param>
    /// <returns>The succeeded task.</returns>
    public virtual Task<AvatarPhotoTask> GeneratePhotoAsync(AvatarPhotoRequest request, WaitOptions? options = null, IProgress<AvatarPhotoTask>? progress = null, CancellationToken cancellationToken = default) =>
        ProductWait.GenerateAsync(Context, Photos, ct => CreatePhotoAsync(request, ct), options, progress, cancellationToken);

    /// <summary>Every photo and motion task (<c>aigc/photo/task/page</c>), paged to the end, each once.</summary>
    /// <param name="cancellationToken">Stops the listing.</param>
    /// <returns>The tasks: <see cref="AvatarPhotoTask"/> and <see cref="AvatarMotionTask"/> items.</returns>
    public virtual IAsyncEnumerable<AvatarDesignTask> ListAsync(CancellationToken cancellationToken = default)
    {
        var context = Context;
        return ProductPaging.ListAsync((page, ct) => context.Api.ListAvatarDesignAsync(page, PageSize, ct), t => t.Id, PageSize, cancellationToken);
    }

    /// <summary>Starts a motion task (<c>aigc/motion</c>) from a picture of a finished photo task and returns its id.</summary>
    /// <param name="request">The picture and the motion.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The task's id.</returns>
    public virtual Task<string> CreateMotionAsync(AvatarMotionRequest request, CancellationToken cancellationToken = default) =>
        Create(ChanjingEndpoints.CreateAvatarMotion, AvatarDesignBodies.Motion(request), "avatar motion task", "client.AvatarDesign.WaitMotionAsync", cancellationToken);

    /// <summary>Gets one motion task (<c>aigc/motion/task</c>).</summary>
    /// <param name="id">The task's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The task as the service reports it now.</returns>
    public virtual Task<AvatarMotionTask> GetMotionAsync(string id, CancellationToken cancellationToken = default)
    {
        Guard.Identifier(id, nameof(id));
        return NotFound.MappedAsync(Context.Api.GetAvatarMotionAsync(id, cancellationToken), id, "avatar motion task");
    }

    /// <summary>Waits until a motion task succeeds; <c>Error</c> / <c>Fail</c> end it with <see cref="ChanjingTaskFailedException"/>.</summary>
    /// <param name="id">The task's id.</param>
    /// <param name="options">Poll intervals and deadline; null for the defaults.</param>
    /// <param name="progress">Told of the first observation and of every status change.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>The succeeded task, with its video.</returns>
    public virtual Task<AvatarMotionTask> WaitMotionAsync(string id, WaitOptions? options = null, IProgress<AvatarMotionTask>? progress = null, CancellationToken cancellationToken = default) =>
        ProductWait.WaitAsync(Context, Motions, id, ProductWait.Check(id, options), progress, pollFirst: true, cancellationToken);

    /// <summary>Starts a motion task, then waits for it.</summary>
    /// <param name="request">The picture and the motion.</param>
    /// <param name="options">Poll intervals and deadline.</param>
    /// <param name="progress">Told of every status change.</param>
    /// <param name="cancellationToken">Cancels the create or the wait.</param>
    /// <returns>The succeeded task.</returns>
    public virtual Task<AvatarMotionTask> GenerateMotionAsync(AvatarMotionRequest request, WaitOptions? options = null, IProgress<AvatarMotionTask>? progress = null, CancellationToken cancellationToken = default) =>
        ProductWait.GenerateAsync(Context, Motions, ct => CreateMotionAsync(request, ct), options, progress, cancellationToken);

    /// <summary>Starts training a LoRA model (<c>aigc/lora/task/create</c>, answered <c>{lora_id}</c>) and returns its id.</summary>
    /// <param name="request">The name and photos.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The task's id.</returns>
    public virtual Task<string> CreateLoraAsync(AvatarLoraRequest request, CancellationToken cancellationToken = default) =>
        Create(ChanjingEndpoints.CreateAvatarLora, AvatarDesignBodies.Lora(request), "LoRA task", "client.AvatarDesign.WaitLoraAsync", cancellationToken);

    /// <summary>Gets one LoRA task (<c>aigc/lora/task</c>).</summary>
    /// <param name="id">The task's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The task as the service reports it now.</returns>
    public virtual Task<AvatarLoraTask> GetLoraAsync(string id, CancellationToken cancellationToken = default)
    {
        Guard.Identifier(id, nameof(id));
        return NotFound.MappedAsync(Context.Api.GetAvatarLoraAsync(id, cancellationToken), id, "LoRA task");
    }

    /// <summary>Waits until a LoRA task succeeds; <c>Fail</c> ends it with <see cref="ChanjingTaskFailedException"/>.</summary>
    /// <param name="id">The task's id.</param>
    /// <param name="options">Poll intervals and deadline; null for the defaults.</param>
    /// <param name="progress">Told of the first observation and of every status change.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>The succeeded task; its pictures are in its photo tasks.</returns>
    public virtual Task<AvatarLoraTask> WaitLoraAsync(string id, WaitOptions? options = null, IProgress<AvatarLoraTask>? progress = null, CancellationToken cancellationToken = default) =>
        ProductWait.WaitAsync(Context, Loras, id, ProductWait.Check(id, options), progress, pollFirst: true, cancellationToken);

    /// <summary>Starts training a LoRA model, then waits for it.</summary>
    /// <param name="request">The name and photos.</param>
    /// <param name="options">Poll intervals and deadline.</param>
    /// <param name="progress">Told of every status change.</param>
    /// <param name="cancellationToken">Cancels the create or the wait.</param>
    /// <returns>The succeeded task.</returns>
    public virtual Task<AvatarLoraTask> GenerateLoraAsync(AvatarLoraRequest request, WaitOptions? options = null, IProgress<AvatarLoraTask>? progress = null, CancellationToken cancellationToken = default) =>
        ProductWait.GenerateAsync(Context, Loras, ct => CreateLoraAsync(request, ct), options, progress, cancellationToken);

    private Task<string> Create(ChanjingEndpoint<string> endpoint, byte[] body, string noun, string resumeWith, CancellationToken cancellationToken) =>
        PaidCreate.SendAsync(Context, endpoint, body, new ProductReconciliation(noun, resumeWith, null), cancellationToken);
}
