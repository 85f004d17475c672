using System.Net.Http.Headers;

namespace Chanjing.Sdk.Internal;

/// <summary>
/// The innermost handler of every HttpClient that <c>AddChanjing</c> registers: it wraps the primary handler, below
/// every other handler including IHttpClientFactory's logging (placed there by <see cref="SingleSendHandlerFilter"/>). A request the SDK sends goes out once per SDK attempt, whatever retry or
/// hedging handlers the app adds around the client: a second send of the same request is refused with
/// <see cref="ResendRefusedException"/>, and the first answer is recorded for the SDK to report.
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

        if (!ticket.TryBeginSend())
        {
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

        ticket.Answered(response.StatusCode, RetryAfterOf(response.Headers.RetryAfter));
        return response;
    }

    private static TimeSpan? RetryAfterOf(RetryConditionHeaderValue? header) => header?.Delta;
}
