using Chanjing.Sdk.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chanjing.Sdk.Tests.Authentication;

/// <summary>The process-wide token states: one fetch in flight per account, even while idle states are swept.</summary>
public sealed class TokenStatesTests
{
    /// <summary>
    /// Issue 22, T1: a caller looks its account's state up, new accounts arrive and the sweep drops that (idle) state, then
    /// the caller joins it: it started a fetch on a state nobody else could see, beside the live state's own fetch, and
    /// every fetch invalidates the token before it.
    /// </summary>
    [Fact]
    public async Task TokenStates_StateSweptBetweenLookupAndJoin_StillOneFetchForTheAccount()
    {
        var time = new ManualTimeProvider();
        var key = "t1-" + Guid.NewGuid();
        using var owner = new ChanjingPipeline(new ChanjingOptions { AccessToken = "t" }, NullLogger.Instance);
        var fetches = 0;
        var token = new TaskCompletionSource<TokenEntry>(TaskCreationOptions.RunContinuationsAsynchronously);
        Func<TokenState, Task<TokenEntry>> acquire = _ =>
        {
            Interlocked.Increment(ref fetches);
            return token.Task;
        };

        var held = TokenStates.For(null, key, time);
        SweepIdleStates(time);

        // The swept state refuses the join (it starts nothing); joining the account goes to the live state.
        Assert.False(held.TryJoin(acquire, owner, out _, out _));
        var first = TokenStates.Join(null, key, time, acquire, owner).Flight;
        var second = TokenStates.Join(null, key, time, acquire, owner).Flight;
        token.SetResult(new TokenEntry(new ChanjingAccessToken("tok", time.GetUtcNow().AddHours(2)), time.GetUtcNow().AddHours(1)));
        await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Same(first, second);
        Assert.Equal(1, fetches);
    }

    /// <summary>Issue 22, T1: sweeping never drops a state whose fetch is in flight, so its joiners and later callers share it.</summary>
    [Fact]
    public async Task TokenStates_SweptWhileItsFetchIsInFlight_KeepsTheState()
    {
        var time = new ManualTimeProvider();
        var key = "t1-" + Guid.NewGuid();
        using var owner = new ChanjingPipeline(new ChanjingOptions { AccessToken = "t" }, NullLogger.Instance);
        var fetches = 0;
        var token = new TaskCompletionSource<TokenEntry>(TaskCreationOptions.RunContinuationsAsynchronously);
        Func<TokenState, Task<TokenEntry>> acquire = state =>
        {
            Interlocked.Increment(ref fetches);
            return token.Task;
        };

        var first = TokenStates.Join(null, key, time, acquire, owner).Flight;
        var held = TokenStates.For(null, key, time);
        SweepIdleStates(time);
        var second = TokenStates.Join(null, key, time, acquire, owner).Flight;
        token.SetResult(new TokenEntry(new ChanjingAccessToken("tok", time.GetUtcNow().AddHours(2)), time.GetUtcNow().AddHours(1)));
        await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(held.IsRetired);
        Assert.Same(held, TokenStates.For(null, key, time));
        Assert.Same(first, second);
        Assert.Equal(1, fetches);
    }

    /// <summary>New accounts arrive: at least one sweep runs (one every 64 new accounts, whatever other tests add meanwhile).</summary>
    private static void SweepIdleStates(TimeProvider time)
    {
        for (var i = 0; i < 64; i++)
        {
            TokenStates.For(null, "t1-filler-" + Guid.NewGuid(), time);
        }
    }
}
