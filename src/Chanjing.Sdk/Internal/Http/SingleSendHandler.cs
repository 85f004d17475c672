using System.Net.Http.Headers;

namespace Chanjing.Sdk.Internal.Http;

/// <summary>
/// The innermost handler of every HttpClient that <c>AddChanjing</c> registers: it wraps the primary handler, below
/// every other handler including IHttpClientFactory's logging (placed there by <see cref="SingleSendHandlerFilter"/>). A request the SDK sends goes out once per SDK attempt, whatever retry or
/// hedging handlers the app adds around the client. A second send of the same request never reaches the network: sent
/// while the first waits for its answer (a hedge), it waits too and gets the same answer (<see cref="SharedAnswer"/>), so
/// the hedging handler cannot take the refusal as the outcome and cancel the real send; sent after it (a retry), it gets
/// that answer if the response is still held, else <see cref="ResendRefusedException"/>. The first answer is recorded for
/// the SDK to report.
/// </summary>
internal sealed class SingleSendHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var ticket = SendTicket.Of(request);
        if (ticket is null)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        while (!ticket.TryBeginSend())
        {
            var ended = ticket.WhenSendEnded();
            if (!ended.IsCompleted)
            {
                // A hedge, sent while the one send waits for its answer: it must not become the outcome and cancel that
                // send. It waits for the answer instead (or for the hedging handler to cancel it once it took the
                // answer), then reports it (issue 22, D1).
                await ended.WithCancellation(cancellationToken).ConfigureAwait(false);
                continue; // a refused connection left nothing: this send may then go out as the first
            }

            ticket.ResendRefused();
            if (ticket.Answer?.TryShare(request) is { } same)
            {
                // The one send's answer, still held by the response it came in: the same status, headers and body.
                return same;
            }

            // The answer was disposed (a retry handler that read it and sends again), or the one send failed.
            throw new ResendRefusedException();
        }

        if (ticket.AccessToken is { } token)
        {
            // Added here, next to the network: no handler above (logging included) ever sees the token.
            request.Headers.Remove("access_token");
            request.Headers.TryAddWithoutValidation("access_token", token);
        }

        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (TransientRules.IsConnectFailure(ex))
        {
            ticket.ConnectFailed(ex);
            throw;
        }
        catch (Exception ex)
        {
            ticket.Failed(ex);
            throw;
        }

        ticket.Answered(response, RetryAfterOf(response.Headers.RetryAfter));
        return response;
    }

    private static TimeSpan? RetryAfterOf(RetryConditionHeaderValue? header) => header?.Delta;
}
