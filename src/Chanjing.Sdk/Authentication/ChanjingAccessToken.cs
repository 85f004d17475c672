namespace Chanjing.Sdk;

/// <summary>An access token and its absolute expiry, as kept in an <see cref="IChanjingTokenCache"/>.</summary>
public sealed class ChanjingAccessToken
{
    /// <summary>Creates a token.</summary>
    /// <param name="value">The token text.</param>
    /// <param name="expiresAt">When the service stops accepting it (<c>expire_in</c>).</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null or empty.</exception>
    public ChanjingAccessToken(string value, DateTimeOffset expiresAt)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException("The token value must not be null or empty.", nameof(value));
        }

        Value = value;
        ExpiresAt = expiresAt;
    }

    /// <summary>The token text, sent in the <c>access_token</c> header. Keep it secret.</summary>
    public string Value { get; }

    /// <summary>When the service stops accepting the token.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>Describes the token without revealing it.</summary>
    public override string ToString() => $"ChanjingAccessToken {{ Value=***, ExpiresAt={ExpiresAt:O} }}";
}
