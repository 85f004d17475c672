namespace Chanjing.Sdk.Internal.Http;

/// <summary>
/// One SDK attempt's request, as seen from inside the HttpClient. <see cref="SingleSendHandler"/>, the innermost handler
/// of every client built by <c>AddChanjing</c>, lets the request reach the network once: a retry or hedging handler that
/// the app added around the HttpClient cannot send it a second time. The ticket also records what the one send saw, so
/// the SDK knows whether the request left at all and what the first answer was when an outer handler hid it.
/// </summary>
internal sealed class SendTicket
{
    /// <summary>The key under which the ticket travels on the request message.</summary>
    public const string Key = "Chanjing.SendTicket";

    /// <summary>
    /// The ticket of every request sent without the single-send handler: never attached to a message, so nothing ever
    /// writes to it, and it reads as "not sent, no answer" (what an unguarded send can prove).
    /// </summary>
    public static readonly SendTicket Unattached = new();

    private static readonly object Ended = new();
    private static readonly Task<bool> EndedTask = Task.FromResult(true);

    private int _state; // 0 not sent, 1 sending or sent, 2 connect failed (nothing left: sending again is harmless)
    private int _blocked;
    private object? _ending; // null: the send is on its way; a TaskCompletionSource: sends wait for it; Ended: it ended

    /// <summary>The send reached the transport (the primary handler) and did not fail to connect.</summary>
    public bool MayHaveLeft => Volatile.Read(ref _state) == 1;

    /// <summary>
    /// The service certainly did not process the request: it never reached the transport, its connection was refused,
    /// or its one send was answered 429 by a gateway.
    /// </summary>
    public bool ProvedNotProcessed => !ReachedTransport || Volatile.Read(ref _state) == 2 || (int?)FirstStatus == 429;

    /// <summary>The send reached the innermost handler at least once.</summary>
    public bool ReachedTransport { get; private set; }

    /// <summary>A handler tried to send the request again after it had left, and was refused.</summary>
    public bool ResendBlocked => Volatile.Read(ref _blocked) == 1;

    /// <summary>The HTTP status of the one send, when it got an answer.</summary>
    public System.Net.HttpStatusCode? FirstStatus { get; private set; }

    /// <summary>The Retry-After of that answer.</summary>
    public TimeSpan? FirstRetryAfter { get; private set; }

    /// <summary>The failure of the one send, when it got no answer.</summary>
    public Exception? FirstFailure { get; private set; }

    /// <summary>
    /// The <c>access_token</c> to put on the request at the last moment, below every logging handler (whose structured
    /// log state would otherwise hold the raw header value). Set only for clients that end with <see cref="SingleSendHandler"/>.
    /// </summary>
    public string? AccessToken { get; init; }

    public static void Attach(HttpRequestMessage message, SendTicket ticket)
    {
#if NET5_0_OR_GREATER
        message.Options.Set(new HttpRequestOptionsKey<SendTicket>(Key), ticket);
#else
        message.Properties[Key] = ticket;
#endif
    }

    public static SendTicket? Of(HttpRequestMessage message)
    {
#if NET5_0_OR_GREATER
        return message.Options.TryGetValue(new HttpRequestOptionsKey<SendTicket>(Key), out var ticket) ? ticket : null;
#else
        return message.Properties.TryGetValue(Key, out var value) ? value as SendTicket : null;
#endif
    }

    /// <summary>The answer of the one send, shared with any send that a handler made of the same attempt.</summary>
    public SharedAnswer? Answer { get; private set; }

    /// <summary>Claims the one send; false when the request already left (or is leaving).</summary>
    public bool TryBeginSend()
    {
        ReachedTransport = true;
        while (true)
        {
            var state = Volatile.Read(ref _state);
            if (state == 1)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _state, 1, state) == state)
            {
                // After a refused connection this is a new first send: later sends wait for this one.
                Interlocked.CompareExchange(ref _ending, null, Ended);
                return true;
            }
        }
    }

    /// <summary>Completes when the send that claimed the ticket has its answer or its failure.</summary>
    public Task<bool> WhenSendEnded()
    {
        while (true)
        {
            switch (Volatile.Read(ref _ending))
            {
                case TaskCompletionSource<bool> waiting:
                    return waiting.Task;
                case null:
                    var fresh = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                    if (Interlocked.CompareExchange(ref _ending, fresh, null) is null)
                    {
                        return fresh.Task;
                    }

                    break;
                default:
                    return EndedTask;
            }
        }
    }

    /// <summary>A handler sent the request again after the one send ended; the SDK answered it with that send's outcome.</summary>
    public void ResendRefused() => Volatile.Write(ref _blocked, 1);

    /// <summary>The connection could not be opened: nothing left, so a later send is still the first.</summary>
    public void ConnectFailed(Exception failure)
    {
        FirstFailure = failure;
        Volatile.Write(ref _state, 2);
        SendEnded();
    }

    public void Answered(HttpResponseMessage response, TimeSpan? retryAfter)
    {
        FirstStatus = response.StatusCode;
        FirstRetryAfter = retryAfter;
        Answer = SharedAnswer.Share(response);
        SendEnded();
    }

    public void Failed(Exception failure)
    {
        FirstFailure = failure;
        SendEnded();
    }

    private void SendEnded() => (Interlocked.Exchange(ref _ending, Ended) as TaskCompletionSource<bool>)?.TrySetResult(true);
}
