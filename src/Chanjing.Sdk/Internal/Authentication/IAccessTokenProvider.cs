namespace Chanjing.Sdk.Internal.Authentication;

/// <summary>Supplies the <c>access_token</c> header of each request and a replacement when the service rejects it.</summary>
internal interface IAccessTokenProvider
{
    /// <summary>A token that is believed valid now; <paramref name="httpClient"/> fetches one if needed.</summary>
    ValueTask<string> GetAccessTokenAsync(HttpClient httpClient, CancellationToken cancellationToken);

    /// <summary>
    /// Called after the service answered 10400 to <paramref name="rejectedToken"/>: returns a different token
    /// to retry with once, or null when no other token can be had (a fixed token).
    /// </summary>
    ValueTask<string?> RenewAfterRejectionAsync(HttpClient httpClient, string rejectedToken, CancellationToken cancellationToken);
}
