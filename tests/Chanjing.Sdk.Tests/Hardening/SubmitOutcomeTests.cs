using System.Net;
using System.Text.Json.Nodes;
using Chanjing.Sdk.Tests.TestSupport;

namespace Chanjing.Sdk.Tests.Hardening;

/// <summary>Issue 12, cases 2 and 3: a submit returns the task it created or none, and a submit never sent is a known outcome.</summary>
public sealed class SubmitOutcomeTests
{
    private const string Prompt = "a horse gallops";

    private static ReferenceVideoRequest Request() => new() { Prompt = Prompt, ReferenceImageUrls = { new Uri("https://x/ref1.jpg"), new Uri("https://x/ref2.jpg") } };

    /// <summary>A task created from <see cref="Request"/>, as listed; the service re-hosts the reference images.</summary>
    private static JsonObject Listed(string id, DateTimeOffset created)
    {
        var task = Wire.Task(id, "Queued", createTime: created.ToUnixTimeSeconds());
        task["ref_img_url"] = new JsonArray("https://cdn.example/rehosted/a1.jpg", "https://cdn.example/rehosted/b2.jpg");
        task["motion_info"]!["ref_prompt"] = Prompt;
        task["motion_info"]!["clarity"] = 1080;
        task["motion_info"]!["aspect_ratio"] = "16:9";
        task["motion_info"]!["video_duration"] = 5;
        return task;
    }

    /// <summary>A service whose submits answer <paramref name="submit"/> and whose list holds <paramref name="listed"/>; answers carry a Date header from <paramref name="serverNow"/>.</summary>
    private static LambdaHandler Service(Func<int, HttpResponseMessage> submit, Func<List<JsonObject>> listed, Func<DateTimeOffset>? serverNow = null, List<string>? paths = null)
    {
        var submits = 0;
        return new LambdaHandler((request, _) =>
        {
            lock (paths ?? [])
            {
                paths?.Add(request.RequestUri!.AbsolutePath);
            }

            var response = request.RequestUri!.AbsolutePath.EndsWith("/submit", StringComparison.Ordinal)
                ? submit(Interlocked.Increment(ref submits))
                : Wire.Ok(Wire.Page(listed().Select(t => (JsonNode)t.DeepClone())));
            if (serverNow is not null)
            {
                response.Headers.Date = serverNow();
            }

            return Task.FromResult(response);
        });
    }

    private static HttpResponseMessage BadGateway() => new(HttpStatusCode.BadGateway) { Content = new StringContent("<html>502</html>") };

    [Fact]
    public async Task Reconcile_SecondIdenticalSubmitLost_DoesNotReturnTheFirstTask()
    {
        var time = new ManualTimeProvider();
        var listed = new List<JsonObject>();
        var handler = Service(n =>
        {
            if (n == 1)
            {
                listed.Add(Listed("first", time.GetUtcNow()));
                return Wire.Ok(JsonValue.Create("first"));
            }

            return BadGateway(); // the second submit's answer is lost and nothing was created
        }, () => listed, time.GetUtcNow);
        using var client = handler.CreateClient(o => o.Reconciliation.Attempts = 1, time);

        Assert.Equal("first", await client.SubmitReferenceVideoAsync(Request()));
        var error = await Assert.ThrowsAsync<ChanjingSubmitOutcomeUnknownException>(() => client.SubmitReferenceVideoAsync(Request()));

        Assert.Empty(error.CandidateTaskIds);
    }

    [Fact]
    public async Task Reconcile_TwoClientsOfOneAccountLoseTheirAnswers_OnlyOneClaimsTheTask()
    {
        var time = new ManualTimeProvider();
        var token = "account-" + Guid.NewGuid();
        var listed = new List<JsonObject>();
        var handler = Service(_ =>
        {
            lock (listed)
            {
                if (listed.Count == 0)
                {
                    listed.Add(Listed("created-once", time.GetUtcNow()));
                }
            }

            return BadGateway();
        }, () => listed, time.GetUtcNow);
        using var first = handler.CreateClient(o => { o.AccessToken = token; o.Reconciliation.Attempts = 1; }, time);
        using var second = handler.CreateClient(o => { o.AccessToken = token; o.Reconciliation.Attempts = 1; }, time);

        var id = await first.SubmitReferenceVideoAsync(Request());
        await Assert.ThrowsAsync<ChanjingSubmitOutcomeUnknownException>(() => second.SubmitReferenceVideoAsync(Request()));

        Assert.Equal("created-once", id);
    }

    [Fact]
    public async Task Reconcile_TaskCreatedBeforeTheSubmitBegan_IsNotReturned()
    {
        var time = new ManualTimeProvider();
        var earlier = time.GetUtcNow() - TimeSpan.FromSeconds(30);
        var handler = Service(_ => BadGateway(), () => [Listed("someone-elses", earlier)], time.GetUtcNow);
        using var client = handler.CreateClient(o => o.Reconciliation.Attempts = 1, time);

        await Assert.ThrowsAsync<ChanjingSubmitOutcomeUnknownException>(() => client.SubmitReferenceVideoAsync(Request()));
    }

    [Fact]
    public async Task Reconcile_ServerClockMeasuredBehind_LooksBackByTheMeasuredSkewAndMatchesRehostedImages()
    {
        var time = new ManualTimeProvider();
        var behind = TimeSpan.FromSeconds(40);
        var listed = new List<JsonObject>();
        var handler = Service(_ =>
        {
            // The service's clock runs 40 s behind: its create_time is 40 s before the client's submit start.
            listed.Add(Listed("mine", time.GetUtcNow() - behind));
            return BadGateway();
        }, () => listed, () => time.GetUtcNow() - behind);
        using var client = handler.CreateClient(o => o.Reconciliation.Attempts = 1, time);

        var id = await client.SubmitReferenceVideoAsync(Request());

        Assert.Equal("mine", id);
    }

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
