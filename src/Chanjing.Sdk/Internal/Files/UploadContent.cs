using System.Net;

namespace Chanjing.Sdk.Internal.Files;

/// <summary>
/// The body of an upload PUT: the source stream, copied as the HttpClient takes it. Not a <see cref="StreamContent"/>,
/// which a hedging handler (Microsoft.Extensions.Http.Resilience) refuses to snapshot, failing every upload before it is
/// sent; this one it snapshots, and <see cref="SingleSendHandler"/> keeps the hedge from sending it a second time.
/// </summary>
internal sealed class UploadContent(Stream source, int bufferSize) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => source.CopyToAsync(stream, bufferSize);

#if NET8_0_OR_GREATER
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) => source.CopyToAsync(stream, bufferSize, cancellationToken);
#endif

    protected override bool TryComputeLength(out long length)
    {
        // Content-Length is set by the caller when the length is known; otherwise the body is sent chunked.
        length = 0;
        return false;
    }
}
