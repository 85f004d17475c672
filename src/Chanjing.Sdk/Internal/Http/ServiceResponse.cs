using System.Net;
using System.Text;
using System.Text.Json;

namespace Chanjing.Sdk.Internal.Http;

/// <summary>
/// A successful envelope: its <c>data</c> and trace id. <see cref="Data"/> lives only as long as this response, but
/// <see cref="Body"/> (a buffer the SDK allocated for this response alone) outlives it: a task keeps the slice of it
/// that holds its own object instead of a copy.
/// </summary>
internal sealed class ServiceResponse(JsonDocument document, JsonElement data, string? traceId, HttpStatusCode statusCode, ReadOnlyMemory<byte> body = default) : IDisposable
{
    /// <summary>The whole body, never reused by the SDK after this response.</summary>
    public ReadOnlyMemory<byte> Body { get; } = body;

    public JsonElement Data { get; } = data;

    public string? TraceId { get; } = traceId;

    public HttpStatusCode StatusCode { get; } = statusCode;

    public void Dispose() => document.Dispose();
}
