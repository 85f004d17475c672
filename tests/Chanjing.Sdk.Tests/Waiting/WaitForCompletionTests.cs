using System.Net;
using System.Text.Json.Nodes;
using Chanjing.Sdk.Tests.TestSupport;

namespace Chanjing.Sdk.Tests.Waiting;

public sealed class WaitForCompletionTests
{
    private static (ChanjingClient Client, LambdaHandler Handler) CreateSut(ManualTimeProvider time, params Func<HttpResponseMessage>[] responses)
    {
        var queue = new Queue<Func<HttpResponseMessage>>(responses);
        var last = responses[^1];
        var handler = new LambdaHandler((_, _) => Task.FromResult((queue.Count > 0 ? queue.Dequeue() : last)()));
        return (handler.CreateClient(time: time), handler);
    }

    private static Func<HttpResponseMessage> Status(string status) => () => Wire.Ok(Wire.Task("t1", status, status == "Success" ? "https://x/out.mp4" : null));

    [Fact]
    public async Task WaitForCompletionAsync_PollSchedule_GrowsByHalfWithin20PercentJitterUpToCeiling()
    {
        var time = new ManualTimeProvider();
        var responses = Enumerable.Repeat(Status("Generating"), 9).Append(Status("Success")).ToArray();
        var (client, handler) = CreateSut(time, responses);
        var options = new WaitOptions { PollInterval = TimeSpan.FromSeconds(2), MaxPollInterval = TimeSpan.FromSeconds(15), Timeout = TimeSpan.FromMinutes(20) };

        var wait = client.WaitForCompletionAsync("t1", options);
        Assert.Equal(TimeSpan.FromMinutes(20), await time.NextTimerAsync());
        var delays = await Driver.RunAsync(time, wait, skip: 0);
        var task = await wait;

        Assert.True(task.Status.IsSuccess);
        Assert.Equal(10, handler.Count);
        var expected = new[] { 2, 3, 4.5, 6.75, 10.125, 15, 15, 15, 15 };
        Assert.Equal(expected.Length, delays.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.InRange(delays[i].TotalSeconds, expected[i] * 0.8, expected[i] * 1.2);
        }
    }

    [Fact]
    public async Task WaitForCompletionAsync_DeadlinePasses_TimesOutExactlyAtTheDeadline()
    {
        var time = new ManualTimeProvider();
        var (client, _) = CreateSut(time, Status("Generating"));
        var start = time.GetUtcNow();
        var timeout = TimeSpan.FromSeconds(10);

        var wait = client.WaitForCompletionAsync("t1", new WaitOptions { PollInterval = TimeSpan.FromSeconds(4), MaxPollInterval = TimeSpan.FromSeconds(4), Timeout = timeout });
        await time.NextTimerAsync();
        while (true)
        {
            var due = await time.NextTimerAsync();
            var remaining = timeout - (time.GetUtcNow() - start);
            if (due < remaining)
            {
                time.Advance(due);
                continue;
            }

            time.Advance(remaining - TimeSpan.FromTicks(1));
            Assert.False(wait.IsCompleted);
            time.Advance(TimeSpan.FromTicks(1));
            break;
        }

        var error = await Assert.ThrowsAsync<ChanjingWaitTimeoutException>(() => wait);
        Assert.Equal(timeout, time.GetUtcNow() - start);
        Assert.Equal("t1", error.TaskId);
        Assert.Equal(CreationTaskStatus.Generating, error.LastKnownTask!.Status);
    }

    [Fact]
    public async Task WaitForCompletionAsync_CancelledDuringDelay_EndsAtOnceWithoutAnotherRequest()
    {
        var time = new ManualTimeProvider();
        var (client, handler) = CreateSut(time, Status("Queued"));
        using var cts = new CancellationTokenSource();

        var wait = client.WaitForCompletionAsync("t1", cancellationToken: cts.Token);
        await time.NextTimerAsync();
        await time.NextTimerAsync();
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
        Assert.Equal(1, handler.Count);
    }

    [Fact]
    public async Task WaitForCompletionAsync_CancelledDuringRequest_AbortsTheRequestAtOnce()
    {
        var time = new ManualTimeProvider();
        // The request's own token, handed over once the handler has registered on it: the wait may end with the
        // cancellation before the handler's code has run on, so the proof is the token's state, not the handler's timing.
        var entered = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        var requestCancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new LambdaHandler(async (_, ct) =>
        {
            using var registration = ct.Register(() => requestCancelled.TrySetResult());
            entered.SetResult(ct);
            await Task.Delay(Timeout.Infinite, ct);
            return Wire.Ok(Wire.Task("t1"));
        });
        using var client = handler.CreateClient(time: time);
        using var cts = new CancellationTokenSource();

        var wait = client.WaitForCompletionAsync("t1", cancellationToken: cts.Token);
        var requestToken = await entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        cts.Cancel();

        // At once: the request's token is cancelled by the caller's Cancel itself, before anything else runs.
        Assert.True(requestToken.IsCancellationRequested);
        Assert.True(requestCancelled.Task.IsCompleted);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
    }

    [Theory]
    [InlineData("Error")]
    [InlineData("Fail")]
    public async Task WaitForCompletionAsync_TaskFails_ThrowsTaskFailedWithTaskAndMessage(string status)
    {
        var time = new ManualTimeProvider();
        var (client, _) = CreateSut(time, Status("Queued"), Status("Generating"), Status(status));

        var wait = client.WaitForCompletionAsync("t1");
        await Driver.RunAsync(time, wait);

        var error = await Assert.ThrowsAsync<ChanjingTaskFailedException>(() => wait);
        Assert.Equal(status, error.Task!.Status.Value);
        Assert.Equal("t1", error.TaskId);
        Assert.Contains("不消耗蝉豆", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitForCompletionAsync_UnknownStatusThenSuccess_KeepsWaiting()
    {
        var time = new ManualTimeProvider();
        var (client, handler) = CreateSut(time, Status("Paused"), Status("Paused"), Status("Reviewing"), Status("Success"));

        var wait = client.WaitForCompletionAsync("t1");
        await Driver.RunAsync(time, wait);

        Assert.True((await wait).Status.IsSuccess);
        Assert.Equal(4, handler.Count);
    }

    [Fact]
    public async Task WaitForCompletionAsync_TransientFailuresWithinBudget_Succeeds()
    {
        var time = new ManualTimeProvider();
        var (client, handler) = CreateSut(time, () => Wire.Code(50000), () => Wire.Code(40001), () => new HttpResponseMessage(HttpStatusCode.BadGateway), Status("Success"));

        var wait = client.WaitForCompletionAsync("t1", new WaitOptions { MaxConsecutiveTransientFailures = 3 });
        await Driver.RunAsync(time, wait);

        Assert.True((await wait).Status.IsSuccess);
        Assert.Equal(4, handler.Count);
    }

    [Fact]
    public async Task WaitForCompletionAsync_TransientFailuresBeyondBudget_RethrowsTheLastWithTaskId()
    {
        var time = new ManualTimeProvider();
        var (client, handler) = CreateSut(time, () => Wire.Code(50000));

        var wait = client.WaitForCompletionAsync("t1", new WaitOptions { MaxConsecutiveTransientFailures = 5 });
        await Driver.RunAsync(time, wait);

        var error = await Assert.ThrowsAsync<ChanjingServerException>(() => wait);
        Assert.Equal(6, handler.Count);
        Assert.Equal("t1", error.TaskId);
    }

    [Fact]
    public async Task WaitForCompletionAsync_NonTransientFailure_EndsAtOnce()
    {
        var time = new ManualTimeProvider();
        var (client, handler) = CreateSut(time, () => Wire.Code(40000, "任务不存在"));

        var error = await Assert.ThrowsAsync<ChanjingInvalidParameterException>(() => client.WaitForCompletionAsync("t1"));

        Assert.Equal(1, handler.Count);
        Assert.Equal("t1", error.TaskId);
    }

    [Fact]
    public async Task WaitForCompletionAsync_Progress_ReportedOncePerStatusChange()
    {
        var time = new ManualTimeProvider();
        var (client, _) = CreateSut(time, Status("Queued"), Status("Queued"), Status("Generating"), Status("Generating"), Status("Generating"), Status("Success"));
        var progress = new RecordingProgress<CreationTask>();

        var wait = client.WaitForCompletionAsync("t1", progress: progress);
        await Driver.RunAsync(time, wait);
        await wait;

        Assert.Equal(["Queued", "Generating", "Success"], progress.Reports.Select(t => t.Status.Value));
    }

    [Theory]
    [InlineData(0, 15, 60)]
    [InlineData(-1, 15, 60)]
    [InlineData(5, 2, 60)]
    [InlineData(2, 15, 0)]
    public async Task WaitForCompletionAsync_InvalidOptions_ThrowsBeforeAnyRequest(int poll, int max, int timeout)
    {
        var time = new ManualTimeProvider();
        var (client, handler) = CreateSut(time, Status("Success"));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.WaitForCompletionAsync("t1", new WaitOptions { PollInterval = TimeSpan.FromSeconds(poll), MaxPollInterval = TimeSpan.FromSeconds(max), Timeout = TimeSpan.FromSeconds(timeout) }));

        Assert.Equal(0, handler.Count);
    }

    [Fact]
    public async Task WaitForCompletionAsync_InfiniteTimeout_Allowed()
    {
        var time = new ManualTimeProvider();
        var (client, _) = CreateSut(time, Status("Generating"), Status("Success"));

        var wait = client.WaitForCompletionAsync("t1", new WaitOptions { Timeout = Timeout.InfiniteTimeSpan });
        await Driver.RunAsync(time, wait, skip: 0);

        Assert.True((await wait).Status.IsSuccess);
    }

    [Fact]
    public async Task GenerateReferenceVideoAsync_OnSubmittedBeforeFirstPoll_AndFirstPollWaitsOneInterval()
    {
        var time = new ManualTimeProvider();
        var events = new List<string>();
        var gets = 0;
        var handler = new LambdaHandler((request, _) =>
        {
            if (request.Method == HttpMethod.Post)
            {
                return Task.FromResult(Wire.Ok(JsonValue.Create("new-task")));
            }

            lock (events)
            {
                events.Add("poll");
            }

            return Task.FromResult(++gets < 2 ? Wire.Ok(Wire.Task("new-task", "Generating")) : Wire.Ok(Wire.Task("new-task", "Success", "https://x/o.mp4")));
        });
        using var client = handler.CreateClient(time: time);
        var options = new WaitOptions { OnSubmitted = id => events.Add("submitted " + id) };

        var wait = client.GenerateReferenceVideoAsync(new ReferenceVideoRequest { Prompt = "p", ReferenceImageUrls = { new Uri("https://x/a.jpg") } }, options);
        await time.NextTimerAsync();
        await time.NextTimerAsync();
        Assert.Equal(["submitted new-task"], events);
        time.Advance(TimeSpan.FromSeconds(3));
        await Driver.RunAsync(time, wait, skip: 0);

        Assert.Equal("new-task", (await wait).Id);
        Assert.Equal(["submitted new-task", "poll", "poll"], events);
    }

    [Fact]
    public async Task GenerateReferenceVideoAsync_FailureAfterSubmit_CarriesTaskId()
    {
        var time = new ManualTimeProvider();
        var handler = new LambdaHandler((request, _) => Task.FromResult(request.Method == HttpMethod.Post ? Wire.Ok(JsonValue.Create("new-task")) : Wire.Code(400, "bad")));
        using var client = handler.CreateClient(time: time);

        var wait = client.GenerateReferenceVideoAsync(new ReferenceVideoRequest { Prompt = "p", ReferenceImageUrls = { new Uri("https://x/a.jpg") } });
        await Driver.RunAsync(time, wait);

        var error = await Assert.ThrowsAsync<ChanjingBadRequestException>(() => wait);
        Assert.Equal("new-task", error.TaskId);
    }

    public static TheoryData<int> DaysBeyondTheTimerLimit => [50, 60, int.MaxValue];

    /// <summary>Issue 22, W1: a timeout longer than a timer can hold (about 49.7 days) passed validation, the paid task was created, then a raw ArgumentOutOfRangeException without the task id.</summary>
    [Theory]
    [MemberData(nameof(DaysBeyondTheTimerLimit))]
    public async Task GenerateAsync_TimeoutBeyondTheTimerLimit_WaitsWithoutADeadlineForTheTaskItCreated(int days)
    {
        var time = new ManualTimeProvider();
        var gets = 0;
        var handler = new LambdaHandler((request, _) => Task.FromResult(request.Method == HttpMethod.Post
            ? Wire.Ok(JsonValue.Create("new-task"))
            : ++gets < 3 ? Wire.Ok(Wire.Task("new-task", "Generating")) : Wire.Ok(Wire.Task("new-task", "Success", "https://x/o.mp4"))));
        using var client = handler.CreateClient(time: time);
        var timeout = days == int.MaxValue ? TimeSpan.MaxValue : TimeSpan.FromDays(days);
        var options = new WaitOptions { PollInterval = timeout, MaxPollInterval = timeout, Timeout = timeout };

        var wait = client.GenerateAsync(new ReferenceVideoRequest { Prompt = "p", ReferenceImageUrls = { new Uri("https://x/a.jpg") } }, options);
        var delays = await Driver.RunAsync(time, wait, skip: 0);

        Assert.Equal("new-task", (await wait).Id);
        Assert.Equal(3, gets);
        // Each pause is as long as a timer can be, jitter included (about 49.7 days), and no shorter than 80 % of that / 1.2.
        Assert.All(delays, d => Assert.InRange(d, TimeSpan.FromDays(33), TimeSpan.FromMilliseconds(uint.MaxValue - 1)));
    }

    [Fact]
    public async Task WatchAsync_YieldsEachStatusChangeAndEndsAfterTerminalWithoutThrowing()
    {
        var time = new ManualTimeProvider();
        var (client, _) = CreateSut(time, Status("Queued"), Status("Generating"), Status("Generating"), Status("Fail"));
        var seen = new List<string>();

        var watch = Task.Run(async () =>
        {
            await foreach (var task in client.WatchAsync("t1"))
            {
                seen.Add(task.Status.Value);
            }
        });
        await Driver.RunAsync(time, watch);
        await watch;

        Assert.Equal(["Queued", "Generating", "Fail"], seen);
    }
}
