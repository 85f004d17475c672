using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.Extensions.Time.Testing;

namespace Chanjing.Sdk.Benchmarks;

/// <summary>
/// The SDK at scale, in process so each run can report what it counted (the Measured column): requests of
/// WaitForAllAsync over 1,000 tasks against per-task polling, memory per pending wait of 10,000 waits on a fake
/// clock, and peak managed memory growth of a 100 MB download and a 20 MB upload.
/// Goals: at most ceil(pending/50) requests a round; at most 4 KB per pending wait; transfers under 10 MB growth.
/// </summary>
[Config(typeof(ScaleConfig))]
[MemoryDiagnoser]
public class ScaleBenchmarks
{
    internal static readonly ConcurrentDictionary<string, string> Measured = new(StringComparer.Ordinal);

    [Benchmark]
    public async Task WaitForAll_1000Tasks()
    {
        var (requests, rounds, worst) = await WaitManyAsync(perTask: false).ConfigureAwait(false);
        Measured[nameof(WaitForAll_1000Tasks)] = $"{requests} requests in {rounds} rounds; at most {worst} a round (ceil(pending/50) ≤ 20)";
    }

    [Benchmark]
    public async Task PerTaskPolling_1000Tasks()
    {
        var (requests, rounds, _) = await WaitManyAsync(perTask: true).ConfigureAwait(false);
        Measured[nameof(PerTaskPolling_1000Tasks)] = $"{requests} requests in {rounds} rounds";
    }

    [Benchmark]
    public async Task PendingWaits_10000()
    {
        // The real clock, as in production: each wait polls once at once, then parks on a 30 s timer, during which the
        // memory they hold is measured.
        var handler = new StatusHandler(static _ => "Generating");
        using var client = new ChanjingClient(new HttpClient(handler), new ChanjingOptions { AccessToken = "t" });
        using var stop = new CancellationTokenSource();
        var ids = Enumerable.Range(0, 10_000).Select(i => $"task-{i}").ToArray();
        var options = new WaitOptions { PollInterval = TimeSpan.FromSeconds(30), MaxPollInterval = TimeSpan.FromSeconds(60), Timeout = TimeSpan.FromHours(1) };
        var waits = new Task[ids.Length];
        var threadsBefore = ThreadPool.ThreadCount;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < waits.Length; i++)
        {
            waits[i] = client.WaitForCompletionAsync(ids[i], options, cancellationToken: stop.Token);
        }

        using (var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1)))
        {
            while (handler.Requests < ids.Length)
            {
                await Task.Delay(10, guard.Token).ConfigureAwait(false);
            }
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        var threadsAfter = ThreadPool.ThreadCount;
        await stop.CancelAsync().ConfigureAwait(false);
        foreach (var wait in waits)
        {
            try
            {
                await wait.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        Measured[nameof(PendingWaits_10000)] = $"{(after - before) / (double)ids.Length / 1024:F2} KB per pending wait; thread-pool threads {threadsBefore} → {threadsAfter}";
    }

    [Benchmark]
    public async Task Download_100MB()
    {
        const long size = 100L * 1024 * 1024;
        var handler = new FileHandler(size);
        using var client = new ChanjingClient(new HttpClient(handler), new ChanjingOptions { AccessToken = "t" });
        var sink = new PeakSink();
        var written = await client.DownloadAsync(new Uri("https://cdn.example/out.mp4"), sink).ConfigureAwait(false);
        if (written != size)
        {
            throw new InvalidOperationException($"wrote {written}");
        }

        Measured[nameof(Download_100MB)] = $"peak managed growth {sink.PeakGrowth / 1024.0 / 1024:F2} MB";
    }

    [Benchmark]
    public async Task Upload_20MB()
    {
        var path = Path.Combine(Path.GetTempPath(), $"chanjing-bench-{Guid.NewGuid():N}.png");
        using (var file = File.Create(path))
        {
            file.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
            file.SetLength(20L * 1024 * 1024);
        }

        try
        {
            var handler = new UploadHandler();
            using var client = new ChanjingClient(new HttpClient(handler), new ChanjingOptions { AccessToken = "t", Uploads = { ReadyPollInterval = TimeSpan.FromMilliseconds(1) } });
            var uploaded = await client.UploadFileAsync(path).ConfigureAwait(false);
            if (uploaded.Length != 20L * 1024 * 1024)
            {
                throw new InvalidOperationException($"sent {uploaded.Length}");
            }

            Measured[nameof(Upload_20MB)] = $"peak managed growth {handler.PeakGrowth / 1024.0 / 1024:F2} MB";
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>1,000 tasks finishing at random times within two minutes; counts requests and poll rounds.</summary>
    private static async Task<(int Requests, int Rounds, int WorstRound)> WaitManyAsync(bool perTask)
    {
        var time = new ReportingTimeProvider();
        var start = time.GetUtcNow();
        var random = new Random(42);
        var finish = Enumerable.Range(0, 1000).ToDictionary(i => $"task-{i}", _ => TimeSpan.FromSeconds(random.Next(0, 120)));
        var perInstant = new ConcurrentDictionary<DateTimeOffset, int>();
        var handler = new StatusHandler(id => time.GetUtcNow() - start >= finish[id] ? "Success" : "Generating", () => perInstant.AddOrUpdate(time.GetUtcNow(), 1, static (_, n) => n + 1));
        using var client = new ChanjingClient(new HttpClient(handler), new ChanjingOptions { AccessToken = "t", TimeProvider = time, AttemptTimeout = Timeout.InfiniteTimeSpan, OperationTimeout = Timeout.InfiniteTimeSpan });
        var options = new WaitOptions { PollInterval = TimeSpan.FromSeconds(2), MaxPollInterval = TimeSpan.FromSeconds(10), Timeout = TimeSpan.FromHours(1) };
        Task work = perTask
            ? Task.WhenAll(finish.Keys.Select(id => client.WaitForCompletionAsync(id, options)))
            : Drain(client.WaitForAllAsync(finish.Keys, options));
        await time.DriveAsync(work).ConfigureAwait(false);
        await work.ConfigureAwait(false);
        return (handler.Requests, perInstant.Count, perInstant.Values.Max());

        static async Task Drain(IAsyncEnumerable<CreationTask> tasks)
        {
            await foreach (var _ in tasks.ConfigureAwait(false))
            {
            }
        }
    }

    private sealed class ScaleConfig : ManualConfig
    {
        public ScaleConfig()
        {
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3).WithId("Scale"));
            AddColumn(new MeasuredColumn());
        }
    }

    private sealed class MeasuredColumn : IColumn
    {
        public string Id => "Measured";

        public string ColumnName => "Measured";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => false;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "What the last run counted";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => Measured.TryGetValue(benchmarkCase.Descriptor.WorkloadMethod.Name, out var value) ? value : "-";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }

    /// <summary>Answers get and list calls with the status <c>status(id)</c> gives each task.</summary>
    private sealed class StatusHandler(Func<string, string> status, Action? onRequest = null) : HttpMessageHandler
    {
        private int _requests;

        public int Requests => Volatile.Read(ref _requests);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            onRequest?.Invoke();
            JsonNode data;
            if (request.Method == HttpMethod.Post)
            {
                var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken).ConfigureAwait(false))!;
                var ids = ((JsonArray)body["unique_ids"]!).Select(n => (string)n!).ToList();
                data = new JsonObject { ["list"] = new JsonArray([.. ids.Select(id => (JsonNode)Task(id, status(id)))]), ["total"] = ids.Count, ["page_info"] = new JsonObject { ["page"] = 1, ["size"] = 50, ["total_count"] = ids.Count, ["total_page"] = 1 } };
            }
            else
            {
                var id = Uri.UnescapeDataString(request.RequestUri!.Query.Split('=')[1]);
                data = Task(id, status(id));
            }

            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(new JsonObject { ["code"] = 0, ["msg"] = "success", ["data"] = data }.ToJsonString(), Encoding.UTF8, "application/json") };
        }

        private static JsonObject Task(string id, string status)
        {
            var task = CannedHandler.Task(0);
            task["unique_id"] = id;
            task["progress_desc"] = status;
            return task;
        }
    }

    /// <summary>Serves a file of <paramref name="size"/> bytes generated on the fly (the test holds no copy of it).</summary>
    private sealed class FileHandler(long size) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new StreamContent(new GeneratedStream(size), 81920);
            content.Headers.ContentLength = size;
            return System.Threading.Tasks.Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
        }
    }

    /// <summary>The upload URL, a PUT read chunk by chunk (tracking memory), and a ready file.</summary>
    private sealed class UploadHandler : HttpMessageHandler
    {
        private readonly long _baseline = GC.GetTotalMemory(forceFullCollection: true);

        public long PeakGrowth { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Put)
            {
                var stream = await request.Content!.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                var buffer = new byte[81920];
                while (await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false) > 0)
                {
                    PeakGrowth = Math.Max(PeakGrowth, GC.GetTotalMemory(false) - _baseline);
                }

                return new HttpResponseMessage(HttpStatusCode.OK);
            }

            var data = request.RequestUri!.AbsolutePath.EndsWith("/file_detail", StringComparison.Ordinal)
                ? new JsonObject { ["status"] = 1, ["full_path"] = "https://storage.example/a.png" }
                : new JsonObject { ["sign_url"] = "https://storage.example/put?Signature=s", ["full_path"] = "https://storage.example/a.png", ["mime_type"] = "image/png", ["file_id"] = "f1" };
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(new JsonObject { ["code"] = 0, ["msg"] = "success", ["data"] = data }.ToJsonString(), Encoding.UTF8, "application/json") };
        }
    }

    /// <summary>A write-only sink that tracks the peak growth of managed memory while it is written to.</summary>
    private sealed class PeakSink : Stream
    {
        private readonly long _baseline = GC.GetTotalMemory(forceFullCollection: true);
        private long _length;

        public long PeakGrowth { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count)
        {
            _length += count;
            PeakGrowth = Math.Max(PeakGrowth, GC.GetTotalMemory(false) - _baseline);
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }

    /// <summary>A read-only stream of <paramref name="size"/> generated bytes.</summary>
    private sealed class GeneratedStream(long size) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => size;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, size - _position);
            buffer.AsSpan(offset, n).Fill((byte)(_position & 0xFF));
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A fake clock that tells when timers are created, so the driver advances exactly to the next one.</summary>
    private sealed class ReportingTimeProvider : FakeTimeProvider
    {
        private readonly global::System.Threading.Channels.Channel<TimeSpan> _timers = global::System.Threading.Channels.Channel.CreateUnbounded<TimeSpan>();
        private int _created;

        public ReportingTimeProvider()
            : base(new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero))
        {
        }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            Interlocked.Increment(ref _created);
            if (dueTime >= TimeSpan.Zero)
            {
                _timers.Writer.TryWrite(dueTime);
            }

            return timer;
        }

        /// <summary>Waits until <paramref name="count"/> timers exist (bounded).</summary>
        public async Task WaitForTimersAsync(int count)
        {
            using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            while (Volatile.Read(ref _created) < count)
            {
                await Task.Delay(1, guard.Token).ConfigureAwait(false);
            }
        }

        /// <summary>Advances to each timer as it is created until <paramref name="work"/> ends.</summary>
        public async Task DriveAsync(Task work)
        {
            using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            while (!work.IsCompleted)
            {
                var next = _timers.Reader.ReadAsync(guard.Token).AsTask();
                if (await Task.WhenAny(work, next).ConfigureAwait(false) == work)
                {
                    return;
                }

                var due = await next.ConfigureAwait(false);
                if (due >= TimeSpan.FromMinutes(30))
                {
                    continue; // a wait's deadline, not a poll
                }

                // Let the other waits of this instant schedule their timers before time moves.
                await Task.Delay(1).ConfigureAwait(false);
                Advance(due);
            }
        }
    }
}
