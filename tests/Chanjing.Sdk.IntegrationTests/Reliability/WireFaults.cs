using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Chanjing.Emulator;

namespace Chanjing.Sdk.IntegrationTests.Reliability;

/// <summary>What the wire does to the answers of one endpoint, for faults the emulator cannot script itself.</summary>
internal enum WireFault
{
    None,

    /// <summary>A 200 whose body is empty (Content-Length 0).</summary>
    EmptyBody,

    /// <summary>The envelope as sent, with <c>data</c> replaced by a number (wrong type for every endpoint).</summary>
    WrongTypeData,

    /// <summary>A 200 that declares (and sends) a 17 MB body.</summary>
    OversizedBody,

    /// <summary>Adds <c>Retry-After: 2</c> to a 429 answer.</summary>
    RetryAfter,

    /// <summary>The request is sent to a port where nothing listens (connection refused).</summary>
    Refuse,
}

/// <summary>
/// The network between the client and the emulator, as the primary handler: applies a <see cref="WireFault"/> to the
/// target endpoint (a set number of times), and records every credential the client saw on the wire (access tokens
/// sent, token and upload-URL bodies received, signed PUT URLs) so tests can prove none of it leaks.
/// </summary>
internal sealed class WireFaults : DelegatingHandler
{
    public const int OversizedBytes = 17 * 1024 * 1024;
    private static readonly Regex SecretValues = new("\"(?:access_token|sign_url)\"\\s*:\\s*\"([^\"]*)", RegexOptions.CultureInvariant);

    private readonly object _gate = new();
    private readonly HashSet<string> _secrets = new(StringComparer.Ordinal);
    private readonly Uri? _refusedAt;
    private EmulatorEndpoint _target;
    private WireFault _fault;
    private int _remaining;

    public WireFaults(Uri? refusedAt = null)
        : base(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) }) => _refusedAt = refusedAt;

    /// <summary>Applies <paramref name="fault"/> to the next <paramref name="count"/> requests to <paramref name="target"/>.</summary>
    public void Arm(EmulatorEndpoint target, WireFault fault, int count)
    {
        _target = target;
        _fault = fault;
        Volatile.Write(ref _remaining, count);
    }

    /// <summary>Credential values (and their 8-character prefixes) the client sent or received.</summary>
    public IReadOnlyCollection<string> Secrets
    {
        get
        {
            lock (_gate)
            {
                return [.. _secrets];
            }
        }
    }

    public static EmulatorEndpoint Classify(HttpRequestMessage request) => (request.Method.Method, request.RequestUri!.AbsolutePath) switch
    {
        ("POST", "/open/v1/access_token") => EmulatorEndpoint.AccessToken,
        ("POST", "/open/v1/ai_creation/task/submit") => EmulatorEndpoint.Submit,
        ("GET", "/open/v1/ai_creation/task") => EmulatorEndpoint.GetTask,
        ("POST", "/open/v1/ai_creation/task/page") => EmulatorEndpoint.ListTasks,
        ("GET", "/open/v1/common/create_upload_url") => EmulatorEndpoint.CreateUploadUrl,
        ("GET", "/open/v1/common/file_detail") => EmulatorEndpoint.FileDetail,
        ("PUT", var p) when p.StartsWith("/upload/", StringComparison.Ordinal) => EmulatorEndpoint.UploadPut,
        ("GET" or "HEAD", var p) when p.StartsWith("/files/", StringComparison.Ordinal) => EmulatorEndpoint.Download,
        _ => EmulatorEndpoint.Unknown,
    };

    /// <summary>A loopback port with a bound socket that never listens: a connection to it is refused, and no other test can take the port meanwhile.</summary>
    public static Socket ClosedPort(out Uri address)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        address = new Uri($"http://127.0.0.1:{((IPEndPoint)socket.LocalEndPoint!).Port}/");
        return socket;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var endpoint = Classify(request);
        if (request.Headers.TryGetValues("access_token", out var tokens))
        {
            foreach (var token in tokens)
            {
                Remember(token);
            }
        }

        if (endpoint == EmulatorEndpoint.UploadPut && !string.IsNullOrEmpty(request.RequestUri!.Query))
        {
            Remember(request.RequestUri.Query.TrimStart('?'));
            foreach (var part in request.RequestUri.Query.TrimStart('?').Split('&'))
            {
                Remember(part[(part.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            }
        }

        var fault = endpoint == _target && Interlocked.Decrement(ref _remaining) >= 0 ? _fault : WireFault.None;
        if (fault == WireFault.Refuse)
        {
            request.RequestUri = new Uri(_refusedAt!, request.RequestUri!.PathAndQuery);
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (endpoint is EmulatorEndpoint.AccessToken or EmulatorEndpoint.CreateUploadUrl)
        {
            response.Content = new TeeContent(response.Content, Observe);
        }

        switch (fault)
        {
            case WireFault.EmptyBody:
                return Replace(response, HttpStatusCode.OK, new ByteArrayContent([]));
            case WireFault.OversizedBody:
                return Replace(response, HttpStatusCode.OK, new OversizedContent());
            case WireFault.WrongTypeData when IsJson(response):
                var node = JsonNode.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
                if (node is JsonObject envelope && envelope.ContainsKey("data"))
                {
                    envelope["data"] = 12345;
                }

                var content = new StringContent(node?.ToJsonString() ?? "null", Encoding.UTF8, "application/json");
                return Replace(response, response.StatusCode, content);
            case WireFault.RetryAfter when response.StatusCode == HttpStatusCode.TooManyRequests:
                response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(2));
                return response;
            default:
                return response;
        }
    }

    private static bool IsJson(HttpResponseMessage response) => response.Content.Headers.ContentType?.MediaType == "application/json";

    private static HttpResponseMessage Replace(HttpResponseMessage original, HttpStatusCode status, HttpContent content)
    {
        var replaced = new HttpResponseMessage(status) { Content = content, RequestMessage = original.RequestMessage, Version = original.Version };
        original.Dispose();
        return replaced;
    }

    private void Observe(byte[] body)
    {
        foreach (Match match in SecretValues.Matches(Encoding.UTF8.GetString(body)))
        {
            var value = match.Groups[1].Value;
            if (!value.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            {
                Remember(value);
            }

            var query = value.IndexOf('?', StringComparison.Ordinal);
            if (query >= 0)
            {
                Remember(value[(query + 1)..]);
            }
        }
    }

    private void Remember(string value)
    {
        if (value.Length < 8)
        {
            return;
        }

        lock (_gate)
        {
            _secrets.Add(value.Length > 8 ? value[..8] : value);
        }
    }

    /// <summary>Passes the body through as it streams, and hands what went through (up to 64 KB) to an observer at the end.</summary>
    private sealed class TeeContent : HttpContent
    {
        private readonly HttpContent _inner;
        private readonly Action<byte[]> _observe;

        public TeeContent(HttpContent inner, Action<byte[]> observe)
        {
            _inner = inner;
            _observe = observe;
            foreach (var header in inner.Headers)
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            using var source = await _inner.ReadAsStreamAsync().ConfigureAwait(false);
            await source.CopyToAsync(stream).ConfigureAwait(false);
        }

        protected override async Task<Stream> CreateContentReadStreamAsync() =>
            new TeeStream(await _inner.ReadAsStreamAsync().ConfigureAwait(false), _observe);

        protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
            new TeeStream(await _inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), _observe);

        protected override bool TryComputeLength(out long length)
        {
            length = _inner.Headers.ContentLength ?? -1;
            return length >= 0;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    private sealed class TeeStream(Stream inner, Action<byte[]> observe) : Stream
    {
        private readonly MemoryStream _seen = new();
        private bool _observed;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Seen(buffer.AsSpan(offset), inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            return Seen(buffer.Span, read);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Flush(end: true);
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private int Seen(Span<byte> buffer, int read)
        {
            if (read > 0 && _seen.Length < 64 * 1024)
            {
                _seen.Write(buffer[..read]);
            }

            if (read == 0)
            {
                Flush(end: true);
            }

            return read;
        }

        private void Flush(bool end)
        {
            if (end && !_observed)
            {
                _observed = true;
                observe(_seen.ToArray());
            }
        }
    }

    /// <summary>A body of <see cref="OversizedBytes"/> bytes, with that Content-Length.</summary>
    private sealed class OversizedContent : HttpContent
    {
        public OversizedContent() => Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => new OversizedStream().CopyToAsync(stream);

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new OversizedStream());

        protected override bool TryComputeLength(out long length)
        {
            length = OversizedBytes;
            return true;
        }
    }

    private sealed class OversizedStream : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var left = OversizedBytes - _position;
            var n = (int)Math.Min(count, left);
            buffer.AsSpan(offset, n).Fill((byte)(_position == 0 ? '{' : 'a'));
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
