using System.Text.Json;
using Polly;

namespace Chanjing.Sdk.Internal.Endpoints;

/// <summary>The token fetch (<see cref="ChanjingEndpoints.AccessToken"/>): its body, its reader, and the mapping of its failures.</summary>
internal static class TokenEndpoint
{
    public static async Task<ChanjingAccessToken> FetchAsync(ChanjingPipeline pipeline, HttpClient http, ResiliencePipeline resilience, CancellationToken cancellationToken)
    {
        var options = pipeline.Options;
        var body = JsonSerializer.SerializeToUtf8Bytes(new AccessTokenBody { AppId = options.AppId!, SecretKey = options.SecretKey! }, ChanjingJsonContext.Default.AccessTokenBody);
        var endpoint = ChanjingEndpoints.AccessToken;
        try
        {
            return await pipeline.SendTokenRequestAsync(http, resilience, endpoint.Call(body: body), endpoint.Convert, cancellationToken).ConfigureAwait(false);
        }
        catch (ChanjingException ex) when (ex.IsTransient)
        {
            // The token pipeline has already retried: the call waiting for the token must not retry it all again.
            throw ChanjingErrors.RetriesSpent(ex);
        }
        catch (ChanjingException ex) when (ex is not ChanjingAuthenticationException && !ex.IsTransient)
        {
            throw new ChanjingAuthenticationException($"Could not obtain a Chanjing access token for app id '{options.AppId}': {ex.Message}", ex.Code, ex.ServiceMessage, ex.TraceId, ex.StatusCode, ex);
        }
    }

    /// <summary>Whether a token can go into a header as it is: printable ASCII only (no CR/LF injection).</summary>
    public static bool IsHeaderSafe(string token) => token.Length > 0 && token.All(c => c is >= '!' and <= '~');

    /// <summary>Reads the token object; refuses a token that a header cannot carry.</summary>
    public static ChanjingAccessToken Read(JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"Expected the token object in 'data' but found {data.ValueKind}.");
        }

        var token = JsonReading.GetString(data, "access_token");
        var expires = JsonReading.GetInt64(data, "expire_in");
        if (string.IsNullOrEmpty(token) || expires is null)
        {
            throw new FormatException("The token response has no 'access_token' or 'expire_in'.");
        }

        if (!IsHeaderSafe(token!))
        {
            // It goes into a header as it is: a token with line breaks would be a header injection.
            throw new FormatException("The token holds characters that a header cannot carry.");
        }

        return new ChanjingAccessToken(token!, DateTimeOffset.FromUnixTimeSeconds(Math.Max(-62135596800, Math.Min(253402300799, expires.Value))));
    }
}
