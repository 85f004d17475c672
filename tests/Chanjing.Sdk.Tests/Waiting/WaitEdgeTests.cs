using System.Text.Json.Nodes;
using Chanjing.Sdk.Tests.TestSupport;

namespace Chanjing.Sdk.Tests.Waiting;

/// <summary>Issue 12, cases 6, 7 and 13: every wait ends with the tasks it saw, and shared failures are never changed.</summary>
public sealed class WaitEdgeTests
{
    [Fact]
    public async Task WaitForAllAsync_DeadlinePassesWhileCallerHandlesTheLastTask_EndsWithoutError()
    {
        var time = new ManualTimeProvider();
        var handler = new LambdaHandler(async (request, _) =>
        {
            var ids = ((JsonArray)(await Wire.BodyAsync(request))["unique_ids"]!).Select(n => (string)n!);
            return Wire.Ok(Wire.Page(ids.Select(id => (JsonNode)Wire.Task(id, "Success"))));
        });
        using var client = handler.CreateClient(time: time);
        var seen = new List<string>();

        await foreach (var task in client.WaitForAllAsync(["a", "b"], new WaitOptions { Timeout = TimeSpan.FromMinutes(1) }))
        {
            seen.Add(task.Id);
            // The caller is slow with each result: the wait's deadline passes meanwhile.
            time.Advance(TimeSpan.FromMinutes(2));
        }

        Assert.Equal(["a", "b"], seen);
    }

    [Fact]
    public async Task WaitForAllAsync_RoundFailsForGood_YieldsTasksSeenFinishedThenNamesThePendingIds()
    {
        var ids = Enumerable.Range(0, 60).Select(i => $"t{i}").ToList();
        var handler = new LambdaHandler(async (request, _) =>
        {
            var asked = ((JsonArray)(await Wire.BodyAsync(request))["unique_ids"]!).Select(n => (string)n!).ToList();
            // The first request of the round answers (all finished); the second is refused for good.
            return asked.Count == 50 ? Wire.Ok(Wire.Page(asked.Select(id => (JsonNode)Wire.Task(id, "Success")))) : Wire.Code(40000, "参数错误");
        });
        using var client = handler.CreateClient();
        var seen = new List<string>();

        var error = await Assert.ThrowsAsync<ChanjingInvalidParameterException>(async () =>
        {
            await foreach (var task in client.WaitForAllAsync(ids))
            {
                seen.Add(task.Id);
            }
        });

        Assert.Equal(ids.Take(50), seen);
        Assert.Contains("10 task(s) still pending", error.Message, StringComparison.Ordinal);
        Assert.Contains("t59", error.Message, StringComparison.Ordinal);
        Assert.Equal("t50", error.TaskId);
    }

    [Fact]
    public async Task WaitForCompletionAsync_TwoWaitsShareOneFailedTokenFetch_EachExceptionNamesItsOwnTask()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tokenRequests = 0;
        var handler = new LambdaHandler(async (request, _) =>
        {
            Interlocked.Increment(ref tokenRequests);
            await release.Task;
            return Wire.Code(40000, "app_id 错误");
        });
        using var client = handler.CreateClient(o => { o.AccessToken = null; o.AppId = "shared-" + Guid.NewGuid(); o.SecretKey = "s"; });

        var first = client.WaitForCompletionAsync("task-1");
        var second = client.WaitForCompletionAsync("task-2");
        release.SetResult();
        var one = await Assert.ThrowsAnyAsync<ChanjingException>(() => first);
        var two = await Assert.ThrowsAnyAsync<ChanjingException>(() => second);

        Assert.Equal(1, tokenRequests);
        Assert.Equal("task-1", one.TaskId);
        Assert.Equal("task-2", two.TaskId);
        Assert.NotSame(one, two);
        Assert.Same(one.InnerException, two.InnerException);
        Assert.Null(((ChanjingException)one.InnerException!).TaskId);
    }
}
