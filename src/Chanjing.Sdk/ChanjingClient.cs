using System.Runtime.CompilerServices;
using System.Text.Json;
using Chanjing.Sdk.Internal;
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
    /// <param name="httpClient">The transport. Its <see cref="HttpClient.Timeout"/> still applies: if it is shorter than <see cref="ChanjingOptions.AttemptTimeout"/> it wins, and surfaces as a transient <see cref="ChanjingException"/>.</param>
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
        _pipeline = new ChanjingPipeline(snapshot, (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Chanjing.Sdk.ChanjingClient"));
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

    private HttpClient Http => _transport?.Invoke() ?? throw new InvalidOperationException("This ChanjingClient was created with the protected constructor meant for mocking; override the members you call.");

    private ChanjingOptions Options => Pipeline.Options;

    private TimeProvider Time => Pipeline.Options.TimeProvider;

    private ILogger Logger => Pipeline.Logger;

    internal ChanjingOptions PipelineOptions => Pipeline.Options;

    internal TimeSpan? ServerClockOffset => Pipeline.ServerClock.Offset;

    internal ChanjingTelemetry PipelineTelemetry => Pipeline.Telemetry;

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
            var taskId = await SubmitJsonAsync(draft.ToUtf8Json(), cancellationToken).ConfigureAwait(false);
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

    /// <summary>Sends a validated submit body once per safe attempt, and settles a lost answer by reconciliation.</summary>
    private async Task<string> SubmitJsonAsync(byte[] json, CancellationToken cancellationToken)
    {
        var submitted = new ChanjingRequest(HttpMethod.Post, "open/v1/ai_creation/task/submit", json, RequestKind.Submit, Authenticated: true, "submit");
        var claims = SubmittedTaskIds.For(Options);
        var startedAt = Time.GetUtcNow();
        var ledger = new SendLedger();
        try
        {
            var taskId = await Pipeline.SendAsync(Http, submitted, static r => TaskReader.ReadTaskId(r.Data), cancellationToken, ledger).ConfigureAwait(false);
            claims.TryClaim(taskId, Time);
            return taskId;
        }
        catch (ChanjingException ex) when (!ledger.MayHaveCreated && !cancellationToken.IsCancellationRequested)
        {
            // No attempt's POST reached the service, or every one was refused before processing: a known outcome.
            throw ChanjingErrors.SubmitNotSent(ex);
        }
        catch (ChanjingException ex) when (IsOutcomeUnknown(ex) && !cancellationToken.IsCancellationRequested)
        {
            SubmitLog.OutcomeUnknown(Logger, ex.Message);
            IReadOnlyList<string> candidates = [];
            Exception cause = ex;
            if (Options.ReconcileUnknownSubmits)
            {
                var found = await SubmitReconciler.ReconcileAsync(this, SubmitFingerprint.FromBody(json), startedAt, claims, cancellationToken).ConfigureAwait(false);
                if (found.TaskId is not null)
                {
                    SubmitLog.ReconciliationFound(Logger, found.TaskId);
                    return found.TaskId;
                }

                candidates = found.Candidates;
                cause = found.Failure ?? ex;
            }

            throw new ChanjingSubmitOutcomeUnknownException(
                $"The submit may or may not have created a task ({ex.Message}). It was not sent again, because each task costs money. " +
                (Options.ReconcileUnknownSubmits ? (candidates.Count > 1 ? $"Several recent tasks match it: {string.Join(", ", candidates)}. " : "No matching task was found in the recent task list. ") : "Reconciliation is turned off. ") +
                $"Check with ListTasksAsync for tasks created after {startedAt:O} before submitting again.",
                startedAt, candidates, cause);
        }
    }

    /// <inheritdoc />
    public virtual Task<CreationTask> GetTaskAsync(string taskId, CancellationToken cancellationToken = default)
    {
        Guard.Identifier(taskId, nameof(taskId));
        var request = new ChanjingRequest(HttpMethod.Get, "open/v1/ai_creation/task?unique_id=" + Uri.EscapeDataString(taskId), null, RequestKind.Read, Authenticated: true, "task lookup");
        return Pipeline.SendAsync(Http, request, static r => TaskReader.ReadTask(r.Data), cancellationToken);
    }

    /// <inheritdoc />
    public virtual IAsyncEnumerable<CreationTask> ListTasksAsync(CreationTaskQuery query, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(query, nameof(query));
        if (query.PageSize is < 1 or > CreationTaskQuery.MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.PageSize, $"{nameof(CreationTaskQuery)}.{nameof(CreationTaskQuery.PageSize)} must be between 1 and {CreationTaskQuery.MaxPageSize}, but was {query.PageSize}.");
        }

        if (query.Type.Value <= 0)
        {
            throw new ArgumentException($"{nameof(CreationTaskQuery)}.{nameof(CreationTaskQuery.Type)} must be set (CreationType.Video or CreationType.Image).", nameof(query));
        }

        var ids = query.TaskIds.ToArray();
        for (var i = 0; i < ids.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(ids[i]) || Guard.HasControl(ids[i]))
            {
                throw new ArgumentException($"{nameof(CreationTaskQuery)}.{nameof(CreationTaskQuery.TaskIds)}[{i}] must not be null, empty, whitespace or hold control characters.", nameof(query));
            }
        }

        return ListCoreAsync(query.Type, ids, query.OnlySuccessful, query.PageSize, cancellationToken);
    }

    private async IAsyncEnumerable<CreationTask> ListCoreAsync(CreationType type, string[] ids, bool? onlySuccessful, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The service filters by at most 50 ids: more are split into several filtered listings.
        var chunks = ids.Length == 0 ? [[]] : Chunk(ids, CreationTaskQuery.MaxPageSize);
        foreach (var chunk in chunks)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var page = 1; ; page++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var result = await ListPageAsync(type, chunk, onlySuccessful, page, pageSize, cancellationToken).ConfigureAwait(false);
                var fresh = 0;
                foreach (var task in result.Tasks)
                {
                    // A task can move to the next page while we list (new tasks push it down): report it once.
                    if (seen.Add(task.Id))
                    {
                        fresh++;
                        yield return task;
                    }
                }

                // Stop on a page with nothing new (a broken server repeating a page must not loop forever), and
                // never ask for more pages than total_count can fill, whatever total_page claims.
                var pagesByCount = result.TotalCount > 0 ? ((long)result.TotalCount + pageSize - 1) / pageSize : long.MaxValue;
                if (fresh == 0 || page >= result.TotalPages || page >= pagesByCount)
                {
                    break;
                }
            }
        }
    }

    /// <summary>One page of the task list (used by waits and reconciliation too).</summary>
    internal Task<TaskPage> ListPageAsync(CreationType type, IReadOnlyList<string> ids, bool? onlySuccessful, int page, int pageSize, CancellationToken cancellationToken)
    {
        var body = new ListTasksBody { UniqueIds = ids, Type = type, Page = page, PageSize = pageSize, IsSuccess = onlySuccessful };
        var json = JsonSerializer.SerializeToUtf8Bytes(body, ChanjingJsonContext.Default.ListTasksBody);
        var request = new ChanjingRequest(HttpMethod.Post, "open/v1/ai_creation/task/page", json, RequestKind.Read, Authenticated: true, "task list");
        return Pipeline.SendAsync(Http, request, static r => TaskPage.Read(r.Data), cancellationToken);
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
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AutomaticDecompression = System.Net.DecompressionMethods.All };
#else
        var handler = new HttpClientHandler { AutomaticDecompression = System.Net.DecompressionMethods.GZip | System.Net.DecompressionMethods.Deflate };
#endif
        // The SDK owns its timeouts (AttemptTimeout, OperationTimeout): HttpClient's 100 s default must not cut them short.
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    private static bool IsOutcomeUnknown(ChanjingException ex) =>
        // Rejected-before-processing failures and definite service answers (400, 40000, 10400, 40001 after its
        // retries) are known outcomes: nothing was created. Everything transient after sending is unknown.
        !ex.RequestRejected && ex.IsTransient && ex is not ChanjingRateLimitException;

    private static List<string[]> Chunk(string[] ids, int size)
    {
        var chunks = new List<string[]>((ids.Length + size - 1) / size);
        for (var i = 0; i < ids.Length; i += size)
        {
            var chunk = new string[Math.Min(size, ids.Length - i)];
            Array.Copy(ids, i, chunk, 0, chunk.Length);
            chunks.Add(chunk);
        }

        return chunks;
    }
}
