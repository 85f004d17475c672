using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Chanjing.Sdk;

/// <summary>
/// The Chanjing AI creation client. Thread-safe; create one per account and reuse it (or register it with
/// <c>services.AddChanjing(...)</c>). Whether built around its own <see cref="HttpClient"/> or yours, it adds the
/// <c>access_token</c> header itself and applies the same retry, timeout and rate-limit rules.
/// </summary>
public partial class ChanjingClient : IChanjingClient, IDisposable
{
    private readonly Func<HttpClient>? _transport;
    private readonly HttpClient? _ownedHttpClient;
    private readonly ChanjingPipeline? _pipeline;
    private readonly bool _ownsPipeline;

    /// <summary>Creates a client that owns its <see cref="HttpClient"/> (disposed with the client).</summary>
    /// <param name="options">The settings; copied, and validated now.</param>
    /// <exception cref="OptionsValidationException">A setting is invalid; the message names it.</exception>
    public ChanjingClient(ChanjingOptions options)
        : this(Snapshot(options), loggerFactory: null, callerHttpClient: null)
    {
    }

    /// <summary>Creates a client around the caller's <see cref="HttpClient"/>, which it does not dispose.</summary>
    /// <param name="httpClient">The transport. Its <see cref="HttpClient.Timeout"/> still applies: if it is shorter than <see cref="ChanjingOptions.AttemptTimeout"/> it wins, and surfaces as a transient <see cref="ChanjingException"/>. Turn off automatic redirects on its handler: a redirect it follows takes the access_token to the other host (the SDK then refuses that host's answer).</param>
    /// <param name="options">The settings; copied, and validated now.</param>
    /// <exception cref="OptionsValidationException">A setting is invalid; the message names it.</exception>
    public ChanjingClient(HttpClient httpClient, ChanjingOptions options)
        : this(httpClient, options, loggerFactory: null)
    {
    }

    /// <summary>Creates a client around the caller's <see cref="HttpClient"/> that logs through <paramref name="loggerFactory"/>.</summary>
    /// <param name="httpClient">The transport; not disposed by the client.</param>
    /// <param name="options">The settings; copied, and validated now.</param>
    /// <param name="loggerFactory">Where retries, token renewals and unknown statuses are logged; null for none. Secrets are never logged.</param>
    /// <exception cref="OptionsValidationException">A setting is invalid; the message names it.</exception>
    public ChanjingClient(HttpClient httpClient, ChanjingOptions options, ILoggerFactory? loggerFactory)
        : this(Snapshot(options), loggerFactory, Guard.NotNull(httpClient, nameof(httpClient)))
    {
    }

    /// <summary>For mocking frameworks only: every member throws until overridden.</summary>
    protected ChanjingClient()
    {
    }

    // The options are validated (by the caller's argument) before an owned HttpClient exists, so invalid options leak nothing.
    private ChanjingClient(ChanjingOptions snapshot, ILoggerFactory? loggerFactory, HttpClient? callerHttpClient)
    {
        _pipeline = new ChanjingPipeline(snapshot, (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Chanjing.Sdk.ChanjingClient"), ownerName: nameof(ChanjingClient));
        _ownsPipeline = true;
        var http = callerHttpClient ?? (_ownedHttpClient = CreateOwnedHttpClient());
        _transport = () => http;
    }

    /// <summary>Used by dependency injection: one client per registration, taking a fresh HttpClient from the factory for each call.</summary>
    internal ChanjingClient(Func<HttpClient> transport, ChanjingPipeline pipeline)
    {
        _transport = transport;
        _pipeline = pipeline;
    }

    private ChanjingPipeline Pipeline => _pipeline ?? throw new InvalidOperationException("This ChanjingClient was created with the protected constructor meant for mocking; override the members you call.");

    /// <summary>The internal API layer: every endpoint, on this client's pipeline and transport.</summary>
    private ChanjingApi Api => _api ??= new ChanjingApi(Pipeline, () => Http);

    private ChanjingApi? _api;

    /// <summary>Uploads to and downloads from storage, on this client's timeouts and transport.</summary>
    private StorageTransfers Transfers => _transfers ??= new StorageTransfers(Options.AttemptTimeout, Time, Pipeline.Guarded);

    private StorageTransfers? _transfers;

    private AvatarClient? _avatars;
    private AvatarVideoClient? _avatarVideos;
    private SpeechClient? _speech;
    private VoiceClient? _voices;
    private LipSyncClient? _lipSync;
    private AvatarDesignClient? _avatarDesign;
    private ProductContext? _products;

    /// <summary>What the product clients share: the API layer, the pipeline and uploads.</summary>
    private ProductContext Products => _products ??= new ProductContext(Api, Pipeline, Uploader);

    /// <inheritdoc />
    public virtual AvatarClient Avatars => _avatars ??= new AvatarClient(Products);

    /// <inheritdoc />
    public virtual AvatarVideoClient AvatarVideos => _avatarVideos ??= new AvatarVideoClient(Products);

    /// <inheritdoc />
    public virtual SpeechClient Speech => _speech ??= new SpeechClient(Products);

    /// <inheritdoc />
    public virtual VoiceClient Voices => _voices ??= new VoiceClient(Products);

    /// <inheritdoc />
    public virtual LipSyncClient LipSync => _lipSync ??= new LipSyncClient(Products);

    /// <inheritdoc />
    public virtual AvatarDesignClient AvatarDesign => _avatarDesign ??= new AvatarDesignClient(Products);

    private HttpClient Http => _transport?.Invoke() ?? throw new InvalidOperationException("This ChanjingClient was created with the protected constructor meant for mocking; override the members you call.");

    private ChanjingOptions Options => Pipeline.Options;

    private TimeProvider Time => Pipeline.Options.TimeProvider;

    private ILogger Logger => Pipeline.Logger;

    /// <inheritdoc />
    public virtual Task<string> SubmitReferenceVideoAsync(ReferenceVideoRequest request, CancellationToken cancellationToken = default) =>
        SubmitAsync(request, cancellationToken);

    /// <inheritdoc />
    public virtual async Task<string> SubmitAsync(CreationRequest request, CancellationToken cancellationToken = default)
    {
        var draft = SubmitDraft.Create(request);
        using var activity = ChanjingTelemetry.ActivitySource.StartActivity("chanjing submit_task", System.Diagnostics.ActivityKind.Internal);
        if (activity is not null && ChanjingTelemetry.GenAiConventions)
        {
            WaitActivity.GenAi(activity, draft.ModelCode, draft.CreationType, taskId: null);
        }

        SubmitLog.Submitting(Logger, draft.ModelCode, request.Prompt);
        try
        {
            await ResolveFilesAsync(draft, cancellationToken).ConfigureAwait(false);
            var taskId = await SubmitJsonAsync(draft.ToUtf8Json(), draft.Fingerprint(), cancellationToken).ConfigureAwait(false);
            activity?.SetTag("chanjing.task_id", taskId);
            if (activity is not null && ChanjingTelemetry.GenAiConventions)
            {
                activity.SetTag("gen_ai.response.id", taskId);
            }

            return taskId;
        }
        catch (ChanjingException ex)
        {
            WaitActivity.Failed(activity, ex);
            throw;
        }
    }

    /// <summary>Sends a validated submit body once per safe attempt; a lost answer is reconciled (candidates, or an opt-in claim).</summary>
    private async ValueTask<string> SubmitJsonAsync(byte[] json, SubmitFingerprint fingerprint, CancellationToken cancellationToken)
    {
        // Registered before anything is sent: a submit that could own a task is visible to every other reconciliation.
        var registration = Pipeline.SubmitRegistry.Begin(fingerprint, Time);
        var ledger = new SendLedger();
        var startedAt = Time.GetUtcNow();
        try
        {
            if (Options.Reconciliation is { Enabled: true, ClaimUniqueMatch: true })
            {
                // Claims need to know which tasks existed before this submit: whole-second timestamps cannot tell.
                registration.ListedBefore = await ListBeforeSubmitAsync(fingerprint.Type, cancellationToken).ConfigureAwait(false);
                startedAt = Time.GetUtcNow();
            }

            var taskId = await Api.SubmitAsync(json, ledger, cancellationToken).ConfigureAwait(false);
            if (!registration.Answered(taskId))
            {
                // An earlier reconciliation claimed this very task for another submit: that claim was wrong.
                SubmitLog.AnswerAlreadyClaimed(Logger, taskId);
            }

            return taskId;
        }
        catch (ChanjingException ex) when (SendRules.IsKnownNotCreated(ledger) && !cancellationToken.IsCancellationRequested)
        {
            // No attempt's POST reached the service, or every one was refused before processing: a known outcome.
            throw ChanjingErrors.SubmitNotSent(ex);
        }
        catch (ChanjingException ex) when (SendRules.IsUnknownSubmitOutcome(ex) && !cancellationToken.IsCancellationRequested)
        {
            SubmitLog.OutcomeUnknown(Logger, ex.Message);
            if (!Options.Reconciliation.Enabled)
            {
                throw SubmitOutcome.Unknown(ex, startedAt, new Reconciliation(null, [], null, null), reconciled: false);
            }

            var found = await SubmitReconciler.ReconcileAsync(
                Api.ListNewestTasksAsync, registration, startedAt, Pipeline.ServerClock, Options, Pipeline.Telemetry, cancellationToken).ConfigureAwait(false);
            if (found.ClaimedTaskId is { } claimed)
            {
                SubmitLog.ReconciliationFound(Logger, claimed);
                return claimed;
            }

            throw SubmitOutcome.Unknown(ex, startedAt, found, reconciled: true);
        }
        finally
        {
            // Idempotent after Answered or Returned. A submit that may have reached the service and ends without its task id (an
            // unknown outcome, cancellation after sending) keeps blocking claims of tasks it could own.
            registration.Close(mayHaveCreated: ledger.MayHaveCreated);
        }
    }

    /// <summary>The ids of the newest tasks of the type, or null when they cannot be listed (then nothing can be claimed).</summary>
    private async Task<IReadOnlyCollection<string>?> ListBeforeSubmitAsync(CreationType type, CancellationToken cancellationToken)
    {
        try
        {
            var newest = await Api.ListNewestTasksAsync(type.Value > 0 ? type : CreationType.Video, cancellationToken).ConfigureAwait(false);
            return new HashSet<string>(newest.Select(t => t.Id), StringComparer.Ordinal);
        }
        catch (ChanjingException ex)
        {
            SubmitLog.ListBeforeSubmitFailed(Logger, ex.Message);
            return null;
        }
    }

    /// <inheritdoc />
    public virtual Task<CreationTask> GetTaskAsync(string taskId, CancellationToken cancellationToken = default)
    {
        Guard.Identifier(taskId, nameof(taskId));
        return Api.GetTaskAsync(taskId, cancellationToken);
    }

    /// <summary>Disposes the owned <see cref="HttpClient"/> and the rate limiter.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what the client owns.</summary>
    /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }

        if (_ownsPipeline)
        {
            _pipeline?.Dispose();
        }

        _ownedHttpClient?.Dispose();
    }

    internal static ChanjingOptions Snapshot(ChanjingOptions options)
    {
        Guard.NotNull(options, nameof(options));
        var copy = options.Clone();
        var failures = copy.Validate();
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(ChanjingOptions), failures);
        }

        if (!copy.BaseAddress.AbsolutePath.EndsWith("/", StringComparison.Ordinal))
        {
            // Relative request paths are resolved against the base address: keep its last segment.
            copy.BaseAddress = new Uri(copy.BaseAddress.AbsoluteUri + "/");
        }

        return copy;
    }

    internal static HttpClient CreateOwnedHttpClient()
    {
#if NET8_0_OR_GREATER
        // No automatic redirects: HttpClient would send the access_token header to wherever a redirect points (it strips
        // only Authorization). Downloads follow redirects themselves, without the token.
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AutomaticDecompression = System.Net.DecompressionMethods.All, AllowAutoRedirect = false };
#else
        var handler = new HttpClientHandler { AutomaticDecompression = System.Net.DecompressionMethods.GZip | System.Net.DecompressionMethods.Deflate, AllowAutoRedirect = false };
#endif
        // The SDK owns its timeouts (AttemptTimeout, OperationTimeout): HttpClient's 100 s default must not cut them short.
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
