using System.Text.Json;

namespace Chanjing.Sdk.Internal.Endpoints;

/// <summary>The token answer (<see cref="ChanjingEndpoints.AccessToken"/>): its reader and the check that a header can carry it. The fetch itself is <see cref="TokenSender"/>.</summary>
internal static class TokenEndpoint
{
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
