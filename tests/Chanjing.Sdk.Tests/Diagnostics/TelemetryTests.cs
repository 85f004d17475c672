using Microsoft.Extensions.Configuration;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json.Nodes;
using Chanjing.Sdk.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Chanjing.Sdk.Tests.Diagnostics;

/// <summary>Metrics, spans, log events and the refusals that keep headers and URLs safe (issue 17).</summary>
public sealed class TelemetryTests
{
    /// <summary>Records every measurement of the Chanjing.Sdk meter created by <paramref name="meter"/> (or any, when null).</summary>
    private sealed class Measurements : IDisposable
    {
        private readonly MeterListener _listener = new();

        public Measurements(Meter? meter = null)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (meter is null ? instrument.Meter.Name == "Chanjing.Sdk" : instrument.Meter == meter)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Items.Add((i.Name, v, Tags(tags))));
            _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Items.Add((i.Name, v, Tags(tags))));
            _listener.Start();
        }

        public ConcurrentBag<(string Name, double Value, Dictionary<string, object?> Tags)> Items { get; } = [];

        public void Dispose() => _listener.Dispose();

        private static Dictionary<string, object?> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var result = new Dictionary<string, object?>();
            foreach (var tag in tags)
            {
                result[tag.Key] = tag.Value;
            }

            return result;
        }
    }

    private static (ServiceProvider Provider, IChanjingClient Client, Meter Meter) DiClient(HttpMessageHandler handler, Action<ChanjingOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddMetrics();
        services.AddChanjing(o =>
        {
            o.AppId = "metrics-" + Guid.NewGuid();
            o.SecretKey = "s";
            o.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);
            o.Reconciliation.Delay = TimeSpan.Zero;
            configure?.Invoke(o);
        }).HttpClientBuilder.ConfigurePrimaryHttpMessageHandler(() => handler);
        var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IChanjingClient>();
        var meter = provider.GetRequiredService<IMeterFactory>().Create(new MeterOptions("Chanjing.Sdk") { Version = typeof(ChanjingClient).Assembly.GetName().Version?.ToString() });
        return (provider, client, meter);
    }

    private static HttpResponseMessage Token() => Wire.Ok(new JsonObject { ["access_token"] = "tok", ["expire_in"] = DateTimeOffset.UtcNow.AddHours(2).ToUnixTimeSeconds() });

    [Fact]
    public async Task Metrics_UnderDi_ComeFromTheMeterFactoryWithLowCardinalityTags()
    {
        var gets = 0;
        var handler = new LambdaHandler((request, _) => Task.FromResult(request.RequestUri!.AbsolutePath switch
        {
            var p when p.EndsWith("/access_token", StringComparison.Ordinal) => Token(),
            _ => ++gets == 1 ? new HttpResponseMessage(HttpStatusCode.BadGateway) : Wire.Ok(Wire.Task("task-secret-id", "Success", "https://cdn.example/out.png?Signature=abc")),
        }));
        var (provider, client, meter) = DiClient(handler);
        await using var _ = provider;
        using var measurements = new Measurements(meter);

        await client.WaitForCompletionAsync("task-secret-id", new WaitOptions { PollInterval = TimeSpan.FromMilliseconds(1) });

        var items = measurements.Items.ToList();
        Assert.Contains(items, m => m.Name == "chanjing.client.operation.duration" && (string)m.Tags["chanjing.operation"]! == "task lookup" && !m.Tags.ContainsKey("error.type"));
        Assert.Contains(items, m => m.Name == "chanjing.client.retries" && (string)m.Tags["reason"]! == "http_502" && (string)m.Tags["chanjing.operation"]! == "task lookup");
        Assert.Contains(items, m => m.Name == "chanjing.client.token.refreshes" && (string)m.Tags["outcome"]! == "success");
        Assert.Contains(items, m => m.Name == "chanjing.task.duration" && (string)m.Tags["chanjing.task.status"]! == "Success");
        Assert.Equal(0, items.Where(m => m.Name == "chanjing.task.active").Sum(m => m.Value));
        Assert.Contains(items, m => m.Name == "chanjing.task.active" && m.Value == 1);
        Assert.All(items.SelectMany(m => m.Tags.Values), v => Assert.DoesNotContain("task-secret-id", v?.ToString() ?? string.Empty, StringComparison.Ordinal));
        Assert.All(items.SelectMany(m => m.Tags.Values), v => Assert.DoesNotContain("://", v?.ToString() ?? string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Metrics_ReconciliationReportingACandidate_CountedWithItsOutcome()
    {
        var created = DateTimeOffset.UtcNow;
        var handler = new LambdaHandler((request, _) =>
        {
            var path = request.RequestUri!.AbsolutePath;
            if (path.EndsWith("/access_token", StringComparison.Ordinal))
            {
                return Task.FromResult(Token());
            }

            if (path.EndsWith("/submit", StringComparison.Ordinal))
            {
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadGateway));
            }

            var task = Wire.Task("found-" + Guid.NewGuid(), "Queued", createTime: created.ToUnixTimeSeconds() + 1, type: 3);
            task["photo_info"]!["ref_prompt"] = "a cat";
            task["photo_info"]!["ref_img_url"] = new JsonArray();
            task["ref_img_url"] = new JsonArray();
            task["photo_info"]!["clarity"] = 0;
            task["photo_info"]!["aspect_ratio"] = string.Empty;
            return Task.FromResult(Wire.Ok(Wire.Page([task])));
        });
        var (provider, client, meter) = DiClient(handler);
        await using var _ = provider;
        using var measurements = new Measurements(meter);

        await Assert.ThrowsAsync<ChanjingSubmitOutcomeUnknownException>(() => client.SubmitAsync(new ImageGenerationRequest { Prompt = "a cat" }));

        Assert.Contains(measurements.Items, m => m.Name == "chanjing.submit.reconciliations" && (string)m.Tags["outcome"]! == "candidates");
    }

    [Fact]
    public void Metrics_NobodyListening_RecordingAllocatesNothing_ListeningRecordsEverything()
    {
        // A name of its own: tests running in parallel listen to every "Chanjing.Sdk" meter, and a listener enabled on
        // this one while it is measured would make recording allocate (a flaky failure seen once in a full run).
        using var meter = new Meter("Chanjing.Sdk.Tests.Unobserved." + Guid.NewGuid().ToString("N"));
        var telemetry = new ChanjingTelemetry(meter);
        var error = new ChanjingServerException("failed");
        var task = ChanjingModelFactory.CreationTask("t1", CreationTaskStatus.Success);
        void RecordAll()
        {
            telemetry.Operation("task lookup", TimeSpan.FromMilliseconds(5), error);
            telemetry.Retry("task lookup", error);
            telemetry.TokenRefresh(success: true);
            telemetry.Reconciliation("found");
            telemetry.TaskFinished(task, TimeSpan.FromSeconds(30));
        }

        RecordAll(); // JIT and first-use allocations
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            RecordAll();
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        using var measurements = new Measurements(meter);
        RecordAll();

        Assert.Equal(0, allocated);
        Assert.Equal(5, measurements.Items.Count);
    }

    [Fact]
    public async Task Tracing_Wait_OneSpanWithTaskIdAndAnEventPerStatusChange_GenAiOnlyWhenOptedIn()
    {
        var stopped = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Chanjing.Sdk",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Add,
        };
        ActivitySource.AddActivityListener(listener);
        var statuses = new Queue<string>(["Queued", "Queued", "Generating", "Success"]);
        var handler = new LambdaHandler((request, _) =>
        {
            var id = request.RequestUri!.Query.Split('=')[1];
            lock (statuses)
            {
                return Task.FromResult(Wire.Ok(Wire.Task(id, statuses.Count > 1 ? statuses.Dequeue() : statuses.Peek(), "https://cdn.example/o.mp4")));
            }
        });
        using var client = handler.CreateClient();
        var fast = new WaitOptions { PollInterval = TimeSpan.FromMilliseconds(1), MaxPollInterval = TimeSpan.FromMilliseconds(2) };

        await client.WaitForCompletionAsync("plain-wait", fast);
        statuses = new Queue<string>(["Generating", "Success"]);
        ChanjingTelemetry.GenAiConventions = true;
        try
        {
            await client.WaitForCompletionAsync("genai-wait", fast);
        }
        finally
        {
            ChanjingTelemetry.GenAiConventions = false;
        }

        var plain = Assert.Single(stopped, a => a.DisplayName == "chanjing wait" && (string?)a.GetTagItem("chanjing.task_id") == "plain-wait");
        Assert.Equal(ActivityKind.Internal, plain.Kind);
        Assert.Equal(["Queued", "Generating", "Success"], plain.Events.Select(e => (string)e.Tags.First(t => t.Key == "chanjing.task.status").Value!));
        Assert.Null(plain.GetTagItem("gen_ai.provider.name"));
        var genAi = Assert.Single(stopped, a => a.DisplayName == "chanjing wait" && (string?)a.GetTagItem("chanjing.task_id") == "genai-wait");
        Assert.Equal("chanjing", genAi.GetTagItem("gen_ai.provider.name"));
        Assert.Equal("generate_content", genAi.GetTagItem("gen_ai.operation.name"));
        Assert.Equal("happyhorse-1.0-r2v", genAi.GetTagItem("gen_ai.request.model"));
        Assert.Equal("video", genAi.GetTagItem("gen_ai.output.type"));
        Assert.Equal("genai-wait", genAi.GetTagItem("gen_ai.response.id"));
    }

    [Fact]
    public async Task Logs_SourceGeneratedEventsWithStableIds_PromptOnlyAtTrace()
    {
        var logs = new FakeLogCollector();
        var handler = new LambdaHandler((_, _) => Task.FromResult(Wire.Ok(JsonValue.Create("t1"))));
        using var client = new ChanjingClient(new HttpClient(handler), Sut.Options(), new LoggerFactory([new FakeLoggerProvider(logs)], new LoggerFilterOptions { MinLevel = LogLevel.Trace }));

        await client.SubmitAsync(new TextToVideoRequest { ModelCode = "future-t2v", Prompt = "a private prompt" });

        var submitting = Assert.Single(logs.GetSnapshot(), r => r.Id.Id == 3001);
        Assert.Equal("Submitting", submitting.Id.Name);
        Assert.Equal(LogLevel.Trace, submitting.Level);
        Assert.All(logs.GetSnapshot().Where(r => r.Message.Contains("a private prompt", StringComparison.Ordinal)), r => Assert.Equal(LogLevel.Trace, r.Level));
    }

    [Fact]
    public async Task UserAgent_SdkRuntimeOsAndTheApplicationId()
    {
        string? agent = null;
        var handler = new LambdaHandler((request, _) =>
        {
            agent = request.Headers.UserAgent.ToString();
            return Task.FromResult(Wire.Ok(Wire.Task("t1")));
        });
        using var client = handler.CreateClient(o => o.ApplicationId = "my-app/2.1");

        await client.GetTaskAsync("t1");

        Assert.Matches(@"^my-app/2\.1 Chanjing\.Sdk/[0-9][^ ]* \(\.NET [^;]+; [^)]+\)$", agent);
    }

    public static TheoryData<string, Func<IChanjingClient, Task>> Injections => new()
    {
        { "task id with CR/LF", c => c.GetTaskAsync("t1\r\nX-Injected: 1") },
        { "task id with a NUL", c => c.WaitForCompletionAsync("t1\0") },
        { "waited ids", c => c.WaitForAllAsync(["ok", "bad\n"]).ToListAsync().AsTask() },
        { "listed ids", c => c.ListTasksAsync(new CreationTaskQuery { TaskIds = { "a\rb" } }).ToListAsync().AsTask() },
    };

    [Theory]
    [MemberData(nameof(Injections))]
    public async Task Injection_ControlCharactersInIds_RefusedBeforeAnyRequest(string what, Func<IChanjingClient, Task> call)
    {
        var handler = new LambdaHandler((_, _) => throw new InvalidOperationException("no request expected"));
        using var client = handler.CreateClient();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => call(client));

        Assert.True(handler.Count == 0, what);
    }

    [Theory]
    [InlineData("AccessToken")]
    [InlineData("AppId")]
    [InlineData("SecretKey")]
    [InlineData("ApplicationId")]
    public void Injection_ControlCharactersInCredentials_OptionsRefusedNamingTheSetting(string setting)
    {
        var options = new ChanjingOptions();
        switch (setting)
        {
            case "AccessToken": options.AccessToken = "tok\r\nX-Injected: 1"; break;
            case "AppId": options.AppId = "app\n"; options.SecretKey = "s"; break;
            case "SecretKey": options.AppId = "app"; options.SecretKey = "s\r"; break;
            default: options.AccessToken = "t"; options.ApplicationId = "my app\n"; break;
        }

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => new ChanjingClient(options));

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Injection_TokenFromTheServiceWithALineBreak_RefusedAndNeverSent()
    {
        var sentWithToken = 0;
        var handler = new LambdaHandler((request, _) =>
        {
            if (request.RequestUri!.AbsolutePath.EndsWith("/access_token", StringComparison.Ordinal))
            {
                return Task.FromResult(Wire.Ok(new JsonObject { ["access_token"] = "tok\r\nX-Injected: 1", ["expire_in"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds() }));
            }

            Interlocked.Increment(ref sentWithToken);
            return Task.FromResult(Wire.Ok(Wire.Task("t1")));
        });
        using var client = handler.CreateClient(o => { o.AccessToken = null; o.AppId = "inj-" + Guid.NewGuid(); o.SecretKey = "s"; });

        var error = await Assert.ThrowsAnyAsync<ChanjingException>(() => client.GetTaskAsync("t1"));

        Assert.Equal(0, sentWithToken);
        Assert.DoesNotContain("X-Injected", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Configuration_EverySettableOptionHasAKey_AndAMisspeltKeyIsReported()
    {
        var settable = Settable().Select(s => s.Key).Order();
        Assert.Equal(settable, ChanjingOptionsBinder.Keys.Order());

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Chanjing:AccessToken"] = "t",
            ["Chanjing:AttemptTimout"] = "00:00:05",
        }).Build();
        var options = new ChanjingOptions();
        ChanjingOptionsBinder.Bind(configuration.GetSection("Chanjing"), options);

        var failure = Assert.Single(options.Validate());
        Assert.Contains("Chanjing:AttemptTimout is not a Chanjing setting", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Configuration_EveryKeySetsItsOwnOption()
    {
        // Each key bound alone must change exactly the option it names: a key read into the wrong setting (easy when the
        // groups' settings share names such as Attempts and MaxAttempts) fails here.
        foreach (var (key, type, read) in Settable())
        {
            var defaults = Settable().ToDictionary(s => s.Key, s => s.Read(new ChanjingOptions()));
            var (text, expected) = SampleValue(type, defaults[key]);
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Chanjing:" + key] = text }).Build();
            var options = new ChanjingOptions();

            ChanjingOptionsBinder.Bind(configuration.GetSection("Chanjing"), options);

            Assert.Empty(options.BindingErrors);
            Assert.Equal(expected, read(options));
            Assert.All(Settable().Where(s => s.Key != key), other => Assert.Equal(defaults[other.Key], other.Read(options)));
        }
    }

    /// <summary>Every option a configuration key can set, flattened: top-level settings and each group's (Retry:MaxAttempts).</summary>
    private static IEnumerable<(string Key, Type Type, Func<ChanjingOptions, object?> Read)> Settable()
    {
        foreach (var property in typeof(ChanjingOptions).GetProperties())
        {
            if (property.Name is nameof(ChanjingOptions.TokenCache) or nameof(ChanjingOptions.TimeProvider))
            {
                continue;
            }

            if (property.SetMethod?.IsPublic == true)
            {
                yield return (property.Name, property.PropertyType, o => property.GetValue(o));
            }
            else if (property.PropertyType.Namespace == typeof(ChanjingOptions).Namespace && property.PropertyType.IsClass)
            {
                foreach (var inner in property.PropertyType.GetProperties().Where(p => p.SetMethod?.IsPublic == true))
                {
                    yield return ($"{property.Name}:{inner.Name}", inner.PropertyType, o => inner.GetValue(property.GetValue(o)));
                }
            }
        }
    }

    private static (string Text, object Expected) SampleValue(Type type, object? current) =>
        type == typeof(TimeSpan) ? ("00:00:07", TimeSpan.FromSeconds(7))
        : type == typeof(int) ? ("7", 7)
        : type == typeof(double?) ? ("7.5", 7.5)
        : type == typeof(bool) ? ((bool)current! ? "false" : "true", !(bool)current!)
        : type == typeof(Uri) ? ("http://127.0.0.1:9/", new Uri("http://127.0.0.1:9/"))
        : type == typeof(string) ? ("sample-value", "sample-value")
        : throw new InvalidOperationException($"No sample value for a {type.Name} setting: add one here.");
}
