using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Chanjing.Sdk.Tests.TestSupport;

namespace Chanjing.Sdk.Tests.Pipeline;

public sealed class ResilienceTests
{
    private static ReferenceVideoRequest Request(string prompt = "a horse gallops") => new() { Prompt = prompt, ReferenceImageUrls = { new Uri("https://x/ref1.jpg"), new Uri("https://x/ref2.jpg") } };

    private static LambdaHandler Server(Func<HttpRequestMessage, int, HttpResponseMessage> submit, Func<JsonNode>? list = null)
    {
        var submits = 0;
        return new LambdaHandler((request, _) =>
        {
            if (request.RequestUri!.AbsolutePath.EndsWith("/submit", StringComparison.Ordinal))
            {
                return Task.FromResult(submit(request, Interlocked.Increment(ref submits)));
            }

            if (request.RequestUri.AbsolutePath.EndsWith("/page", StringComparison.Ordinal))
            {
                return Task.FromResult(Wire.Ok(list?.Invoke() ?? Wire.Page([])));
            }

            return Task.FromResult(submit(request, 0));
        });
    }

    /// <summary>A task the service created from <see cref="Request"/>, as the list endpoint reports it.</summary>
    private static JsonObject Created(string id, long createTime, string prompt = "a horse gallops")
    {
        var task = Wire.Task(id, "Queued", createTime: createTime);
        task["ref_img_url"] = new JsonArray("https://x/ref1.jpg", "https://x/ref2.jpg");
        task["motion_info"]!["ref_prompt"] = prompt;
        task["motion_info"]!["clarity"] = 1080;
        task["motion_info"]!["aspect_ratio"] = "16:9";
        task["motion_info"]!["video_duration"] = 5;
        return task;
    }

    private static int Count(LambdaHandler handler, List<string> paths, string suffix) => paths.Count(p => p.EndsWith(suffix, StringComparison.Ordinal));

    [Fact]
    public async Task SubmitReferenceVideoAsync_RateLimitedTwiceThenAccepted_RetriesAndReturnsId()
    {
        var handler = Server((_, n) => n <= 2 ? Wire.Code(40001, "请求超过QPS限制") : Wire.Ok(JsonValue.Create("task-1")));
        using var client = handler.CreateClient(o => o.Retry.MaxAttempts = 3);

        var id = await client.SubmitReferenceVideoAsync(Request());

        Assert.Equal("task-1", id);
        Assert.Equal(3, handler.Count);
    }

    [Fact]
    public async Task SubmitReferenceVideoAsync_ConnectionRefused_RetriedBecauseNothingWasSent()
    {
        var handler = Server((_, n) => n == 1 ? throw new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused)) : Wire.Ok(JsonValue.Create("task-1")));
        using var client = handler.CreateClient(o => o.Retry.MaxAttempts = 3);

        Assert.Equal("task-1", await client.SubmitReferenceVideoAsync(Request()));
        Assert.Equal(2, handler.Count);
    }

    [Theory]
    [InlineData(50000)]
    [InlineData(503)]
    [InlineData(-1)]
    public async Task SubmitReferenceVideoAsync_OutcomeUnknownAndReconciliationOff_OneRequestAndOutcomeUnknown(int failure)
    {
        var handler = Server((_, _) => failure switch
        {
            50000 => Wire.Code(50000, "系统内部错误"),
            503 => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable),
            _ => throw new HttpRequestException("Connection reset by peer", new SocketException((int)SocketError.ConnectionReset)),
        });
        using var client = handler.CreateClient(o =>
        {
            o.Retry.MaxAttempts = 3;
            o.Reconciliation.Enabled = false;
        });

        var error = await Assert.ThrowsAsync<ChanjingSubmitOutcomeUnknownException>(() => client.SubmitReferenceVideoAsync(Request()));

        Assert.Equal(1, handler.Count);
        Assert.Contains("may or may not have created a task", error.Message, StringComparison.Ordinal);
        Assert.Contains("ListTasksAsync", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<ChanjingException>(error.InnerException);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(40000)]
    public async Task Calls_BadRequestAndInvalidParameter_NeverRetried(int code)
    {
        var handler = Server((_, _) => Wire.Code(code));
        using var client = handler.CreateClient(o => o.Retry.MaxAttempts = 3);

        await Assert.ThrowsAnyAsync<ChanjingException>(() => client.SubmitReferenceVideoAsync(Request()));
        await Assert.ThrowsAnyAsync<ChanjingException>(() => client.GetTaskAsync("t1"));

        Assert.Equal(2, handler.Count);
    }

    [Fact]
    public async Task GetTaskAsync_ServerErrorTwice_RetriedAndSucceeds()
    {
        var calls = 0;
        var handler = new LambdaHandler((_, _) => Task.FromResult(++calls <= 2 ? Wire.Code(50000) : Wire.Ok(Wire.Task("t1"))));
        using var client = handler.CreateClient(o => o.Retry.MaxAttempts = 3);

        var task = await client.GetTaskAsync("t1");

        Assert.Equal("t1", task.Id);
        Assert.Equal(3, handler.Count);
    }

    [Fact]
    public async Task Options_GroupChangedAfterTheClientIsCreated_ClientKeepsItsSnapshot()
    {
        // The groups are objects: a shallow copy of the options would share them, and a change made after the client
        // was created (to configure a second client, say) would turn reconciliation on for the first one.
        var handler = Server((_, _) => Wire.Code(50000));
        var options = Sut.Options(o => o.Reconciliation.Enabled = false);
        using var client = new ChanjingClient(new HttpClient(handler), options);
        options.Reconciliation.Enabled = true;
        options.Reconciliation.Delay = TimeSpan.Zero;

        var error = await Assert.ThrowsAsync<ChanjingSubmitOutcomeUnknownException>(() => client.SubmitReferenceVideoAsync(Request()));

        Assert.Equal(1, handler.Count);
        Assert.Contains("Reconciliation is turned off", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(7, 7)]
    [InlineData(120, 30)]
    public async Task GetTaskAsync_RetryAfter_HonouredOnTheClockAndCapped(int retryAfterSeconds, int expectedSeconds)
    {
        var time = new ManualTimeProvider();
        var calls = 0;
        var handler = new LambdaHandler((_, _) =>
        {
            if (++calls > 1)
            {
                return Task.FromResult(Wire.Ok(Wire.Task("t1")));
            }

            var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(retryAfterSeconds));
            return Task.FromResult(response);
        });
        using var client = handler.CreateClient(o => o.Retry.MaxAttempts = 1, time);

        var call = client.GetTaskAsync("t1");
        var delay = await time.NextTimerAsync();
        Assert.Equal(1, handler.Count);
        time.Advance(delay - TimeSpan.FromTicks(1));
        Assert.False(call.IsCompleted);
        time.Advance(TimeSpan.FromTicks(1));
        await call;

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), delay);
        Assert.Equal(2, handler.Count);
    }

    [Fact]
    public async Task SubmitReferenceVideoAsync_AttemptTimeout_OneRequestThenReconcilesThenOutcomeUnknown()
    {
        var time = new ManualTimeProvider();
        var paths = new List<string>();
        var handler = new LambdaHandler(async (request, ct) =>
        {
            lock (paths)
            {
                paths.Add(request.RequestUri!.AbsolutePath);
            }

            if (request.RequestUri!.AbsolutePath.EndsWith("/submit", StringComparison.Ordinal))
            {
                await Task.Delay(Timeout.Infinite, ct);
            }

            return Wire.Ok(Wire.Page([Wire.Task("someone-else", "Queued", createTime: time.GetUtcNow().ToUnixTimeSeconds())]));
        });
        using var client = handler.CreateClient(o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(5);
            o.Retry.MaxAttempts = 3;
            o.Reconciliation.Attempts = 2;
            o.Reconciliation.Delay = TimeSpan.Zero;
        }, time);

        var submit = client.SubmitReferenceVideoAsync(Request());
        time.Advance(await time.NextTimerAsync());

        var error = await Assert.ThrowsAsync<ChanjingSubmitOutcomeUnknownException>(() => submit);
        Assert.Equal(1, Count(handler, paths, "/submit"));
        Assert.Equal(2, Count(handler, paths, "/page"));
        Assert.Empty(error.CandidateTaskIds);
    }

    [Fact]
    public async Task SubmitReferenceVideoAsync_ServerErrorButTaskWasCreatedAndNoDateHeader_ReportedButNeverClaimed()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var handler = Server((_, _) => Wire.Code(50000, "系统内部错误"), () => Wire.Page([Created("different-prompt", now, "a cat"), Created("created-task", now)]));
        using var client = handler.CreateClient(o => { o.Retry.MaxAttempts = 3; o.Reconciliation.ClaimUniqueMatch = true; o.Reconciliation.Attempts = 1; });

        // Without a Date header the service's clock is unknown: the task could predate the submit, so it is not claimed.
        var error = await Assert.ThrowsAsync<ChanjingSubmitOutcomeUnknownException>(() => client.SubmitReferenceVideoAsync(Request()));

        Assert.Equal(["created-task"], error.CandidateTaskIds);
        Assert.Contains("Date header", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, handler.Count); // the newest tasks listed before the submit (claims need them), the submit, one look-up
    }

    [Fact]
    public async Task SubmitReferenceVideoAsync_TwoIdenticalCandidates_OutcomeUnknownListsBoth()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var handler = Server((_, _) => Wire.Code(50000), () => Wire.Page([Created("a", now), Created("b", now)]));
        using var client = handler.CreateClient(o => o.Reconciliation.Delay = TimeSpan.Zero);

        var error = await Assert.ThrowsAsync<ChanjingSubmitOutcomeUnknownException>(() => client.SubmitReferenceVideoAsync(Request()));

        Assert.Equal(["a", "b"], error.CandidateTaskIds);
    }

    [Fact]
    public async Task Calls_RateLimitOfNPerSecond_BurstOf10NSpreadOverNineSeconds()
    {
        const int n = 5;
        var time = new ManualTimeProvider();
        var handler = new LambdaHandler((_, _) => Task.FromResult(Wire.Ok(Wire.Task("t1"))));
        using var client = handler.CreateClient(o => o.RequestsPerSecond = n, time);

        var calls = Enumerable.Range(0, 10 * n).Select(_ => client.GetTaskAsync("t1")).ToArray();
        await WaitForCountAsync(handler, n);
        var step = TimeSpan.FromSeconds(1.0 / n);
        var elapsed = TimeSpan.Zero;
        for (var k = 1; handler.Count < 10 * n; k++)
        {
            Assert.True(elapsed < TimeSpan.FromSeconds(9), $"all calls done by {elapsed}");
            time.Advance(step);
            elapsed += step;
            await WaitForCountAsync(handler, Math.Min(10 * n, n + k));
        }

        await Task.WhenAll(calls);
        Assert.Equal(TimeSpan.FromSeconds(9), elapsed);
    }

    private static async Task WaitForCountAsync(LambdaHandler handler, int expected)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (handler.Count < expected)
        {
            await Task.Yield();
            Assert.False(guard.IsCancellationRequested, $"{handler.Count} of {expected} requests arrived");
        }

        Assert.Equal(expected, handler.Count);
    }
}
