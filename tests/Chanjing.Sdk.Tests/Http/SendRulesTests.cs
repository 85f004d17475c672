using System.Net;
using Polly.Timeout;

namespace Chanjing.Sdk.Tests.Http;

/// <summary>The one answer to "was it sent, may it be sent again?" (SendOutcome and SendRules), rule by rule.</summary>
public sealed class SendRulesTests
{
    private static ChanjingException Failure(SendOutcome outcome, bool transient = true) =>
        new("failed", null, null, null, HttpStatusCode.BadGateway, transient) { Outcome = outcome };

    [Fact]
    public void MayRetrySubmit_OnlyWhenCertainlyNotProcessed()
    {
        Assert.True(SendRules.MayRetrySubmit(Failure(SendOutcome.NotProcessed)));
        Assert.False(SendRules.MayRetrySubmit(Failure(SendOutcome.MayHaveBeenProcessed)));
        Assert.False(SendRules.MayRetrySubmit(Failure(SendOutcome.RetriesSpent)));
        Assert.False(SendRules.MayRetrySubmit(new TimeoutRejectedException()));
        Assert.False(SendRules.MayRetrySubmit(null));
    }

    [Fact]
    public void MayRetryRead_AnyTransientFailureButOneWhoseRetriesAreSpent()
    {
        Assert.True(SendRules.MayRetryRead(Failure(SendOutcome.MayHaveBeenProcessed)));
        Assert.True(SendRules.MayRetryRead(Failure(SendOutcome.NotProcessed)));
        Assert.True(SendRules.MayRetryRead(new TimeoutRejectedException()));
        Assert.False(SendRules.MayRetryRead(Failure(SendOutcome.RetriesSpent)));
        Assert.False(SendRules.MayRetryRead(Failure(SendOutcome.MayHaveBeenProcessed, transient: false)));
    }

    [Fact]
    public void IsUnknownSubmitOutcome_TransientAndMaybeProcessed_NotARateLimit()
    {
        Assert.True(SendRules.IsUnknownSubmitOutcome(Failure(SendOutcome.MayHaveBeenProcessed)));
        Assert.False(SendRules.IsUnknownSubmitOutcome(Failure(SendOutcome.NotProcessed)));
        Assert.False(SendRules.IsUnknownSubmitOutcome(Failure(SendOutcome.MayHaveBeenProcessed, transient: false)));
        Assert.False(SendRules.IsUnknownSubmitOutcome(new ChanjingRateLimitException("limited", "请求超过QPS限制", null, HttpStatusCode.OK)));
    }

    [Fact]
    public void SendLedger_KnownNotCreated_OnlyWhileEveryAttemptSentWasProvenUnprocessed()
    {
        var ledger = new SendLedger();
        Assert.True(SendRules.IsKnownNotCreated(ledger)); // nothing sent yet (rate limiter, token fetch)

        ledger.Sending();
        ledger.Settle(Failure(SendOutcome.NotProcessed));
        Assert.True(SendRules.IsKnownNotCreated(ledger)); // refused: a 40001, a refused connection

        ledger.Sending();
        ledger.Settle(Failure(SendOutcome.MayHaveBeenProcessed));
        Assert.False(SendRules.IsKnownNotCreated(ledger)); // a timeout or a 502 after sending
    }
}
