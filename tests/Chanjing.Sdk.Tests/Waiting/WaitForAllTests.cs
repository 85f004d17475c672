using System.Text.Json.Nodes;
using Chanjing.Sdk.Tests.TestSupport;

namespace Chanjing.Sdk.Tests.Waiting;

public sealed class WaitForAllTests
{
    private static async Task<List<CreationTask>> CollectAsync(IAsyncEnumerable<CreationTask> source)
    {
        var items = new List<CreationTask>();
        await foreach (var item in source)
        {
            items.Add(item);
        }

        return items;
    }

    [Fact]
    public async Task WaitForAllAsync_1000Tasks_EachYieldedOnceAndRoundsCostCeilPendingOver50()
    {
        var time = new ManualTimeProvider();
        var start = time.GetUtcNow();
        var random = new Random(1234);
        var finishAt = Enumerable.Range(0, 1000).ToDictionary(i => $"task-{i}", _ => TimeSpan.FromSeconds(random.Next(0, 120)));
        var failing = finishAt.Keys.Where((_, i) => i % 7 == 0).ToHashSet();
        var calls = new List<(DateTimeOffset At, int Ids)>();
        var handler = new LambdaHandler(async (request, _) =>
        {
            var body = await Wire.BodyAsync(request);
            var ids = ((JsonArray)body["unique_ids"]!).Select(n => (string)n!).ToList();
            lock (calls)
            {
                calls.Add((time.GetUtcNow(), ids.Count));
            }

            var elapsed = time.GetUtcNow() - start;
            return Wire.Ok(Wire.Page(ids.Select(id => (JsonNode)Wire.Task(id, elapsed < finishAt[id] ? "Generating" : failing.Contains(id) ? "Error" : "Success"))));
        });
        using var client = handler.CreateClient(time: time);

        var all = CollectAsync(client.WaitForAllAsync(finishAt.Keys, new WaitOptions { PollInterval = TimeSpan.FromSeconds(2), MaxPollInterval = TimeSpan.FromSeconds(10) }));
        await Driver.RunAsync(time, all);
        var finished = await all;

        Assert.Equal(1000, finished.Count);
        Assert.Equal(1000, finished.Select(t => t.Id).Distinct().Count());
        Assert.Equal(failing.Count, finished.Count(t => t.Status.IsFailure));
        var rounds = calls.GroupBy(c => c.At).ToList();
        foreach (var round in rounds)
        {
            var pending = round.Sum(c => c.Ids);
            Assert.True(round.Count() <= (pending + 49) / 50, $"round at {round.Key - start}: {round.Count()} calls for {pending} pending");
        }

        var perTaskPolling = rounds.Sum(r => r.Sum(c => c.Ids));
        TestContext.Current.TestOutputHelper?.WriteLine($"1000 tasks: {calls.Count} list requests in {rounds.Count} rounds; per-task polling would have made {perTaskPolling} requests.");
        Assert.True(calls.Count * 20 < perTaskPolling);
    }

    [Fact]
    public async Task WaitForAllAsync_DuplicateIds_WaitedOnce()
    {
        var time = new ManualTimeProvider();
        var handler = new LambdaHandler(async (request, _) =>
        {
            var ids = ((JsonArray)(await Wire.BodyAsync(request))["unique_ids"]!).Select(n => (string)n!).ToList();
            Assert.Equal(ids.Distinct().Count(), ids.Count);
            return Wire.Ok(Wire.Page(ids.Select(id => (JsonNode)Wire.Task(id, "Success"))));
        });
        using var client = handler.CreateClient(time: time);

        var finished = await CollectAsync(client.WaitForAllAsync(["a", "b", "a", "b", "a"]));

        Assert.Equal(["a", "b"], finished.Select(t => t.Id).Order());
        Assert.Equal(1, handler.Count);
    }

    /// <summary>
    /// An <see cref="IAsyncEnumerable{T}"/> starts over for each enumeration (a retry, a second ToListAsync): the second
    /// one waits for every id again, rather than starting from what the first one left of a shared id list and set.
    /// </summary>
    [Fact]
    public async Task WaitForAllAsync_EnumeratedTwice_EachEnumerationYieldsEveryTask()
    {
        var handler = new LambdaHandler(async (request, _) =>
        {
            var ids = ((JsonArray)(await Wire.BodyAsync(request))["unique_ids"]!).Select(n => (string)n!);
            return Wire.Ok(Wire.Page(ids.Select(id => (JsonNode)Wire.Task(id, "Success"))));
        });
        using var client = handler.CreateClient();
        var all = client.WaitForAllAsync(["a", "b"]);

        var first = await CollectAsync(all).WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        var second = await CollectAsync(all).WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        Assert.Equal(["a", "b"], first.Select(t => t.Id).Order());
        Assert.Equal(["a", "b"], second.Select(t => t.Id).Order());
    }

    [Fact]
    public async Task WaitForAllAsync_Empty_EndsAtOnceWithoutRequests()
    {
        var handler = new LambdaHandler((_, _) => throw new InvalidOperationException("no request expected"));
        using var client = handler.CreateClient();

        var finished = await CollectAsync(client.WaitForAllAsync([]));

        Assert.Empty(finished);
        Assert.Equal(0, handler.Count);
    }

    [Fact]
    public async Task WaitForAllAsync_ImageTaskId_FoundByTryingImageTypeAfterVideo()
    {
        var time = new ManualTimeProvider();
        var types = new List<int>();
        var handler = new LambdaHandler(async (request, _) =>
        {
            var body = await Wire.BodyAsync(request);
            var type = (int)body["type"]!;
            types.Add(type);
            var ids = ((JsonArray)body["unique_ids"]!).Select(n => (string)n!);
            return Wire.Ok(Wire.Page(ids.Where(id => id.StartsWith("img", StringComparison.Ordinal) == (type == 3)).Select(id => (JsonNode)Wire.Task(id, "Success", type: type))));
        });
        using var client = handler.CreateClient(time: time);

        var all = CollectAsync(client.WaitForAllAsync(["img-1", "vid-1"]));
        await Driver.RunAsync(time, all);
        var finished = await all;

        Assert.Equal(["img-1", "vid-1"], finished.Select(t => t.Id).Order());
        Assert.Equal([4, 3], types);
        Assert.Equal(CreationType.Image, finished.Single(t => t.Id == "img-1").Type);
    }

    [Fact]
    public async Task WaitForAllAsync_Deadline_ThrowsNamingUnfinishedIds()
    {
        var time = new ManualTimeProvider();
        var handler = new LambdaHandler(async (request, _) =>
        {
            var ids = ((JsonArray)(await Wire.BodyAsync(request))["unique_ids"]!).Select(n => (string)n!);
            return Wire.Ok(Wire.Page(ids.Select(id => (JsonNode)Wire.Task(id, id == "done" ? "Success" : "Generating"))));
        });
        using var client = handler.CreateClient(time: time);
        var yielded = new List<string>();

        var all = Task.Run(async () =>
        {
            await foreach (var task in client.WaitForAllAsync(["done", "slow-1", "slow-2"], new WaitOptions { Timeout = TimeSpan.FromSeconds(30) }))
            {
                yielded.Add(task.Id);
            }
        });
        await Driver.RunAsync(time, all);

        var error = await Assert.ThrowsAsync<ChanjingWaitTimeoutException>(() => all);
        Assert.Equal(["done"], yielded);
        Assert.Equal(["slow-1", "slow-2"], error.UnfinishedTaskIds);
        Assert.Contains("slow-1, slow-2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WaitForAllAsync_BlankId_ThrowsBeforeAnyRequest()
    {
        var handler = new LambdaHandler((_, _) => throw new InvalidOperationException("no request expected"));
        using var client = handler.CreateClient();

        var error = Assert.Throws<ArgumentException>(() => client.WaitForAllAsync(["ok", " "]));

        Assert.Contains("taskIds[1]", error.Message, StringComparison.Ordinal);
    }
}

public sealed class WaitForAllPartialRoundTests
{
    [Fact]
    public async Task WaitForAllAsync_SecondRequestOfARoundFails_TasksFinishedInTheFirstAreStillYieldedOnce()
    {
        var time = new ManualTimeProvider();
        var calls = 0;
        var handler = new LambdaHandler(async (request, _) =>
        {
            var ids = ((JsonArray)(await Wire.BodyAsync(request))["unique_ids"]!).Select(n => (string)n!).ToList();
            return ++calls == 2 ? Wire.Code(50000) : Wire.Ok(Wire.Page(ids.Select(id => (JsonNode)Wire.Task(id, "Success"))));
        });
        using var client = handler.CreateClient(time: time);
        var ids = Enumerable.Range(0, 60).Select(i => $"t{i}").ToList();
        var yielded = new List<string>();

        var all = Task.Run(async () =>
        {
            await foreach (var task in client.WaitForAllAsync(ids))
            {
                yielded.Add(task.Id);
            }
        });
        await Driver.RunAsync(time, all);
        await all;

        Assert.Equal(ids.Order(), yielded.Order());
        Assert.Equal(3, calls);
    }
}
