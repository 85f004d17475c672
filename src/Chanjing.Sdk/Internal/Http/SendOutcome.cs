using Polly.Timeout;

namespace Chanjing.Sdk.Internal.Http;

/// <summary>
/// The one answer to "was it sent, and may it be sent again?". The transport produces it (on the exception of a failed
/// attempt), a call's <see cref="SendLedger"/> sums it over the attempts, and every rule below reads only these two.
/// <list type="number">
/// <item>An attempt that fails <see cref="NotProcessed"/> certainly did not reach the service's processing: a handler
/// around the HttpClient timed out or failed before the send, its connection was refused, or the service refused it
/// before processing (HTTP 429, code 40001, code 10400). Sending it again is safe, a paid submit included. (An attempt
/// that never started, because the rate limiter, the token fetch or a retry delay ended the call first, is not a
/// failed attempt at all: the call's <see cref="SendLedger"/> never counted it.)</item>
/// <item>Any other failed attempt <see cref="MayHaveBeenProcessed"/>: a timeout, a connection lost after sending, HTTP 5xx,
/// code 50000, an unreadable body. A read may be sent again; a submit may not (Chanjing has no idempotency key).</item>
/// <item>A failure whose own retries are spent (<see cref="RetriesSpent"/>, a joined token fetch) is reported by the call
/// waiting for it, never retried again.</item>
/// <item>A submit call whose attempts were all <see cref="NotProcessed"/> (or never sent) is a known outcome: nothing was
/// created. A submit call with an attempt that may have been processed, failing transiently, is an unknown outcome:
/// reconciliation reports candidates instead of sending it again.</item>
/// </list>
/// The single-send handler's <see cref="SendTicket"/> is the instrument the transport reads this from when handlers
/// surround the HttpClient (whether the one send left, what it saw).
/// </summary>
internal enum SendOutcome
{
    /// <summary>The request may have been processed (the default of any failure).</summary>
    MayHaveBeenProcessed = 0,

    /// <summary>The service certainly did not process the request.</summary>
    NotProcessed = 1,

    /// <summary>A failure whose retries were spent where it happened: report it, do not retry it.</summary>
    RetriesSpent = 2,
}

/// <summary>The rules of <see cref="SendOutcome"/>, in one place.</summary>
internal static class SendRules
{
    /// <summary>Whether a read (any request but a submit) may be sent again after <paramref name="failure"/>.</summary>
    public static bool MayRetryRead(Exception? failure) =>
        failure is ChanjingException { IsTransient: true } e && e.Outcome != SendOutcome.RetriesSpent || failure is TimeoutRejectedException;

    /// <summary>Whether a submit may be sent again after <paramref name="failure"/>: only when it certainly was not processed.</summary>
    public static bool MayRetrySubmit(Exception? failure) => failure is ChanjingException { Outcome: SendOutcome.NotProcessed };

    /// <summary>Whether a transfer to storage (upload PUT, download, HEAD) may be tried again: any transient failure.</summary>
    public static bool MayRetryTransfer(Exception? failure) => failure is ChanjingException { IsTransient: true };

    /// <summary>Whether a failed submit call certainly created nothing: no attempt may have reached the service.</summary>
    public static bool IsKnownNotCreated(SendLedger ledger) => !ledger.MayHaveCreated;

    /// <summary>Whether a submit call that failed with <paramref name="error"/> may have created a task nobody knows of.</summary>
    public static bool IsUnknownSubmitOutcome(ChanjingException error) =>
        error.Outcome != SendOutcome.NotProcessed && error.IsTransient && error is not ChanjingRateLimitException;

    /// <summary>The outcome of a failure that is, or is not, proven unprocessed.</summary>
    public static SendOutcome NotProcessedIf(bool proven) => proven ? SendOutcome.NotProcessed : SendOutcome.MayHaveBeenProcessed;
}

/// <summary>
/// What one SDK call sent, summed over its attempts: whether some attempt may have reached the service without being
/// proven <see cref="SendOutcome.NotProcessed"/>. A submit that never left (rate limiter, token fetch, retry delay) is known.
/// </summary>
internal sealed class SendLedger
{
    private int _unresolved;

    /// <summary>Some attempt may have reached the service without being proven refused.</summary>
    public bool MayHaveCreated => Volatile.Read(ref _unresolved) > 0;

    /// <summary>How many attempts may have reached the service without being proven refused (the last one included).</summary>
    public int Unresolved => Volatile.Read(ref _unresolved);

    /// <summary>An attempt is about to be sent.</summary>
    public void Sending() => Interlocked.Increment(ref _unresolved);

    /// <summary>That attempt failed <see cref="SendOutcome.NotProcessed"/>.</summary>
    public void Settle(ChanjingException failure)
    {
        if (failure.Outcome == SendOutcome.NotProcessed)
        {
            Interlocked.Decrement(ref _unresolved);
        }
    }
}
