using Microsoft.Extensions.Http;

namespace Chanjing.Sdk.Internal.Http;

/// <summary>
/// Wraps the primary handler of the Chanjing HttpClients in <see cref="SingleSendHandler"/> after every other
/// configuration has run (including <c>ConfigureHttpClientDefaults</c>, handlers added to the builder after
/// <c>AddChanjing</c>, and IHttpClientFactory's own logging handlers, which are additional handlers above the primary),
/// so it is the handler nearest the network and no handler can sit between it and the socket.
/// </summary>
internal sealed class SingleSendHandlerFilter : IHttpMessageHandlerBuilderFilter
{
    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        if (ChanjingServiceCollectionExtensions.IsChanjingClientName(builder.Name))
        {
            // No automatic redirects: the access_token header would follow them to another host. Downloads follow
            // redirects themselves, without the token.
            switch (builder.PrimaryHandler)
            {
                case HttpClientHandler handler:
                    handler.AllowAutoRedirect = false;
                    break;
#if NET8_0_OR_GREATER
                case SocketsHttpHandler sockets:
                    sockets.AllowAutoRedirect = false;
                    break;
#endif
            }

            builder.PrimaryHandler = new SingleSendHandler { InnerHandler = builder.PrimaryHandler };
        }
    };
}
