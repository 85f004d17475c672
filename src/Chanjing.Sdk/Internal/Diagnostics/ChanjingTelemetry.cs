using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Chanjing.Sdk.Internal.Diagnostics;

/// <summary>
/// The SDK's traces and metrics: one <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named
/// <c>Chanjing.Sdk</c>. Under dependency injection the meter comes from <see cref="IMeterFactory"/>; otherwise one
/// process-wide meter is shared. Tags never carry task ids, prompts, URLs or credentials (cardinality and privacy);
/// nothing is computed when nobody listens. HTTP durations and connections are left to <c>System.Net.Http</c>.
/// </summary>
internal sealed class ChanjingTelemetry
{
    public const string Name = "Chanjing.Sdk";

    public static readonly ActivitySource ActivitySource = new(Name, typeof(ChanjingTelemetry).Assembly.GetName().Version?.ToString());


    private static readonly double[] OperationBuckets = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];
    private static readonly double[] TaskBuckets = [5, 10, 20, 30, 45, 60, 90, 120, 180, 240, 300, 450, 600, 900, 1200, 1800, 2700, 3600];

    // Declared after the bucket arrays it uses: static fields initialize in textual order.
    /// <summary>The shared telemetry of clients built without dependency injection.</summary>
    public static readonly ChanjingTelemetry Shared = new(new Meter(Name, typeof(ChanjingTelemetry).Assembly.GetName().Version?.ToString()));

    private readonly Histogram<double> _operationDuration;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _tokenRefreshes;
    private readonly Counter<long> _reconciliations;
    private readonly Histogram<double> _taskDuration;
    private readonly UpDownCounter<long> _activeWaits;

    public ChanjingTelemetry(Meter meter)
    {
        Meter = meter;
        _operationDuration = meter.CreateHistogram<double>("chanjing.client.operation.duration", "s", "Duration of one SDK operation (one service endpoint call, retries and rate-limit waits included).", null, new InstrumentAdvice<double> { HistogramBucketBoundaries = OperationBuckets });
        _retries = meter.CreateCounter<long>("chanjing.client.retries", "{retry}", "Retries the SDK made, by operation and reason.");
        _tokenRefreshes = meter.CreateCounter<long>("chanjing.client.token.refreshes", "{refresh}", "Access token fetches, by outcome.");
        _reconciliations = meter.CreateCounter<long>("chanjing.submit.reconciliations", "{reconciliation}", "Submits whose answer was lost and were looked up in the task list, by outcome (found, none, ambiguous, failed).");
        _taskDuration = meter.CreateHistogram<double>("chanjing.task.duration", "s", "Time from submit to a terminal status, as seen by a wait.", null, new InstrumentAdvice<double> { HistogramBucketBoundaries = TaskBuckets });
        _activeWaits = meter.CreateUpDownCounter<long>("chanjing.task.active", "{wait}", "Waits in progress.");
    }

    public Meter Meter { get; }

    /// <summary>
    /// Whether spans carry the GenAI semantic conventions (<c>gen_ai.*</c>). They are still "Development" in
    /// OpenTelemetry, so, as its rule says, only when <c>OTEL_SEMCONV_STABILITY_OPT_IN</c> holds <c>gen_ai_latest_experimental</c>.
    /// </summary>
    public static bool GenAiConventions { get; internal set; } = (Environment.GetEnvironmentVariable("OTEL_SEMCONV_STABILITY_OPT_IN") ?? string.Empty)
        .Split(',').Any(v => string.Equals(v.Trim(), "gen_ai_latest_experimental", StringComparison.OrdinalIgnoreCase));

    public static ChanjingTelemetry FromFactory(IMeterFactory factory) => new(factory.Create(new MeterOptions(Name) { Version = typeof(ChanjingTelemetry).Assembly.GetName().Version?.ToString() }));

    public void Operation(string operation, TimeSpan elapsed, ChanjingException? error)
    {
        if (!_operationDuration.Enabled)
        {
            return;
        }

        var tags = new TagList { { "chanjing.operation", operation } };
        if (error is not null)
        {
            tags.Add("error.type", error.GetType().Name);
            if (error.Code is { } code)
            {
                tags.Add("chanjing.code", code);
            }
        }

        _operationDuration.Record(elapsed.TotalSeconds, tags);
    }

    public void Retry(string operation, Exception? cause)
    {
        if (_retries.Enabled)
        {
            _retries.Add(1, new KeyValuePair<string, object?>("chanjing.operation", operation), new KeyValuePair<string, object?>("reason", Reason(cause)));
        }
    }

    public void TokenRefresh(bool success)
    {
        if (_tokenRefreshes.Enabled)
        {
            _tokenRefreshes.Add(1, new KeyValuePair<string, object?>("outcome", success ? "success" : "failure"));
        }
    }

    public void Reconciliation(string outcome)
    {
        if (_reconciliations.Enabled)
        {
            _reconciliations.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        }
    }

    public void TaskFinished(CreationTask task, TimeSpan sinceSubmit)
    {
        if (_taskDuration.Enabled && sinceSubmit >= TimeSpan.Zero)
        {
            _taskDuration.Record(sinceSubmit.TotalSeconds, new KeyValuePair<string, object?>("chanjing.model", task.ModelCode ?? "unknown"), new KeyValuePair<string, object?>("chanjing.task.status", task.Status.Value));
        }
    }

    public void WaitStarted(int tasks) => _activeWaits.Add(tasks);

    public void WaitEnded(int tasks) => _activeWaits.Add(-tasks);

    /// <summary>A low-cardinality reason: the service code, the HTTP status, or the kind of failure.</summary>
    private static string Reason(Exception? cause) => cause switch
    {
        ChanjingException { Code: { } code } => "code_" + code.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ChanjingException { StatusCode: { } status } => "http_" + ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture),
        Polly.Timeout.TimeoutRejectedException => "timeout",
        ChanjingException => "network",
        null => "unknown",
        _ => cause.GetType().Name,
    };
}
