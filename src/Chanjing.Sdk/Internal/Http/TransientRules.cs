using System.Net;
using System.Net.Sockets;

namespace Chanjing.Sdk.Internal.Http;

/// <summary>The rules that say whether a failure may pass if tried again, and whether a request certainly never left: defined once, used by every call.</summary>
internal static class TransientRules
{
    /// <summary>HTTP statuses worth another try: 408, 429 and every 5xx.</summary>
    public static bool IsTransientStatus(HttpStatusCode statusCode) => (int)statusCode is 408 or 429 or >= 500;

    /// <summary>A connection that could not be opened: the request was certainly not sent.</summary>
    public static bool IsConnectFailure(HttpRequestException ex)
    {
#if NET8_0_OR_GREATER
        if (ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            return true;
        }
#endif
        for (Exception? inner = ex.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.TryAgain })
            {
                return true;
            }

            // .NET Framework's HttpClientHandler reports connect failures as WebException, not SocketException.
            if (inner is WebException { Status: WebExceptionStatus.ConnectFailure or WebExceptionStatus.NameResolutionFailure or WebExceptionStatus.ProxyNameResolutionFailure })
            {
                return true;
            }
        }

        return false;
    }
}
