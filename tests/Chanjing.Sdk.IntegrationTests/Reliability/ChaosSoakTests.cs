using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Chanjing.Emulator;

namespace Chanjing.Sdk.IntegrationTests.Reliability;

/// <summary>
/// Issue 13, chaos soak: 500 concurrent GenerateAsync calls (every request family) from several clients of one
/// account against one emulator, with random faults on every endpoint the calls use (rate limited, server errors, 502
/// pages, connections dropped before and after processing, added latency) and the access token invalidated now and
/// then. Checks, per logical submit (each has its own prompt, so the emulator's tasks can be traced back to it):
/// every call ends in success or a ChanjingException; no submit created two tasks; a returned id is the one task its
/// submit created; a submit that failed with a known outcome created none; an outcome-unknown submit created 0 or 1
/// (its reconciliation may have failed, so either is correct; both are counted); no id is returned twice; no task
/// exception goes unobserved.
/// </summary>
public sealed class ChaosSoakTests(ITestOutputHelper output)
{
    private const int Calls = 500;
    private const int Clients = 4;

    /// <summary>
    /// Token invalidations per run. With two or more about 0.2 s apart, most calls fail with ChanjingAuthenticationException
    /// "rejected a freshly renewed access token too" (a submit renews once, then gives up; reported with issue 13): still
    /// typed failures, but then the soak exercises little else.
    /// </summary>
    private const int MaxInvalidations = 1;

    [Fact]
    public async Task GenerateAsync_500ConcurrentCallsUnderRandomFaults_KeepEveryPromise()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("CHANJING_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var given) ? given : Random.Shared.Next();
        output.WriteLine($"CHANJING_FUZZ_SEED={seed} (fault choices; the interleaving of 500 concurrent calls is not replayable)");
        var unobserved = new ConcurrentQueue<Exception>();
        void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs e) => unobserved.Enqueue(e.Exception);
        TaskScheduler.UnobservedTaskException += OnUnobserved;
        var clock = Stopwatch.StartNew();
        try
        {
            await using var emulator = await ChanjingEmulator.StartAsync(
                new ChanjingEmulatorOptions { QueuedDuration = TimeSpan.FromMilliseconds(50), GeneratingDuration = TimeSpan.FromMilliseconds(100), FileReadyDelay = TimeSpan.Zero },
                TestContext.Current.CancellationToken);
            using var chaos = new ChaosHandler(emulator, seed);
            // Every other client claims a unique exact match; the rest only report candidates (the default).
            var clients = Enumerable.Range(0, Clients).Select(n => new ChanjingClient(new HttpClient(chaos, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan }, Support.Options(emulator, o =>
            {
                o.AttemptTimeout = TimeSpan.FromSeconds(3);
                o.OperationTimeout = TimeSpan.FromSeconds(20);
                o.Retry.MaxAttempts = 3;
                o.Reconciliation.Attempts = 3;
                o.Reconciliation.Delay = TimeSpan.FromMilliseconds(20);
                o.Reconciliation.ClaimUniqueMatch = n % 2 == 1;
            }))).ToArray();

            var returned = new string?[Calls];
            var outcomes = new Exception?[Calls];
            await Task.WhenAll(Enumerable.Range(0, Calls).Select(i => Task.Run(async () =>
            {
                var wait = new WaitOptions
                {
                    PollInterval = TimeSpan.FromMilliseconds(50),
                    MaxPollInterval = TimeSpan.FromMilliseconds(200),
                    Timeout = TimeSpan.FromSeconds(40),
                    MaxConsecutiveTransientFailures = 10,
                    OnSubmitted = id => returned[i] = id,
                };
                try
                {
                    var done = await clients[i % Clients].GenerateAsync(RequestFor(i), wait);
                    outcomes[i] = done.Status.IsSuccess && done.Id == returned[i] ? null : new InvalidOperationException($"GenerateAsync returned task {done.Id} ({done.Status}), but its submit returned {returned[i]}");
                }
                catch (Exception ex)
                {
                    outcomes[i] = ex;
                }
            })));
            var calls = clock.Elapsed;
            chaos.Stop();

            // The emulator's tasks, read fault-free and traced to their logical submit by prompt.
            using var reader = Support.Client(emulator);
            var tasks = new List<CreationTask>();
            foreach (var type in new[] { CreationType.Video, CreationType.Image })
            {
                await foreach (var task in reader.ListTasksAsync(new CreationTaskQuery { Type = type }, TestContext.Current.CancellationToken))
                {
                    tasks.Add(task);
                }
            }

            var byCall = tasks.GroupBy(t => CallOf(t)).ToDictionary(g => g.Key, g => g.ToList());
            var violations = new List<string>();
            var unknownWithTask = 0;
            var unknownWithout = 0;
            for (var i = 0; i < Calls; i++)
            {
                var created = byCall.GetValueOrDefault(i) ?? [];
                var error = outcomes[i];
                if (error is not null and not ChanjingException)
                {
                    violations.Add($"call {i}: {error.GetType().Name}, not a ChanjingException: {error}");
                }

                if (created.Count > 1)
                {
                    violations.Add($"call {i}: its submit created {created.Count} tasks ({string.Join(", ", created.Select(t => t.Id))})");
                }

                if (returned[i] is { } id)
                {
                    if (created.Count != 1 || created[0].Id != id)
                    {
                        violations.Add($"call {i}: the submit returned {id}, but the tasks of its prompt are [{string.Join(", ", created.Select(t => t.Id))}]");
                    }
                }
                else if (error is ChanjingSubmitOutcomeUnknownException lost)
                {
                    // Reconciliation did not settle it: 0 or 1 task, both correct; counted. Each call has its own prompt, so
                    // a candidate is only ever the task this call created, never another call's.
                    _ = created.Count == 1 ? unknownWithTask++ : unknownWithout++;
                    if (lost.CandidateTaskIds.Except(created.Select(t => t.Id)).FirstOrDefault() is { } foreign)
                    {
                        violations.Add($"call {i}: its unknown outcome names {foreign} as a candidate, which another call created");
                    }
                }
                else if (created.Count != 0)
                {
                    violations.Add($"call {i}: failed with a known outcome ({error?.GetType().Name}: {error?.Message}) yet created task {created[0].Id}");
                }
            }

            var ids = returned.Where(id => id is not null).ToList();
            var duplicates = ids.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            if (duplicates.Count > 0)
            {
                violations.Add($"ids returned more than once: {string.Join(", ", duplicates)}");
            }

            var strays = tasks.Count(t => CallOf(t) < 0);
            if (strays > 0)
            {
                violations.Add($"{strays} task(s) whose prompt is no call's: " + string.Join(" | ", tasks.Where(t => CallOf(t) < 0).Take(3).Select(t => $"{t.Id} {t.Type} {t.ModelCode} '{t.VideoSettings?.Prompt ?? t.ImageSettings?.Prompt}'")));
            }

            var unknown = outcomes.Count(e => e is ChanjingSubmitOutcomeUnknownException);
            if (emulator.TaskCount != tasks.Count || tasks.Count != ids.Count + unknownWithTask || tasks.Count > ids.Count + unknown)
            {
                violations.Add($"tasks created {emulator.TaskCount} (listed {tasks.Count}) != ids returned {ids.Count} + outcome-unknown submits that created one {unknownWithTask} (of {unknown})");
            }

            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            // Other tests share the process: only exceptions whose trace passes through the SDK count.
            var ours = unobserved.Where(e => e.ToString().Contains("Chanjing.Sdk", StringComparison.Ordinal)).ToList();
            if (ours.Count > 0)
            {
                violations.Add($"{ours.Count} unobserved task exception(s), first: {ours[0]}");
            }

            var succeeded = outcomes.Count(e => e is null);
            output.WriteLine($"{Calls} calls by {Clients} clients in {calls.TotalSeconds:0.0} s: {succeeded} succeeded; failures: " +
                string.Join(", ", outcomes.Where(e => e is not null).GroupBy(e => e!.GetType().Name).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}")));
            output.WriteLine($"ids returned {ids.Count} (distinct {ids.Distinct().Count()}); outcome unknown {unknown} ({unknownWithTask} with a task, {unknownWithout} without); tasks created {emulator.TaskCount}");
            output.WriteLine($"faults injected: {chaos.Describe()}; token invalidations {chaos.Invalidations}");
            output.WriteLine("requests: " + string.Join(", ", new[] { EmulatorEndpoint.AccessToken, EmulatorEndpoint.Submit, EmulatorEndpoint.GetTask, EmulatorEndpoint.ListTasks }.Select(e => $"{e} {emulator.CountRequests(e)}")));
            foreach (var kind in outcomes.Where(e => e is not null).GroupBy(e => e!.GetType().Name))
            {
                output.WriteLine($"e.g. {kind.Key}: {kind.First()!.Message}");
            }

            output.WriteLine($"wall time {clock.Elapsed.TotalSeconds:0.0} s");
            foreach (var client in clients)
            {
                client.Dispose();
            }

            Assert.True(violations.Count == 0, $"{violations.Count} violation(s):\n" + string.Join("\n", violations.Take(5).Concat(violations.Skip(Math.Max(5, violations.Count - 3)))));
            Assert.True(succeeded > 0 && returned.Count(id => id is not null) > Calls / 4, $"only {succeeded} of {Calls} calls succeeded: the soak exercised too little");
            Assert.True(calls < TimeSpan.FromSeconds(60), $"the calls took {calls.TotalSeconds:0.0} s, over the minute they are bounded to");
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= OnUnobserved;
        }
    }

    private const string PromptPrefix = "chaos soak call #";

    /// <summary>The call a task belongs to: by its prompt, or (image tasks, whose listing does not echo the prompt) by the reference image named after the call.</summary>
    private static int CallOf(CreationTask task)
    {
        var byPrompt = CallOf(task.VideoSettings?.Prompt is { Length: > 0 } video ? video : task.ImageSettings?.Prompt);
        if (byPrompt >= 0)
        {
            return byPrompt;
        }

        var marked = (task.ImageSettings?.ReferenceImageUrls ?? []).Concat(task.ReferenceImageUrls).Select(u => u.AbsolutePath).FirstOrDefault(p => p.Contains(CallImage, StringComparison.Ordinal));
        return marked is not null && int.TryParse(marked[(marked.IndexOf(CallImage, StringComparison.Ordinal) + CallImage.Length)..].Split('.')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var call) ? call : -1;
    }

    private const string CallImage = "soak-call-";

    private static int CallOf(string? prompt) =>
        prompt is not null && prompt.StartsWith(PromptPrefix, StringComparison.Ordinal)
        && int.TryParse(prompt[PromptPrefix.Length..].Split(' ')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var call) ? call : -1;

    private static CreationRequest RequestFor(int i)
    {
        var prompt = PromptPrefix + i.ToString(CultureInfo.InvariantCulture) + " a horse on the grassland";
        var image = new Uri($"https://res.chanjing.cc/chanjing/res/aigc_creation/photo/soak{i % 7}.jpg");
        return (i % 5) switch
        {
            0 => new ReferenceVideoRequest { Prompt = prompt, ReferenceImageUrls = { image } },
            1 => new TextToVideoRequest { Prompt = prompt, AspectRatio = AspectRatio.Portrait9x16, Clarity = VideoClarity.P720, DurationSeconds = 5 },
            2 => new ImageToVideoRequest { Prompt = prompt, StartFrameUrl = image, Clarity = VideoClarity.P720, DurationSeconds = 5 },
            3 => new ImageGenerationRequest { Prompt = prompt, NumberOfImages = 2, ReferenceImageUrls = { new Uri($"https://res.chanjing.cc/chanjing/res/aigc_creation/photo/{CallImage}{i}.jpg") } },
            _ => new VideoEditRequest { Prompt = prompt, SourceUrls = { new Uri("https://res.chanjing.cc/chanjing/res/aigc_creation/video/source.mp4") } },
        };
    }

    /// <summary>
    /// The network of the soak: before each request leaves, it may script one emulator fault for that request's
    /// endpoint (whichever request of the endpoint comes next takes it, which is just as random) and, rarely,
    /// invalidate the account's token. Each scripted fault is followed by a request, so none is left over.
    /// </summary>
    private sealed class ChaosHandler(ChanjingEmulator emulator, int seed) : DelegatingHandler(new SocketsHttpHandler { MaxConnectionsPerServer = 256 })
    {
        private readonly Random _random = new(seed);
        private readonly ConcurrentDictionary<string, int> _injected = new(StringComparer.Ordinal);
        private volatile bool _stopped;
        private int _invalidations;
        private int _requestsSinceInvalidation;

        public int Invalidations => _invalidations;

        public void Stop() => _stopped = true;

        public string Describe() => string.Join(", ", _injected.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var endpoint = WireFaults.Classify(request);
            if (!_stopped && endpoint != EmulatorEndpoint.Unknown)
            {
                double roll;
                int latency;
                lock (_random)
                {
                    roll = _random.NextDouble();
                    latency = _random.Next(5, 150);
                }

                (string Name, EmulatorFault? Fault) pick = roll switch
                {
                    < 0.10 => ("40001", EmulatorFault.WithCode(40001)),
                    < 0.15 => ("50000", EmulatorFault.WithCode(50000)),
                    < 0.20 => ("HTTP 502", EmulatorFault.WithHttpStatus(502)),
                    < 0.22 => ("drop before", EmulatorFault.AbortBeforeProcessing()),
                    < 0.24 => ("drop after", EmulatorFault.AbortAfterProcessing()),
                    < 0.34 => ("latency", EmulatorFault.Delayed(TimeSpan.FromMilliseconds(latency))),
                    _ => (string.Empty, null),
                };
                if (pick.Fault is not null)
                {
                    emulator.AddFault(endpoint, pick.Fault);
                    _injected.AddOrUpdate($"{endpoint} {pick.Name}", 1, (_, n) => n + 1);
                }

                // Now and then: at most once per 400 requests, at most MaxInvalidations times.
                if (Volatile.Read(ref _invalidations) < MaxInvalidations && Interlocked.Increment(ref _requestsSinceInvalidation) > 0 && roll > 0.99)
                {
                    Volatile.Write(ref _requestsSinceInvalidation, -400);
                    emulator.InvalidateAccessToken();
                    Interlocked.Increment(ref _invalidations);
                }
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
