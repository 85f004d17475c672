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
    private readonly HttpClient? _http;
    private readonly ChanjingPipeline? _pipeline;
    private readonly bool _ownsHttpClient;
    private readonly bool _ownsPipeline;
    private readonly ConcurrentSet _reconciledTaskIds = new();

    /// <summary>Creates a client that owns its <see cref="HttpClient"/> (disposed with the client).</summary>
    /// <param name="options">The settings; copied, and validated now.</param>
    /// <exception cref="OptionsValidationException">A setting is invalid; the message names it.</exception>
    public ChanjingClient(ChanjingOptions options)
        : this(CreateOwnedHttpClient(), Snapshot(options), null, ownsHttpClient: true)
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
        : this(Guard.NotNull(httpClient, nameof(httpClient)), Snapshot(options), loggerFactory, ownsHttpClient: false)
    {
    }

    /// <summary>For mocking frameworks only: every member throws until overridden.</summary>
    protected ChanjingClient()
    {
    }

    private ChanjingClient(HttpClient httpClient, ChanjingOptions snapshot, ILoggerFactory? loggerFactory, bool ownsHttpClient)
        : this(httpClient, new ChanjingPipeline(snapshot, (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Chanjing.Sdk.ChanjingClient")), ownsHttpClient, ownsPipeline: true)
    {
    }

    /// <summary>Used by dependency injection: a transient client over a pipeline shared by the registration.</summary>
    internal ChanjingClient(HttpClient httpClient, ChanjingPipeline pipeline, bool ownsHttpClient, bool ownsPipeline)
    {
        _http = httpClient;
        _pipeline = pipeline;
        _ownsHttpClient = ownsHttpClient;
        _ownsPipeline = ownsPipeline;
    }

    private ChanjingPipeline Pipeline => _pipeline ?? throw new InvalidOperationException("This ChanjingClient was created with the protected constructor meant for mocking; override the members you call.");

    private HttpClient Http => _http ?? throw new InvalidOperationException("This ChanjingClient was created with the protected constructor meant for mocking; override the members you call.");

    private ChanjingOptions Options => Pipeline.Options;

    private TimeProvider Time => Pipeline.Options.TimeProvider;

    private ILogger Logger => Pipeline.Logger;

    /// <inheritdoc />
    public virtual async Task<string> SubmitReferenceVideoAsync(ReferenceVideoRequest request, CancellationToken cancellationToken = default)
    {
        var validated = ValidatedSubmit.Create(request);
        var urls = await ResolveReferenceImagesAsync(validated, cancellationToken).ConfigureAwait(false);
        var body = new SubmitTaskBody
        {
            ReferenceImageUrls = urls,
            Prompt = validated.Prompt,
            CreationType = CreationType.Video,
            AspectRatio = validated.AspectRatio,
            Clarity = validated.Clarity,
            VideoDuration = validated.DurationSeconds,
            ModelCode = validated.ModelCode,
        };
        var json = JsonSerializer.SerializeToUtf8Bytes(body, ChanjingJsonContext.Default.SubmitTaskBody);
        var submitted = new ChanjingRequest(HttpMethod.Post, "open/v1/ai_creation/task/submit", json, RequestKind.Submit, Authenticated: true, "submit");
        var startedAt = Time.GetUtcNow();
        try
        {
            return await Pipeline.SendAsync(Http, submitted, static r => TaskReader.ReadTaskId(r.Data), cancellationToken).ConfigureAwait(false);
        }
        catch (ChanjingException ex) when (IsOutcomeUnknown(ex) && !cancellationToken.IsCancellationRequested)
        {
            Logger.LogWarning("The outcome of a Chanjing submit is unknown ({Error}).", ex.Message);
            IReadOnlyList<string> candidates = [];
            Exception cause = ex;
            if (Options.ReconcileUnknownSubmits)
            {
                var found = await ReconcileAsync(body, startedAt, cancellationToken).ConfigureAwait(false);
                if (found.TaskId is not null)
                {
                    Logger.LogInformation("Reconciliation found the submitted task {TaskId}; not submitting again.", found.TaskId);
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
        Guard.NotNullOrWhiteSpace(taskId, nameof(taskId));
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
            if (string.IsNullOrWhiteSpace(ids[i]))
            {
                throw new ArgumentException($"{nameof(CreationTaskQuery)}.{nameof(CreationTaskQuery.TaskIds)}[{i}] must not be null, empty or whitespace.", nameof(query));
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
            for (var page = 1; ; page++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var result = await ListPageAsync(type, chunk, onlySuccessful, page, pageSize, cancellationToken).ConfigureAwait(false);
                foreach (var task in result.Tasks)
                {
                    yield return task;
                }

                if (result.Tasks.Count == 0 || page >= result.TotalPages)
                {
                    break;
                }
            }
        }
    }

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

        if (_ownsHttpClient)
        {
            _http?.Dispose();
        }
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

    private async Task<(string? TaskId, IReadOnlyList<string> Candidates, Exception? Failure)> ReconcileAsync(SubmitTaskBody body, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        var since = startedAt - Options.ReconciliationClockSkew;
        Exception? failure = null;
        IReadOnlyList<string> candidates = [];
        for (var attempt = 0; attempt < Options.ReconciliationAttempts; attempt++)
        {
            if (attempt > 0)
            {
                await Time.DelayAsync(Options.ReconciliationDelay, cancellationToken).ConfigureAwait(false);
            }

            try
            {
                var page = await ListPageAsync(CreationType.Video, [], null, 1, CreationTaskQuery.MaxPageSize, cancellationToken).ConfigureAwait(false);
                candidates = page.Tasks.Where(t => Matches(t, body, since) && !_reconciledTaskIds.Contains(t.Id)).Select(t => t.Id).ToArray();
                failure = null;
            }
            catch (ChanjingException ex)
            {
                failure = ex;
                continue;
            }

            // Two identical tasks created in the window cannot be told apart: returning either could hide a duplicate.
            if (candidates.Count == 1 && _reconciledTaskIds.Add(candidates[0]))
            {
                return (candidates[0], candidates, null);
            }

            if (candidates.Count > 1)
            {
                break;
            }
        }

        return (null, candidates, failure);
    }

    private static bool Matches(CreationTask task, SubmitTaskBody body, DateTimeOffset since)
    {
        if (task.CreatedAt is not { } created || created < since || task.Type != CreationType.Video || !string.Equals(task.ModelCode, body.ModelCode, StringComparison.Ordinal))
        {
            return false;
        }

        var echo = task.VideoSettings;
        var prompt = echo?.Prompt;
        if (!string.Equals(prompt, body.Prompt, StringComparison.Ordinal))
        {
            return false;
        }

        if (echo is not null && ((echo.Clarity != 0 && echo.Clarity != body.Clarity.Value) || (echo.DurationSeconds != 0 && echo.DurationSeconds != body.VideoDuration)
            || (!string.IsNullOrEmpty(echo.AspectRatio) && echo.AspectRatio != body.AspectRatio.Value)))
        {
            return false;
        }

        return task.ReferenceImageUrls.Select(u => u.OriginalString).SequenceEqual(body.ReferenceImageUrls, StringComparer.Ordinal);
    }

    /// <summary>A thread-safe set of task ids already returned by reconciliation, so one task is never claimed twice.</summary>
    private sealed class ConcurrentSet
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _items = new(StringComparer.Ordinal);

        public bool Add(string item) => _items.TryAdd(item, 0);

        public bool Contains(string item) => _items.ContainsKey(item);
    }
}
