using Chanjing.Sdk.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chanjing.Sdk.Tests.Waiting;

/// <summary>The wait every product shares, driven by a job kind that is not an AI-creation task (status numbers, as the other products report them).</summary>
public sealed class JobWatcherTests
{
    private sealed record NumberedJob(string Id, int Status);

    /// <summary>A product whose jobs finish at 20 or 30 and whose known statuses are 0, 10, 20 and 30.</summary>
    private sealed class NumberedKind(Func<int, NumberedJob> nth) : IJobKind<NumberedJob>
    {
        public int Gets { get; private set; }

        public Task<NumberedJob> GetAsync(string id, CancellationToken cancellationToken) => Task.FromResult(nth(++Gets));

        public bool IsFinished(NumberedJob job) => job.Status is 20 or 30;

        public bool IsKnown(NumberedJob job) => job.Status is 0 or 10 or 20 or 30;

        public string StatusText(NumberedJob job) => job.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);

        public bool Changed(NumberedJob previous, NumberedJob current) => previous.Status != current.Status;

        public ChanjingWaitTimeoutException Timeout(string id, NumberedJob? last, TimeSpan timeout) => new([id], null, timeout);
    }

    private static async Task<List<NumberedJob>> CollectAsync(IAsyncEnumerable<NumberedJob> states)
    {
        var seen = new List<NumberedJob>();
        await foreach (var state in states)
        {
            seen.Add(state);
        }

        return seen;
    }

    [Fact]
    public async Task WatchAsync_AnyJobKind_YieldsEachChangeOnceAndPollsThroughAnUnknownStatusToTheFinish()
    {
        int[] statuses = [0, 0, 10, 77, 10, 10, 20];
        var kind = new NumberedKind(n => new NumberedJob("job-1", statuses[Math.Min(n, statuses.Length) - 1]));
        var time = new ManualTimeProvider();
        var options = new WaitOptions { PollInterval = TimeSpan.FromSeconds(1), MaxPollInterval = TimeSpan.FromSeconds(2), Timeout = TimeSpan.FromMinutes(5) };

        var watch = CollectAsync(JobWatcher.WatchAsync(kind, "job-1", options, pollFirst: true, time, NullLogger.Instance, CancellationToken.None));
        await Driver.RunAsync(time, watch);

        Assert.Equal([0, 10, 77, 10, 20], (await watch).Select(j => j.Status));
        Assert.Equal(statuses.Length, kind.Gets);
    }

    [Fact]
    public async Task WatchAsync_AnyJobKind_DeadlineEndsTheWaitWithTheKindsTimeout()
    {
        var kind = new NumberedKind(_ => new NumberedJob("job-2", 10));
        var time = new ManualTimeProvider();
        var options = new WaitOptions { PollInterval = TimeSpan.FromSeconds(1), MaxPollInterval = TimeSpan.FromSeconds(2), Timeout = TimeSpan.FromSeconds(30) };

        var watch = CollectAsync(JobWatcher.WatchAsync(kind, "job-2", options, pollFirst: true, time, NullLogger.Instance, CancellationToken.None));
        var advanced = await Driver.RunAsync(time, watch, skip: 0);

        var timeout = await Assert.ThrowsAsync<ChanjingWaitTimeoutException>(() => watch);
        Assert.Equal("job-2", timeout.TaskId);
        Assert.InRange(advanced.Aggregate(TimeSpan.Zero, (a, b) => a + b), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(33));
    }
}
