using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Chanjing.Emulator;
using Microsoft.Extensions.Time.Testing;

namespace Chanjing.Sdk.IntegrationTests.Emulator;

/// <summary>Completion callbacks: the task as GET answers it, POSTed when the task ends, retried a bounded number of times, journaled.</summary>
public sealed class EmulatorCallbackTests
{
    [Fact]
    public async Task Callback_TaskEnds_PostsTheTaskAsGetAnswers_RetriesAfterA500_AndJournalsEachAttempt()
    {
        using var receiver = new CallbackReceiver(HttpStatusCode.InternalServerError, HttpStatusCode.OK);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var (emulator, http, _, token) = await EmulatorHttp.StartAsync(new ChanjingEmulatorOptions { TimeProvider = time, CallbackRetryDelay = TimeSpan.FromSeconds(5) });
        await using var __ = emulator;
        using var ___ = http;
        var secondAttempt = new TaskCompletionSource<EmulatorCallbackDelivery>(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstAttempt = new TaskCompletionSource<EmulatorCallbackDelivery>(TaskCreationOptions.RunContinuationsAsynchronously);
        emulator.CallbackAttempted += (_, d) => (d.Attempt == 1 ? firstAttempt : secondAttempt).TrySetResult(d);
        var body = EmulatorHttp.R2v("a horse", "16:9", 5);
        body["callback"] = receiver.Url.AbsoluteUri;

        var id = (string)(await EmulatorHttp.PostAsync(http, "open/v1/ai_creation/task/submit", body, token))["data"]!;
        time.Advance(TimeSpan.FromSeconds(3));
        var first = await firstAttempt.Task.WaitAsync(TimeSpan.FromSeconds(30));
        time.Advance(TimeSpan.FromSeconds(5));
        var second = await secondAttempt.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var got = (JsonObject)(await EmulatorHttp.GetAsync(http, $"open/v1/ai_creation/task?unique_id={id}", token))["data"]!;

        Assert.Equal((1, 500, false), (first.Attempt, first.StatusCode, first.Succeeded));
        Assert.Equal((2, 200, true), (second.Attempt, second.StatusCode, second.Succeeded));
        Assert.Equal(2, receiver.Bodies.Count);
        var posted = JsonNode.Parse(receiver.Bodies[1])!;
        Assert.Equal(0, (int)posted["code"]!);
        Assert.Equal(got.ToJsonString(), posted["data"]!.ToJsonString());
        Assert.Equal(2, emulator.CountRequests(EmulatorEndpoint.Callback));
        Assert.Equal(2, emulator.CallbackDeliveries.Count);
    }

    [Fact]
    public async Task Callback_ForcedFailure_DeliveredOnce_AndNonLoopbackUrlNotCalled()
    {
        using var receiver = new CallbackReceiver(HttpStatusCode.OK);
        var (emulator, http, _, token) = await EmulatorHttp.StartAsync();
        await using var __ = emulator;
        using var ___ = http;
        var deliveries = new List<TaskCompletionSource<EmulatorCallbackDelivery>> { new(TaskCreationOptions.RunContinuationsAsynchronously), new(TaskCreationOptions.RunContinuationsAsynchronously) };
        var seen = 0;
        emulator.CallbackAttempted += (_, d) => deliveries[Math.Min(Interlocked.Increment(ref seen), 2) - 1].TrySetResult(d);
        var local = EmulatorHttp.R2v("a horse", "16:9", 5);
        local["callback"] = receiver.Url.AbsoluteUri;
        var remote = EmulatorHttp.R2v("a horse", "16:9", 5);
        remote["callback"] = "https://callbacks.example.com/chanjing";

        var localId = (string)(await EmulatorHttp.PostAsync(http, "open/v1/ai_creation/task/submit", local, token))["data"]!;
        emulator.SetTaskStatus(localId, "Fail", "scripted");
        var delivered = await deliveries[0].Task.WaitAsync(TimeSpan.FromSeconds(30));
        var remoteId = (string)(await EmulatorHttp.PostAsync(http, "open/v1/ai_creation/task/submit", remote, token))["data"]!;
        emulator.SetTaskStatus(remoteId, "Error");
        emulator.SetTaskStatus(localId, "Error");
        var skipped = await deliveries[1].Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal((localId, true), (delivered.TaskId, delivered.Succeeded));
        Assert.Equal("Fail", (string)JsonNode.Parse(receiver.Bodies.Single())!["data"]!["progress_desc"]!);
        Assert.Equal((remoteId, 0, false), (skipped.TaskId, skipped.Attempt, skipped.Succeeded));
        Assert.Contains("loopback", skipped.Error, StringComparison.Ordinal);
        Assert.Equal(1, emulator.CountRequests(EmulatorEndpoint.Callback));
    }

    /// <summary>A minimal HTTP/1.1 server on loopback that answers the given statuses in turn (the last one repeats) and keeps the bodies.</summary>
    private sealed class CallbackReceiver : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly HttpStatusCode[] _statuses;
        private readonly List<string> _bodies = [];
        private readonly CancellationTokenSource _stop = new();

        public CallbackReceiver(params HttpStatusCode[] statuses)
        {
            _statuses = statuses;
            _listener.Start();
            Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/chanjing/callback");
            _ = AcceptAsync();
        }

        public Uri Url { get; }

        public IReadOnlyList<string> Bodies
        {
            get
            {
                lock (_bodies)
                {
                    return [.. _bodies];
                }
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    await using var stream = client.GetStream();
                    var body = await ReadRequestBodyAsync(stream);
                    int index;
                    lock (_bodies)
                    {
                        _bodies.Add(body);
                        index = _bodies.Count - 1;
                    }

                    var status = _statuses[Math.Min(index, _statuses.Length - 1)];
                    await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 {(int)status} {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"), _stop.Token);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                // Stopped.
            }
        }

        private static async Task<string> ReadRequestBodyAsync(NetworkStream stream)
        {
            var buffer = new List<byte>();
            var chunk = new byte[4096];
            int headerEnd;
            while ((headerEnd = IndexOf(buffer, "\r\n\r\n"u8.ToArray())) < 0)
            {
                var read = await stream.ReadAsync(chunk);
                if (read == 0)
                {
                    return string.Empty;
                }

                buffer.AddRange(chunk.AsSpan(0, read).ToArray());
            }

            var headers = Encoding.ASCII.GetString(buffer.GetRange(0, headerEnd).ToArray());
            var length = headers.Split("\r\n").Where(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                .Select(h => int.Parse(h["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
            while (buffer.Count < headerEnd + 4 + length)
            {
                var read = await stream.ReadAsync(chunk);
                if (read == 0)
                {
                    break;
                }

                buffer.AddRange(chunk.AsSpan(0, read).ToArray());
            }

            return Encoding.UTF8.GetString(buffer.GetRange(headerEnd + 4, Math.Min(length, buffer.Count - headerEnd - 4)).ToArray());
        }

        private static int IndexOf(List<byte> buffer, byte[] pattern)
        {
            for (var i = 0; i + pattern.Length <= buffer.Count; i++)
            {
                if (pattern.AsSpan().SequenceEqual(buffer.GetRange(i, pattern.Length).ToArray()))
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
