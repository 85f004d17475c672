using System.Net;
using System.Text;
using System.Text.Json;

namespace Chanjing.Sdk.Internal;

/// <summary>
/// A successful envelope: its <c>data</c> and trace id. <see cref="Data"/> lives only as long as this response:
/// converters copy what they keep (a task keeps a clone of its own object), so the body is not copied twice.
/// </summary>
internal sealed class ServiceResponse(JsonDocument document, JsonElement data, string? traceId, HttpStatusCode statusCode) : IDisposable
{
    public JsonElement Data { get; } = data;

    public string? TraceId { get; } = traceId;

    public HttpStatusCode StatusCode { get; } = statusCode;

    public void Dispose() => document.Dispose();
}
