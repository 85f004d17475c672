using System.Net;
using System.Text.Json.Nodes;
using Chanjing.Sdk.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Chanjing.Sdk.Tests.Authentication;

/// <summary>Issue 12, cases 10, 11, 12, 14, 15 and the checks on token fetches and process-wide state.</summary>
public sealed class TokenAndStateTests
{
    private static HttpResponseMessage Token(string value) =>
        Wire.Ok(new JsonObject { ["access_token"] = value, ["expire_in"] = DateTimeOffset.UtcNow.AddHours(2).ToUnixTimeSeconds() });

    [Fact]
    public async Task ListTasksAsync_ServerRepeatsOnePageWithAHugeTotalPage_Ends()
    {
        var handler = new LambdaHandler((_, _) => Task.FromResult(Wire.Ok(Wire.Page([Wire.Task("same")], 1, totalPages: 1_000_000_000, totalCount: int.MaxValue))));
        using var client = handler.CreateClient();

        var ids = await client.ListTasksAsync(new CreationTaskQuery()).Select(t => t.Id).ToListAsync();

        Assert.Equal(["same"], ids);
        Assert.Equal(2, handler.Count);
    }

    [Fact]
    public async Task ListTasksAsync_TotalPageBeyondTotalCount_StopsAtTotalCount()
    {
        var handler = new LambdaHandler(async (request, _) =>
        {
            var page = (int)(await Wire.BodyAsync(request))["page"]!;
            return Wire.Ok(Wire.Page([Wire.Task($"p{page}a"), Wire.Task($"p{page}b")], page, totalPages: 99, size: 2, totalCount: 5));
        });
        using var client = handler.CreateClient();

        var ids = await client.ListTasksAsync(new CreationTaskQuery { PageSize = 2 }).Select(t => t.Id).ToListAsync();

        Assert.Equal(3, handler.Count);
        Assert.Equal(6, ids.Count);
    }

    [Fact]
    public async Task DistributedTokenCacheOutage_FallsBackToAFetchedTokenAndLogsIt()
    {
        var tokenRequests = 0;
        var handler = new LambdaHandler((request, _) =>
        {
            if (request.RequestUri!.AbsolutePath.EndsWith("/access_token", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref tokenRequests);
                return Task.FromResult(Token("fallback-token"));
            }

            return Task.FromResult(Wire.Ok(Wire.Task("t1")));
        });
        var logs = new FakeLogCollector();
        using var client = new ChanjingClient(new HttpClient(handler), Sut.Options(o =>
        {
            o.AccessToken = null;
            o.AppId = "cache-down-" + Guid.NewGuid();
            o.SecretKey = "s";
            o.TokenCache = new BrokenCache();
        }), new LoggerFactory([new FakeLoggerProvider(logs)]));

        var task = await client.GetTaskAsync("t1");

        Assert.Equal("t1", task.Id);
        Assert.Equal(1, tokenRequests);
        Assert.Contains(logs.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Message.Contains("token cache failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DistributedTokenCacheOutage_AndTokenFetchFails_ChanjingException()
    {
        var handler = new LambdaHandler((_, _) => Task.FromResult(Wire.Code(50000, "内部错误")));
        using var client = handler.CreateClient(o =>
        {
            o.AccessToken = null;
            o.AppId = "cache-down-" + Guid.NewGuid();
            o.SecretKey = "s";
            o.TokenCache = new BrokenCache();
        });

        var error = await Assert.ThrowsAnyAsync<ChanjingException>(() => client.GetTaskAsync("t1"));

        Assert.Equal(50000, error.Code);
    }

    [Fact]
    public async Task DisposingOneClient_AnotherClientSharingTheTokenFetchStillSucceeds()
    {
        var appId = "shared-" + Guid.NewGuid();
        var firstFetchStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tokenRequests = 0;
        LambdaHandler Handler() => new(async (request, ct) =>
        {
            if (!request.RequestUri!.AbsolutePath.EndsWith("/access_token", StringComparison.Ordinal))
            {
                return Wire.Ok(Wire.Task("t1"));
            }

            if (Interlocked.Increment(ref tokenRequests) == 1)
            {
                firstFetchStarted.SetResult();
                await Task.Delay(Timeout.Infinite, ct); // held until its HttpClient is disposed
            }

            return Token("second-token");
        });
        void Configure(ChanjingOptions o)
        {
            o.AccessToken = null;
            o.AppId = appId;
            o.SecretKey = "s";
        }

        // The first client's HttpClient goes with it, as for a client that owns its HttpClient.
        var firstHttp = new HttpClient(Handler());
        var first = new ChanjingClient(firstHttp, Sut.Options(Configure));
        using var second = Handler().CreateClient(Configure);
        var firstCall = first.GetTaskAsync("t1");
        await firstFetchStarted.Task.WaitAsync(TimeSpan.FromSeconds(20));
        var secondCall = second.GetTaskAsync("t1");
        first.Dispose();
        firstHttp.Dispose();

        var task = await secondCall.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal("t1", task.Id);
        Assert.Equal(2, tokenRequests);
        await Assert.ThrowsAnyAsync<Exception>(() => firstCall);
    }

    [Fact]
    public async Task TokenFetch_BothTimeoutsInfinite_SharedFetchStillEnds()
    {
        var time = new ManualTimeProvider();
        var handler = new LambdaHandler(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return Token("never");
        });
        using var client = handler.CreateClient(o => { o.AccessToken = null; o.AppId = "hang-" + Guid.NewGuid(); o.SecretKey = "s"; }, time);

        var call = client.GetTaskAsync("t1");
        await Driver.RunAsync(time, call, skip: 0);
        var error = await Assert.ThrowsAnyAsync<ChanjingException>(() => call);

        Assert.True(error.IsTransient);
        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RateLimiter_WallClockStepsBack_KeepsPacingByMonotonicTime()
    {
        var time = new SteppingTimeProvider();
        using var limiter = new PacedRateLimiter(10, time);
        for (var i = 0; i < 10; i++)
        {
            Assert.True(limiter.AttemptAcquire().IsAcquired);
        }

        time.StepWallClock(-TimeSpan.FromHours(1));
        time.Advance(TimeSpan.FromSeconds(1));

        for (var i = 0; i < 10; i++)
        {
            Assert.True(limiter.AttemptAcquire().IsAcquired, $"permit {i} after one monotonic second");
        }
    }

    [Fact]
    public async Task AddChanjing_ClientResolvedTenThousandTimes_NoInstanceKeptAliveByTheRootScope()
    {
        var services = new ServiceCollection();
        services.AddChanjing(o => o.AccessToken = "t");
        await using var provider = services.BuildServiceProvider();

        var references = Resolve(provider, 10_000);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        // One client per registration, however often it is resolved; nothing else survives.
        Assert.Single(references.Select(r => r.TryGetTarget(out var c) ? c : null).Where(c => c is not null).Distinct());
    }

    [Fact]
    public void TokenStates_ManyAccountsWithExpiredTokens_AreDropped()
    {
        var time = new ManualTimeProvider();
        for (var i = 0; i < 5_000; i++)
        {
            TokenStates.For(null, "sweep-test-" + Guid.NewGuid(), time);
        }

        // Idle states are dropped every 64 new accounts: the count stays far below the 5,000 accounts seen.
        Assert.True(TokenStates.Count < 500, $"{TokenStates.Count} states kept for 5000 idle accounts");
    }

    private static List<WeakReference<IChanjingClient>> Resolve(IServiceProvider provider, int count) =>
        Enumerable.Range(0, count).Select(_ => new WeakReference<IChanjingClient>(provider.GetRequiredService<IChanjingClient>())).ToList();

    private sealed class BrokenCache : IChanjingTokenCache
    {
        public ValueTask<ChanjingAccessToken?> GetAsync(string key, CancellationToken cancellationToken = default) => throw new TimeoutException("redis timed out");

        public ValueTask SetAsync(string key, ChanjingAccessToken token, CancellationToken cancellationToken = default) => throw new TimeoutException("redis timed out");

        public ValueTask<bool> TryAcquireRefreshLeaseAsync(string key, TimeSpan leaseTime, CancellationToken cancellationToken = default) => throw new TimeoutException("redis timed out");

        public ValueTask ReleaseRefreshLeaseAsync(string key, CancellationToken cancellationToken = default) => throw new TimeoutException("redis timed out");
    }

    /// <summary>A clock whose wall time can jump (NTP, VM resume) while its monotonic timestamp only moves forward.</summary>
    private sealed class SteppingTimeProvider : TimeProvider
    {
        private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _inner = new();
        private TimeSpan _step;

        public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow() + _step;

        public override long GetTimestamp() => _inner.GetTimestamp();

        public override long TimestampFrequency => _inner.TimestampFrequency;

        public void StepWallClock(TimeSpan step) => _step += step;

        public void Advance(TimeSpan delta) => _inner.Advance(delta);
    }
}
