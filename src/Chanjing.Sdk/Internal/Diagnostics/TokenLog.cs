using Microsoft.Extensions.Logging;

namespace Chanjing.Sdk.Internal.Diagnostics;

/// <summary>Log events of access tokens (event ids 2000-2099). Never the token or the secret key.</summary>
internal static partial class TokenLog
{
    [LoggerMessage(EventId = 2001, EventName = "TokenFetched", Level = LogLevel.Debug, Message = "Fetched a Chanjing access token valid until {ExpiresAt:O}.")]
    public static partial void TokenFetched(ILogger logger, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 2002, EventName = "TokenExpiryNotInFuture", Level = LogLevel.Warning, Message = "Chanjing issued a token whose expire_in ({ExpiresAt:O}) is not in the future; check the clock. It is used once and fetched again on the next call.")]
    public static partial void TokenExpiryNotInFuture(ILogger logger, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 2003, EventName = "TokenCacheFailed", Level = LogLevel.Warning, Message = "The Chanjing token cache failed ({Error}); using a token fetched directly.")]
    public static partial void TokenCacheFailed(ILogger logger, Exception? exception, string? error);

    [LoggerMessage(EventId = 2004, EventName = "LeaseNotReleased", Level = LogLevel.Warning, Message = "Chanjing token refresh lease was not released in {LeaseTime}; fetching a token anyway.")]
    public static partial void LeaseNotReleased(ILogger logger, TimeSpan leaseTime);

    [LoggerMessage(EventId = 2005, EventName = "LeaseReleaseFailed", Level = LogLevel.Warning, Message = "The Chanjing token cache failed to release the refresh lease ({Error}); it expires by itself.")]
    public static partial void LeaseReleaseFailed(ILogger logger, Exception? exception, string? error);

    [LoggerMessage(EventId = 2006, EventName = "SharedFetchStarterDisposed", Level = LogLevel.Debug, Message = "A shared Chanjing token fetch ended because the client that started it was disposed; fetching again.")]
    public static partial void SharedFetchStarterDisposed(ILogger logger);
}
