using System.Net;

namespace Chanjing.Sdk.Internal.Http;

/// <summary>
/// The one answer of an SDK attempt, handed to every send of that attempt that a handler around the HttpClient made:
/// the first send's response and, for a hedge that <see cref="SingleSendHandler"/> did not let out, a copy whose content
/// reads the same body. The body belongs to no single response: it is disposed when the last response holding it is, so
/// whichever response a hedging handler keeps (and whichever it disposes) can still be read.
/// </summary>
internal sealed class SharedAnswer
{
    private readonly HttpContent _inner;
    private readonly HttpResponseMessage _first;
    private int _holders;

    private SharedAnswer(HttpResponseMessage first)
    {
        _first = first;
        _inner = first.Content;
    }

    /// <summary>Makes <paramref name="response"/>'s body shared: its content becomes the first lease on it.</summary>
    public static SharedAnswer Share(HttpResponseMessage response)
    {
        var answer = new SharedAnswer(response);
        answer._holders = 1;
        response.Content = new Lease(answer);
        return answer;
    }

    /// <summary>
    /// A response with the same status, headers and body for <paramref name="request"/>, or null when every response
    /// holding the body was disposed already (a handler that retries after disposing the first answer).
    /// </summary>
    public HttpResponseMessage? TryShare(HttpRequestMessage request)
    {
        while (true)
        {
            var holders = Volatile.Read(ref _holders);
            if (holders == 0)
            {
                return null;
            }

            if (Interlocked.CompareExchange(ref _holders, holders + 1, holders) == holders)
            {
                break;
            }
        }

        var copy = new HttpResponseMessage(_first.StatusCode)
        {
            Version = _first.Version,
            ReasonPhrase = _first.ReasonPhrase,
            RequestMessage = request,
            Content = new Lease(this),
        };
        foreach (var header in _first.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return copy;
    }

    private void Release()
    {
        if (Interlocked.Decrement(ref _holders) == 0)
        {
            _inner.Dispose();
        }
    }

    /// <summary>One response's hold on the shared body: reads go to the body, disposing releases the hold once.</summary>
    private sealed class Lease : HttpContent
    {
        private readonly SharedAnswer _answer;
        private int _released;

        public Lease(SharedAnswer answer)
        {
            _answer = answer;
            foreach (var header in answer._inner.Headers)
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => _answer._inner.CopyToAsync(stream);

        protected override Task<Stream> CreateContentReadStreamAsync() => _answer._inner.ReadAsStreamAsync();

#if NET8_0_OR_GREATER
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) => _answer._inner.CopyToAsync(stream, cancellationToken);

        protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken) => _answer._inner.CopyTo(stream, context, cancellationToken);

        protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) => _answer._inner.ReadAsStreamAsync(cancellationToken);

        protected override Stream CreateContentReadStream(CancellationToken cancellationToken) => _answer._inner.ReadAsStream(cancellationToken);
#endif

        protected override bool TryComputeLength(out long length)
        {
            // Content-Length, when the answer had one, was copied with the headers.
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && Interlocked.Exchange(ref _released, 1) == 0)
            {
                _answer.Release();
            }

            base.Dispose(disposing);
        }
    }
}
