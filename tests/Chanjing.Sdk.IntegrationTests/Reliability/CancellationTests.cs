using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Chanjing.Emulator;

namespace Chanjing.Sdk.IntegrationTests.Reliability;

/// <summary>
/// Issue 13, cancellation at random points: each scenario drives a call to a known point (synchronised on the
/// emulator's journal, never on a fixed sleep), cancels it a random few milliseconds later, and checks that an
/// OperationCanceledException comes promptly (under 2 s after the cancel, while whatever the call was waiting for is
/// seconds away), that no request reaches the emulator after the call ended (the journal stays unchanged through a
/// bounded observation window), that no partial file is left behind, and that no task exception goes unobserved.
/// </summary>
public sealed class CancellationTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(600);
    private static readonly TimeSpan Far = TimeSpan.FromSeconds(10);

    public static TheoryData<string> Points => ["rate limiter", "retry delay", "poll delay", "in-flight request", "upload", "download", "reconciliation"];

    [Theory]
    [MemberData(nameof(Points))]
    public async Task Cancel_AtEachPoint_ThrowsPromptlyAndSendsNothingMore(string point)
    {
        var random = Seeded(out var seed);
        output.WriteLine($"{point}: CHANJING_FUZZ_SEED={seed}");
        var unobserved = Unobserved.Start();
        var directory = Path.Combine(Path.GetTempPath(), "chanjing-cancel-" + Guid.NewGuid().ToString("N"));
        await using var emulator = await ChanjingEmulator.StartAsync(Emulator(point), TestContext.Current.CancellationToken);
        try
        {
            using var client = Support.Client(emulator, o =>
            {
                o.RequestsPerSecond = point == "rate limiter" ? 0.5 : null;
                o.Retry.BaseDelay = point == "retry delay" ? Far : TimeSpan.FromMilliseconds(10);
            });

            // Preparation, fault-free: a token, and for a download a finished task.
            CreationTask? done = null;
            if (point == "download")
            {
                done = await client.GenerateReferenceVideoAsync(Support.Request(), Support.FastWait, cancellationToken: TestContext.Current.CancellationToken);
            }
            else
            {
                await FirstPageAsync(client, CancellationToken.None);
            }

            var taskId = point is "poll delay" ? await client.SubmitReferenceVideoAsync(Support.Request(), TestContext.Current.CancellationToken) : done?.Id ?? "no-such-task";
            emulator.ClearJournal();
            var (endpoint, call) = Scenario(point, emulator, client, taskId, done, directory);

            var outcome = await CancelAtAsync(emulator, call, () => point == "rate limiter" || emulator.CountRequests(endpoint) >= 1, random);

            output.WriteLine($"{point}: cancelled {outcome.Offset.TotalMilliseconds:0} ms after the point; {outcome.Error?.GetType().Name ?? "no exception"} {outcome.Latency.TotalMilliseconds:0} ms after the cancel; {outcome.Requests} request(s) then, {outcome.RequestsAfterQuiet} after {Quiet.TotalMilliseconds:0} ms");
            Assert.True(outcome.Error is OperationCanceledException, $"{point}: expected OperationCanceledException, got {outcome.Error?.ToString() ?? "success"}");
            Assert.True(outcome.Latency < Prompt, $"{point}: the exception came {outcome.Latency.TotalSeconds:0.00} s after the cancel");
            Assert.True(outcome.Requests == outcome.RequestsAfterQuiet, $"{point}: {outcome.RequestsAfterQuiet - outcome.Requests} request(s) reached the emulator after the call was cancelled: {string.Join(", ", emulator.Journal.Skip(outcome.Requests).Select(r => r.Endpoint))}");
            if (point == "download")
            {
                var left = Directory.Exists(directory) ? Directory.GetFileSystemEntries(directory) : [];
                Assert.True(left.Length == 0, $"files left in the output directory: {string.Join(", ", left.Select(Path.GetFileName))}");
            }
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        unobserved.AssertNone();
    }

    [Fact]
    public async Task Cancel_OneCallerOfASharedTokenFetch_ThrowsPromptlyAndTheOthersGetTheToken()
    {
        var random = Seeded(out var seed);
        output.WriteLine($"CHANJING_FUZZ_SEED={seed}");
        var unobserved = Unobserved.Start();
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator(), TestContext.Current.CancellationToken);
        emulator.AddFault(EmulatorEndpoint.AccessToken, EmulatorFault.Delayed(TimeSpan.FromSeconds(3)));
        using var cancelled = Support.Client(emulator);
        using var second = Support.Client(emulator);
        using var third = Support.Client(emulator);
        var others = new[] { FirstPageAsync(second, TestContext.Current.CancellationToken), FirstPageAsync(third, TestContext.Current.CancellationToken) };

        var outcome = await CancelAtAsync(emulator, ct => FirstPageAsync(cancelled, ct), () => emulator.CountRequests(EmulatorEndpoint.AccessToken) >= 1, random);
        await Task.WhenAll(others);

        output.WriteLine($"cancelled {outcome.Offset.TotalMilliseconds:0} ms after the token request arrived; {outcome.Error?.GetType().Name ?? "no exception"} {outcome.Latency.TotalMilliseconds:0} ms later; token requests {emulator.CountRequests(EmulatorEndpoint.AccessToken)}");
        Assert.True(outcome.Error is OperationCanceledException, $"expected OperationCanceledException, got {outcome.Error?.ToString() ?? "success"}");
        Assert.True(outcome.Latency < Prompt, $"the cancelled caller waited {outcome.Latency.TotalSeconds:0.00} s after its cancel (the shared fetch takes 3 s)");
        Assert.Equal(1, emulator.CountRequests(EmulatorEndpoint.AccessToken));
        Assert.Equal(2, emulator.CountRequests(EmulatorEndpoint.ListTasks));
        unobserved.AssertNone();
    }

    private static ChanjingEmulatorOptions Emulator(string point)
    {
        var options = Support.FastEmulator();
        if (point == "poll delay")
        {
            options.GeneratingDuration = TimeSpan.FromMinutes(5);
        }

        if (point == "download")
        {
            options.OutputFileSize = 1 << 20;
        }

        return options;
    }

    /// <summary>The call to cancel, with faults scripted so it is parked at the point, and the endpoint that shows it got there.</summary>
    private static (EmulatorEndpoint Endpoint, Func<CancellationToken, Task> Call) Scenario(string point, ChanjingEmulator emulator, ChanjingClient client, string taskId, CreationTask? done, string directory)
    {
        switch (point)
        {
            case "rate limiter":
                // The preparation took the only permit: the next request waits about 2 s for one.
                return (EmulatorEndpoint.ListTasks, ct => FirstPageAsync(client, ct));
            case "retry delay":
                emulator.AddFault(EmulatorEndpoint.ListTasks, EmulatorFault.WithCode(50000));
                return (EmulatorEndpoint.ListTasks, ct => FirstPageAsync(client, ct));
            case "poll delay":
                return (EmulatorEndpoint.GetTask, ct => client.WaitForCompletionAsync(taskId, new WaitOptions { PollInterval = Far, MaxPollInterval = Far }, cancellationToken: ct));
            case "in-flight request":
                emulator.AddFault(EmulatorEndpoint.ListTasks, EmulatorFault.Delayed(Far));
                return (EmulatorEndpoint.ListTasks, ct => FirstPageAsync(client, ct));
            case "upload":
                emulator.AddFault(EmulatorEndpoint.UploadPut, EmulatorFault.Delayed(Far));
                return (EmulatorEndpoint.UploadPut, ct => client.UploadFileAsync(new MemoryStream(Support.Png(64, 64)), "frame.png", cancellationToken: ct));
            case "download":
                emulator.AddFault(EmulatorEndpoint.Download, EmulatorFault.Slow(TimeSpan.FromSeconds(1)));
                return (EmulatorEndpoint.Download, ct => client.DownloadOutputsAsync(done!, directory, cancellationToken: ct));
            case "reconciliation":
                emulator.AddFault(EmulatorEndpoint.Submit, EmulatorFault.AbortAfterProcessing());
                emulator.AddFault(EmulatorEndpoint.ListTasks, EmulatorFault.Delayed(Far));
                return (EmulatorEndpoint.ListTasks, ct => client.SubmitReferenceVideoAsync(Support.Request("a horse, reconciled " + Guid.NewGuid().ToString("N")), ct));
            default:
                throw new ArgumentOutOfRangeException(nameof(point), point, "no such point");
        }
    }

    private static async Task<Outcome> CancelAtAsync(ChanjingEmulator emulator, Func<CancellationToken, Task> call, Func<bool> reached, Random random)
    {
        using var cts = new CancellationTokenSource();
        long cancelledAt = 0;
        using var registration = cts.Token.Register(() => Volatile.Write(ref cancelledAt, Stopwatch.GetTimestamp()));
        var running = call(cts.Token);

        // The point: what the journal shows (bounded; the call itself may end early, which the assertions report).
        var deadline = Stopwatch.StartNew();
        while (!reached() && !running.IsCompleted && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }

        var offset = TimeSpan.FromMilliseconds(random.Next(0, 150));
        cts.CancelAfter(offset);
        Exception? error = null;
        try
        {
            await running;
        }
        catch (Exception ex)
        {
            error = ex;
        }

        var ended = Stopwatch.GetTimestamp();
        var requests = Sent(emulator);

        // A bounded observation: nothing more may arrive from the cancelled call.
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < Quiet && Sent(emulator) == requests)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        var at = Volatile.Read(ref cancelledAt);
        return new Outcome(error, at == 0 ? TimeSpan.MaxValue : Stopwatch.GetElapsedTime(at, ended), offset, requests, Sent(emulator));
    }

    private static int Sent(ChanjingEmulator emulator) => emulator.Journal.Count(r => r.Endpoint != EmulatorEndpoint.Callback);

    private static async Task FirstPageAsync(IChanjingClient client, CancellationToken cancellationToken)
    {
        await foreach (var unused in client.ListTasksAsync(new CreationTaskQuery(), cancellationToken))
        {
            break;
        }
    }

    private static Random Seeded(out int seed)
    {
        seed = int.TryParse(Environment.GetEnvironmentVariable("CHANJING_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var given) ? given : Random.Shared.Next();
        return new Random(seed);
    }

    private sealed record Outcome(Exception? Error, TimeSpan Latency, TimeSpan Offset, int Requests, int RequestsAfterQuiet);

    /// <summary>
    /// Task exceptions nobody observed, from SDK code (other tests share the process, so only exceptions whose trace
    /// passes through Chanjing.Sdk count), collected after a full garbage collection.
    /// </summary>
    private sealed class Unobserved
    {
        private readonly ConcurrentQueue<Exception> _seen = new();

        private Unobserved()
        {
        }

        public static Unobserved Start()
        {
            var unobserved = new Unobserved();
            TaskScheduler.UnobservedTaskException += unobserved.OnUnobserved;
            return unobserved;
        }

        public void AssertNone()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            TaskScheduler.UnobservedTaskException -= OnUnobserved;
            var ours = _seen.Where(e => e.ToString().Contains("Chanjing.Sdk", StringComparison.Ordinal)).ToList();
            Assert.True(ours.Count == 0, $"{ours.Count} unobserved task exception(s), first: {ours.FirstOrDefault()}");
        }

        private void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs e) => _seen.Enqueue(e.Exception);
    }
}
