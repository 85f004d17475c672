using System.Collections.Concurrent;
using System.Diagnostics;
using Chanjing.Sdk.Tests.TestSupport;

namespace Chanjing.Sdk.Tests.Diagnostics;

public sealed class TracingTests
{
    private static readonly ActivitySource TestSource = new("Chanjing.Sdk.Tests.Tracing");

    [Fact]
    public async Task Calls_EachCallIsOneActivity_FailuresCarryCodeAndTraceId()
    {
        var stopped = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Chanjing.Sdk" or "Chanjing.Sdk.Tests.Tracing",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Add,
        };
        ActivitySource.AddActivityListener(listener);
        var calls = 0;
        var handler = new LambdaHandler((_, _) => Task.FromResult(++calls == 1 ? Wire.Ok(Wire.Task("t1")) : Wire.Code(40000, "参数错误")));
        using var client = handler.CreateClient();

        using (var parent = TestSource.StartActivity("test"))
        {
            await client.GetTaskAsync("t1");
            await Assert.ThrowsAsync<ChanjingInvalidParameterException>(() => client.GetTaskAsync("t2"));
            var mine = stopped.Where(a => a.ParentId == parent!.Id).OrderBy(a => a.StartTimeUtc).ToList();

            Assert.Equal(2, mine.Count);
            Assert.All(mine, a => Assert.Equal("chanjing task lookup", a.DisplayName));
            Assert.Equal("/open/v1/ai_creation/task".TrimStart('/'), (string)mine[0].GetTagItem("url.path")!);
            Assert.Equal(ActivityStatusCode.Unset, mine[0].Status);
            Assert.Equal(ActivityStatusCode.Error, mine[1].Status);
            Assert.Equal(40000, mine[1].GetTagItem("chanjing.code"));
            Assert.Equal("trace-123", mine[1].GetTagItem("chanjing.trace_id"));
        }
    }
}
