using System.Text.Json;
using Polly;

namespace Chanjing.Sdk.Internal.Authentication;

/// <summary>
/// The token provider's own narrow way to the token endpoint: its body, its resilience strategy (bounded even when the
/// options set no timeout, because every later caller joins a shared fetch), the transport, and the mapping of its
/// failures. It never goes back through the pipeline that asked for the token.
/// </summary>
internal sealed class TokenSender(ChanjingOptions options, OperationRunner runner, ResiliencePipeline strategy, HttpTransport transport)
{
    public async Task<ChanjingAccessToken> FetchAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new AccessTokenBody { AppId = options.AppId!, SecretKey = options.SecretKey! }, ChanjingJsonContext.Default.AccessTokenBody);
        var endpoint = ChanjingEndpoints.AccessToken;
        var request = endpoint.Call(body: body);
        try
        {
            return await runner.RunAsync(
                strategy,
                request.Operation,
                request.PathAndQuery,
                (Transport: transport, Http: http, Request: request, Convert: endpoint.Convert),
                static (s, attempt, caller) => s.Transport.SendOnceAsync(s.Http, s.Request, null, s.Convert, attempt, caller),
                static (operation, timeout) => $"Chanjing {operation} timed out after {timeout}.",
                cancellationToken).ConfigureAwait(false);
        }
        catch (ChanjingException ex) when (ex.IsTransient)
        {
            // The token strategy has already retried: the call waiting for the token must not retry it all again.
            throw ChanjingErrors.RetriesSpent(ex);
        }
        catch (ChanjingException ex) when (ex is not ChanjingAuthenticationException && !ex.IsTransient)
        {
            throw new ChanjingAuthenticationException($"Could not obtain a Chanjing access token for app id '{options.AppId}': {ex.Message}", ex.Code, ex.ServiceMessage, ex.TraceId, ex.StatusCode, ex);
        }
    }
}
