using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Chanjing.Emulator;
using Chanjing.Sdk;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Chanjing.Extensions.AI.Tests;

/// <summary>A fast emulator, a client against it, logging that a test can read, and activities it can see.</summary>
internal static class Support
{
    public static ChanjingEmulatorOptions FastEmulator() => new()
    {
        QueuedDuration = TimeSpan.FromMilliseconds(100),
        GeneratingDuration = TimeSpan.FromMilliseconds(200),
        FileReadyDelay = TimeSpan.FromMilliseconds(50),
    };

    public static ChanjingClient Client(ChanjingEmulator emulator) => new(new ChanjingOptions
    {
        BaseAddress = emulator.BaseAddress,
        AppId = emulator.AppId,
        SecretKey = emulator.SecretKey,
        Retry = { BaseDelay = TimeSpan.FromMilliseconds(10) },
        Reconciliation = { Delay = TimeSpan.FromMilliseconds(10) },
        Uploads = { ReadyPollInterval = TimeSpan.FromMilliseconds(20) },
    });

    /// <summary>Quick polling; the deadline bounds every wait of a test.</summary>
    public static WaitOptions FastPolling => new() { PollInterval = TimeSpan.FromMilliseconds(50), MaxPollInterval = TimeSpan.FromMilliseconds(100), Timeout = TimeSpan.FromSeconds(30) };

    public static (ILoggerFactory Factory, FakeLogCollector Logs) Logging()
    {
        var collector = new FakeLogCollector();
        var factory = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(collector)).SetMinimumLevel(LogLevel.Trace));
        return (factory, collector);
    }

    public static JsonObject LastSubmit(ChanjingEmulator emulator) =>
        JsonNode.Parse(emulator.Journal.Last(r => r.Endpoint == EmulatorEndpoint.Submit).Body)!.AsObject();
}

/// <summary>Collects the activities of one source (a name unique to the test) while it is alive.</summary>
internal sealed class ActivityCollector : IDisposable
{
    private readonly ActivityListener _listener;

    public ActivityCollector(string sourceName)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == sourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Activities.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public ConcurrentQueue<Activity> Activities { get; } = new();

    public void Dispose() => _listener.Dispose();
}
