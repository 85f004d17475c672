using System.Net;
using System.Text.Json.Nodes;
using Chanjing.Sdk.Tests.TestSupport;

namespace Chanjing.Sdk.Tests.Submits;

/// <summary>A submit never sent is a known outcome: no reconciliation, no "unknown". (Issue 12, case 3.)</summary>
public sealed class SubmitOutcomeTests
{
    private static ReferenceVideoRequest Request() => TaskService.Request();

    private static LambdaHandler Service(Func<int, HttpResponseMessage> submit, Func<List<JsonObject>> listed, List<string>? paths = null) =>
        TaskService.Create(submit, listed, paths: paths);

    [Fact]
    public async Task Submit_TimedOutWaitingInTheRateLimiter_NotSentAndNotReconciled()
    {
        var time = new ManualTimeProvider();
        var paths = new List<string>();
        var handler = Service(_ => Wire.Ok(JsonValue.Create("t")), () => [], paths: paths);
        using var client = handler.CreateClient(o => { o.RequestsPerSecond = 0.01; o.OperationTimeout = TimeSpan.FromSeconds(5); }, time);
        await client.SubmitReferenceVideoAsync(Request()); // takes the only permit

        var second = client.SubmitReferenceVideoAsync(Request());
        await Driver.RunAsync(time, second, skip: 0);
        var error = await Assert.ThrowsAsync<ChanjingException>(() => second);

        Assert.IsNotType<ChanjingSubmitOutcomeUnknownException>(error);
        Assert.Contains("not sent", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, paths.Count(p => p.EndsWith("/submit", StringComparison.Ordinal)));
        Assert.DoesNotContain(paths, p => p.EndsWith("/page", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Submit_TokenFetchFailed_NotSentAndNotReconciled()
    {
        var paths = new List<string>();
        var handler = new LambdaHandler((request, _) =>
        {
            lock (paths)
            {
                paths.Add(request.RequestUri!.AbsolutePath);
            }

            return Task.FromResult(Wire.Code(50000, "内部错误"));
        });
        using var client = handler.CreateClient(o => { o.AccessToken = null; o.AppId = "app-" + Guid.NewGuid(); o.SecretKey = "s"; });

        var error = await Assert.ThrowsAnyAsync<ChanjingException>(() => client.SubmitReferenceVideoAsync(Request()));

        Assert.IsNotType<ChanjingSubmitOutcomeUnknownException>(error);
        Assert.Contains("not sent", error.Message, StringComparison.Ordinal);
        Assert.All(paths, p => Assert.EndsWith("/access_token", p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Submit_TimedOutInTheRetryDelayAfter40001_NotSentAndNotReconciled()
    {
        var time = new ManualTimeProvider();
        var paths = new List<string>();
        var handler = Service(_ =>
        {
            var limited = Wire.Code(40001, "请求超过QPS限制");
            limited.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(20));
            return limited;
        }, () => [], paths: paths);
        using var client = handler.CreateClient(o => { o.Retry.MaxAttempts = 3; o.OperationTimeout = TimeSpan.FromSeconds(5); }, time);

        var submit = client.SubmitReferenceVideoAsync(Request());
        await Driver.RunAsync(time, submit, skip: 0);
        var error = await Assert.ThrowsAnyAsync<ChanjingException>(() => submit);

        Assert.IsNotType<ChanjingSubmitOutcomeUnknownException>(error);
        Assert.Contains("not sent", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(paths, p => p.EndsWith("/page", StringComparison.Ordinal));
    }
}
