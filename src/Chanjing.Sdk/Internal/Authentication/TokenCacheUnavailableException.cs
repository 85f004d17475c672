namespace Chanjing.Sdk.Internal.Authentication;

/// <summary>The shared token store failed; the provider falls back to a token of its own. Never leaves the SDK.</summary>
internal sealed class TokenCacheUnavailableException(Exception inner) : Exception("The shared token cache failed.", inner);
