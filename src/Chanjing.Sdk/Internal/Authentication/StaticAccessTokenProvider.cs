namespace Chanjing.Sdk.Internal.Authentication;

/// <summary>The fixed <see cref="ChanjingOptions.AccessToken"/>: never refreshed.</summary>
internal sealed class StaticAccessTokenProvider(string token) : IAccessTokenProvider
{
    public ValueTask<string> GetAccessTokenAsync(HttpClient httpClient, CancellationToken cancellationToken) => new(token);

    public ValueTask<string?> RenewAfterRejectionAsync(HttpClient httpClient, string rejectedToken, CancellationToken cancellationToken) => new((string?)null);
}
