using Microsoft.Extensions.Http;

namespace Chanjing.Sdk.Internal;

/// <summary>
/// Appends <see cref="SingleSendHandler"/> to the Chanjing HttpClients after every other configuration has run
/// (including <c>ConfigureHttpClientDefaults</c> and handlers added to the builder after <c>AddChanjing</c>), so it is
/// the handler nearest the network and no handler the app adds can sit between it and the socket.
/// </summary>
internal sealed class SingleSendHandlerFilter : IHttpMessageHandlerBuilderFilter
{
    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        if (ChanjingServiceCollectionExtensions.IsChanjingClientName(builder.Name))
        {
            builder.AdditionalHandlers.Add(new SingleSendHandler());
        }
    };
}
