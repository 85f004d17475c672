using Chanjing.Emulator;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Chanjing.Sdk.IntegrationTests.Authentication;

/// <summary>
/// Two app instances (two service providers) sharing tokens through a real Redis. The address comes from
/// CHANJING_TEST_REDIS (host:port), which .ci/run sets after starting redis-server on loopback.
/// </summary>
public sealed class RedisTokenSharingTests
{
    private static string RedisOrSkip()
    {
        var address = Environment.GetEnvironmentVariable("CHANJING_TEST_REDIS");
        if (string.IsNullOrWhiteSpace(address))
        {
            Assert.Skip("CHANJING_TEST_REDIS is not set: no Redis server to share tokens through (.ci/run starts one).");
        }

        try
        {
            using var connection = ConnectionMultiplexer.Connect(address + ",connectTimeout=2000,abortConnect=true");
            connection.GetDatabase().Ping();
        }
        catch (RedisConnectionException ex)
        {
            Assert.Skip($"No Redis server reachable at {address}: {ex.Message}");
        }

        return address!;
    }

    private static ServiceProvider Instance(ChanjingEmulator emulator, string redis, string prefix, TimeProvider time)
    {
        var services = new ServiceCollection();
        services.AddStackExchangeRedisCache(o =>
        {
            o.Configuration = redis;
            o.InstanceName = prefix;
        });
        services.AddChanjing(o =>
        {
            o.BaseAddress = emulator.BaseAddress;
            o.AppId = emulator.AppId;
            o.SecretKey = emulator.SecretKey;
            o.TimeProvider = time;
        }).UseDistributedTokenCache();
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task TwoInstances_SharedRedis_OneFetchOneRefreshAndConvergeAfterInvalidation()
    {
        var redis = RedisOrSkip();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var emulator = await ChanjingEmulator.StartAsync(new ChanjingEmulatorOptions { TimeProvider = time, TokenLifetime = TimeSpan.FromHours(24) });
        var prefix = "chanjing-test-" + Guid.NewGuid().ToString("N") + ":";
        await using var first = Instance(emulator, redis, prefix, time);
        await using var second = Instance(emulator, redis, prefix, time);
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        var clients = new[] { first.GetRequiredService<IChanjingClient>(), second.GetRequiredService<IChanjingClient>() };

        // Phase 1: 200 concurrent calls across both instances, nobody has a token yet.
        var submitted = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => clients[i % 2].SubmitReferenceVideoAsync(Support.Request($"horse {i}"))));
        Assert.Equal(1, emulator.TokensIssued);
        Assert.Equal(200, submitted.Distinct().Count());

        // Phase 2: the token reaches its refresh time: one refresh in total across both instances.
        time.Advance(TimeSpan.FromHours(24) - TimeSpan.FromMinutes(4));
        await Task.WhenAll(Enumerable.Range(0, 100).Select(i => clients[i % 2].GetTaskAsync(submitted[i])));
        Assert.Equal(2, emulator.TokensIssued);

        // Phase 3: another process fetches a token, invalidating the shared one; calls keep succeeding.
        using var outsider = await http.PostAsync("open/v1/access_token", new StringContent($$"""{"app_id":"{{emulator.AppId}}","secret_key":"{{emulator.SecretKey}}"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(3, emulator.TokensIssued);
        var after = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => clients[i % 2].GetTaskAsync(submitted[i])));
        Assert.Equal(100, after.Length);
        TestContext.Current.TestOutputHelper?.WriteLine($"tokens issued: {emulator.TokensIssued} (first fetch 1, refresh 1, outsider 1, after the invalidation {emulator.TokensIssued - 3}) for 400 calls");
        Assert.InRange(emulator.TokensIssued - 3, 1, 2);
    }
}
