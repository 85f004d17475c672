using System.Net;
using System.Text.Json.Nodes;
using Chanjing.Sdk.Tests.TestSupport;

namespace Chanjing.Sdk.Tests.Authentication;

/// <summary>Token fetches and the token cache under hostile input: a bad cached entry is never sent, a spent fetch is not retried again (found by an adversarial review).</summary>
public sealed class TokenCacheHostileEntryTests
{
    [Fact]
    public async Task TokenCache_EntryWithControlCharacters_IgnoredAndNeverSent()
    {
        var sent = new List<string>();
        var handler = new LambdaHandler((request, _) =>
        {
            if (request.RequestUri!.AbsolutePath.EndsWith("/access_token", StringComparison.Ordinal))
            {
                return Task.FromResult(Wire.Ok(new JsonObject { ["access_token"] = "fetched-token", ["expire_in"] = DateTimeOffset.UtcNow.AddHours(2).ToUnixTimeSeconds() }));
            }

            lock (sent)
            {
                sent.AddRange(request.Headers.GetValues("access_token"));
            }

            return Task.FromResult(Wire.Ok(Wire.Task("t1")));
        });
        using var client = handler.CreateClient(o => { o.AccessToken = null; o.AppId = "cache-" + Guid.NewGuid(); o.SecretKey = "s"; o.TokenCache = new HostileCache(); });

        await client.GetTaskAsync("t1");

        Assert.Equal(["fetched-token"], sent);
    }

    [Fact]
    public async Task TokenFetchFailingForGood_RetriedByTheTokenPipelineOnly_NotAgainByTheCallWaitingForIt()
    {
        var tokenRequests = 0;
        var handler = new LambdaHandler((_, _) =>
        {
            Interlocked.Increment(ref tokenRequests);
            return Task.FromResult(Wire.Code(50000, "内部错误"));
        });
        using var client = handler.CreateClient(o => { o.AccessToken = null; o.AppId = "spent-" + Guid.NewGuid(); o.SecretKey = "s"; o.Retry.MaxAttempts = 2; });

        var error = await Assert.ThrowsAnyAsync<ChanjingException>(() => client.GetTaskAsync("t1"));

        Assert.True(error.IsTransient);
        Assert.Equal(3, tokenRequests); // one try and Retry.MaxAttempts retries, not (1 + 2) x (1 + 2)
    }

    private sealed class HostileCache : IChanjingTokenCache
    {
        public ValueTask<ChanjingAccessToken?> GetAsync(string key, CancellationToken cancellationToken = default) =>
            new(new ChanjingAccessToken("tok\u0001en\r\nX-Injected: 1", DateTimeOffset.UtcNow.AddHours(1)));

        public ValueTask SetAsync(string key, ChanjingAccessToken token, CancellationToken cancellationToken = default) => default;

        public ValueTask<bool> TryAcquireRefreshLeaseAsync(string key, TimeSpan leaseTime, CancellationToken cancellationToken = default) => new(true);

        public ValueTask ReleaseRefreshLeaseAsync(string key, CancellationToken cancellationToken = default) => default;
    }
}
