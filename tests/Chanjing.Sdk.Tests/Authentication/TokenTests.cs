using System.Text.Json.Nodes;
using Chanjing.Sdk.Tests.TestSupport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Chanjing.Sdk.Tests.Authentication;

public sealed class TokenTests
{
    private const string Secret = "s3cr3t-key-value";

    /// <summary>A token endpoint and a task endpoint that accepts only the newest token, on a fake clock.</summary>
    private sealed class TokenServer
    {
        private readonly ManualTimeProvider _time;
        private int _fetches;

        public TokenServer(ManualTimeProvider time) => _time = time;

        public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(24);

        public Func<int, HttpResponseMessage?>? FailFetch { get; set; }

        public Task? FetchGate { get; set; }

        public string? Current { get; private set; }

        public int Fetches => Volatile.Read(ref _fetches);

        public List<string?> TaskCallTokens { get; } = [];

        public async Task<HttpResponseMessage> HandleAsync(HttpRequestMessage request, CancellationToken ct)
        {
            if (request.RequestUri!.AbsolutePath.EndsWith("/access_token", StringComparison.Ordinal))
            {
                var n = Interlocked.Increment(ref _fetches);
                if (FetchGate is not null)
                {
                    await FetchGate.WaitAsync(ct);
                }

                if (FailFetch?.Invoke(n) is { } failure)
                {
                    return failure;
                }

                Current = "tok-" + n;
                return Wire.Ok(new JsonObject { ["access_token"] = Current, ["expire_in"] = (_time.GetUtcNow() + Lifetime).ToUnixTimeSeconds() });
            }

            var sent = request.Headers.TryGetValues("access_token", out var values) ? values.Single() : null;
            lock (TaskCallTokens)
            {
                TaskCallTokens.Add(sent);
            }

            return sent is not null && sent == Current ? Wire.Ok(Wire.Task("t1")) : Wire.Code(10400, "AccessToken验证失败");
        }

        public void InvalidateCurrent() => Current = null;
    }

    private static ChanjingClient CreateSut(TokenServer server, ManualTimeProvider time, string appId, ILoggerFactory? logs = null, Action<ChanjingOptions>? configure = null)
    {
        var options = Sut.Options(o =>
        {
            o.AccessToken = null;
            o.AppId = appId;
            o.SecretKey = Secret;
            configure?.Invoke(o);
        }, time);
        return new ChanjingClient(new HttpClient(new LambdaHandler(server.HandleAsync)), options, logs);
    }

    private static string NewAppId() => "app-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task GetTaskAsync_TokenValid_ReusedUntilRefreshMarginThenRefreshedAhead()
    {
        var time = new ManualTimeProvider();
        var server = new TokenServer(time) { Lifetime = TimeSpan.FromHours(1) };
        using var client = CreateSut(server, time, NewAppId());

        await client.GetTaskAsync("t1");
        time.Advance(TimeSpan.FromMinutes(54));
        await client.GetTaskAsync("t1");
        Assert.Equal(1, server.Fetches);

        time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        await client.GetTaskAsync("t1");

        Assert.Equal(2, server.Fetches);
        Assert.Equal(["tok-1", "tok-1", "tok-2"], server.TaskCallTokens);
    }

    [Fact]
    public async Task GetTaskAsync_ExpireInAlreadyPast_TokenUsedOnceAndFetchedAgainNextCall()
    {
        var time = new ManualTimeProvider();
        var server = new TokenServer(time) { Lifetime = TimeSpan.FromSeconds(-30) };
        using var client = CreateSut(server, time, NewAppId());

        await client.GetTaskAsync("t1");
        await client.GetTaskAsync("t1");

        Assert.Equal(2, server.Fetches);
        Assert.Equal(["tok-1", "tok-2"], server.TaskCallTokens);
    }

    [Fact]
    public async Task GetTaskAsync_1000ConcurrentFirstCalls_ExactlyOneFetch()
    {
        var time = new ManualTimeProvider();
        var gate = new TaskCompletionSource();
        var server = new TokenServer(time) { FetchGate = gate.Task };
        using var client = CreateSut(server, time, NewAppId());

        var calls = Enumerable.Range(0, 1000).Select(_ => Task.Run(() => client.GetTaskAsync("t1"))).ToArray();
        while (server.Fetches == 0)
        {
            await Task.Yield();
        }

        gate.SetResult();
        await Task.WhenAll(calls);

        Assert.Equal(1, server.Fetches);
        Assert.Equal(1000, server.TaskCallTokens.Count(t => t == "tok-1"));
    }

    [Fact]
    public async Task GetTaskAsync_TwoClientsSameAccount_ShareOneToken()
    {
        var time = new ManualTimeProvider();
        var server = new TokenServer(time);
        var appId = NewAppId();
        using var first = CreateSut(server, time, appId);
        using var second = CreateSut(server, time, appId);

        await first.GetTaskAsync("t1");
        await second.GetTaskAsync("t1");

        Assert.Equal(1, server.Fetches);
    }

    [Fact]
    public async Task GetTaskAsync_FailedFetchThenGood_DoesNotPoisonLaterCalls()
    {
        var time = new ManualTimeProvider();
        var server = new TokenServer(time) { FailFetch = n => n == 1 ? Wire.Code(40000, "app_id 或 secret_key 错误") : null };
        using var client = CreateSut(server, time, NewAppId());

        var error = await Assert.ThrowsAsync<ChanjingAuthenticationException>(() => client.GetTaskAsync("t1"));
        var task = await client.GetTaskAsync("t1");

        Assert.Equal(40000, error.Code);
        Assert.Equal("trace-123", error.TraceId);
        Assert.Contains("app_id 或 secret_key 错误", error.Message, StringComparison.Ordinal);
        Assert.Equal("t1", task.Id);
        Assert.Equal(2, server.Fetches);
    }

    [Fact]
    public async Task GetTaskAsync_Rejected10400_RefreshesAndRetriesOnceWithTwoRequests()
    {
        var time = new ManualTimeProvider();
        var server = new TokenServer(time);
        using var client = CreateSut(server, time, NewAppId());
        await client.GetTaskAsync("t1");
        server.TaskCallTokens.Clear();
        server.InvalidateCurrent();

        var task = await client.GetTaskAsync("t1");

        Assert.Equal("t1", task.Id);
        Assert.Equal(["tok-1", "tok-2"], server.TaskCallTokens);
        Assert.Equal(2, server.Fetches);
    }

    [Fact]
    public async Task GetTaskAsync_Rejected10400Twice_ThrowsAuthentication()
    {
        var time = new ManualTimeProvider();
        var handler = new LambdaHandler((request, _) => Task.FromResult(request.RequestUri!.AbsolutePath.EndsWith("/access_token", StringComparison.Ordinal)
            ? Wire.Ok(new JsonObject { ["access_token"] = Guid.NewGuid().ToString(), ["expire_in"] = (time.GetUtcNow() + TimeSpan.FromHours(1)).ToUnixTimeSeconds() })
            : Wire.Code(10400, "AccessToken验证失败")));
        using var client = handler.CreateClient(o =>
        {
            o.AccessToken = null;
            o.AppId = NewAppId();
            o.SecretKey = Secret;
        }, time);

        var error = await Assert.ThrowsAsync<ChanjingAuthenticationException>(() => client.GetTaskAsync("t1"));

        Assert.Equal(10400, error.Code);
        Assert.Equal(4, handler.Count);
    }

    [Fact]
    public async Task GetTaskAsync_FixedTokenRejected_ThrowsAtOnceExplainingRefresh()
    {
        var handler = new LambdaHandler((_, _) => Task.FromResult(Wire.Code(10400, "AccessToken验证失败")));
        using var client = handler.CreateClient();

        var error = await Assert.ThrowsAsync<ChanjingAuthenticationException>(() => client.GetTaskAsync("t1"));

        Assert.Equal(1, handler.Count);
        Assert.Contains("invalid or expired", error.Message, StringComparison.Ordinal);
        Assert.Contains("AppId and SecretKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secrets_NeverInOptionsToStringExceptionsOrLogs()
    {
        var time = new ManualTimeProvider();
        var server = new TokenServer(time) { FailFetch = n => n == 1 ? Wire.Code(40000, "bad") : null };
        var collector = new FakeLogCollector();
        using var logs = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(collector)));
        var appId = NewAppId();
        using var client = CreateSut(server, time, appId, logs, o => o.Retry.MaxAttempts = 1);
        var texts = new List<string>();

        texts.Add((await Assert.ThrowsAsync<ChanjingAuthenticationException>(() => client.GetTaskAsync("t1"))).ToString());
        await client.GetTaskAsync("t1");
        server.InvalidateCurrent();
        await client.GetTaskAsync("t1");
        texts.Add(new ChanjingOptions { AppId = appId, SecretKey = Secret }.ToString());
        texts.Add(new ChanjingOptions { AccessToken = "tok-1" }.ToString());
        texts.Add(new ChanjingAccessToken("tok-1", time.GetUtcNow()).ToString());
        texts.AddRange(collector.GetSnapshot().Select(r => r.Message + " " + r.Exception));

        Assert.NotEmpty(collector.GetSnapshot());
        foreach (var text in texts)
        {
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain("tok-1", text, StringComparison.Ordinal);
            Assert.DoesNotContain("tok-2", text, StringComparison.Ordinal);
        }
    }
}
