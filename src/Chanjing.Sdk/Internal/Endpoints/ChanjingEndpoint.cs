namespace Chanjing.Sdk.Internal.Endpoints;

/// <summary>One endpoint of the service: how to call it, which retry rules apply, and how to read its <c>data</c>.</summary>
/// <typeparam name="T">What the endpoint's <c>data</c> becomes.</typeparam>
/// <remarks><paramref name="fast"/>, when given, reads a 2xx body in one pass before the usual way (see <see cref="FastEnvelope{T}"/>).</remarks>
internal sealed class ChanjingEndpoint<T>(string operation, HttpMethod method, string path, RequestKind kind, bool authenticated, bool sensitive, Func<ServiceResponse, T> convert, FastEnvelopeReader<T>? fast = null)
{
    public string Operation { get; } = operation;

    public HttpMethod Method { get; } = method;

    /// <summary>The path relative to the base address.</summary>
    public string Path { get; } = path;

    public RequestKind Kind { get; } = kind;

    /// <summary>Converts a successful envelope; bound to a <see cref="FastEnvelope{T}"/> when the endpoint has a fast reader.</summary>
    public Func<ServiceResponse, T> Convert { get; } = fast is null ? convert : new FastEnvelope<T>(convert, fast).Convert;

    /// <summary>A call of this endpoint with an optional query (already escaped) and JSON body.</summary>
    public ChanjingRequest Call(string? query = null, byte[]? body = null) =>
        new(Method, query is null ? Path : Path + "?" + query, body, Kind, authenticated, Operation, sensitive);
}
