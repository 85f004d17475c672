namespace Chanjing.Sdk.Internal.Authentication;

/// <summary>A token and the moment it should be replaced.</summary>
internal sealed record TokenEntry(ChanjingAccessToken Token, DateTimeOffset RefreshAt);
