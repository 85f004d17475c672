using System.Net;
using System.Text;
using System.Text.Json;

namespace Chanjing.Sdk.Internal.Http;

/// <summary>
/// The one place that turns an HTTP response into either a successful envelope or a typed exception
/// (the code → exception mapping, like Octokit's <c>Connection.HandleErrors</c>).
/// </summary>
internal static class ResponseReader
{
    private const int SnippetLength = 160;

    // sensitive: the body may hold credentials (a token or a signed URL), so no excerpt of it ever reaches a message.
    public static ServiceResponse Read(HttpStatusCode statusCode, TimeSpan? retryAfter, ReadOnlyMemory<byte> body, bool sensitive = false)
    {
        var code = (int)statusCode;
        var success = code is >= 200 and <= 299;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            // The parser's own message quotes the text it choked on, which may be a credential: it is not kept as the
            // inner exception; only where it stopped is.
            var where = $" (invalid at byte {ex.BytePositionInLine?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"})";
            throw success
                ? Malformed(body.Length == 0 ? "The response body was empty." : "The response body was not valid JSON (it may have been truncated)" + where + ": " + Excerpt(body, sensitive), null, statusCode, null)
                : HttpFailure(statusCode, retryAfter, body, null, sensitive);
        }

        try
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("code", out var codeElement) || !TryGetInt(codeElement, out var serviceCode))
            {
                throw success
                    ? Malformed("The response was not a Chanjing envelope (no numeric 'code'): " + Excerpt(body, sensitive), null, statusCode, null)
                    : HttpFailure(statusCode, retryAfter, body, null, sensitive);
            }

            var traceId = root.TryGetProperty("trace_id", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            var msg = root.TryGetProperty("msg", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            if (serviceCode != 0)
            {
                throw FromCode(serviceCode, msg, traceId, statusCode, retryAfter);
            }

            if (!success)
            {
                throw HttpFailure(statusCode, retryAfter, body, null, sensitive);
            }

            var data = root.TryGetProperty("data", out var d) ? d : default;
            return new ServiceResponse(document, data, traceId, statusCode, body);
        }
        catch (InvalidOperationException ex)
        {
            // JsonDocument checks the UTF-8 inside a string only when it is read (trace_id, msg): invalid text is a malformed body.
            document.Dispose();
            throw success
                ? Malformed("The response body was not valid UTF-8 JSON: " + Excerpt(body, sensitive), null, statusCode, ex)
                : HttpFailure(statusCode, retryAfter, body, ex, sensitive);
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    /// <summary>Maps a non-zero body code to its exception type.</summary>
    public static ChanjingException FromCode(int code, string? msg, string? traceId, HttpStatusCode? statusCode, TimeSpan? retryAfter = null)
    {
        var message = $"Chanjing returned code {code}: {msg ?? "(no message)"}" + (traceId is null ? string.Empty : $" (trace id {traceId})");
        return code switch
        {
            400 => new ChanjingBadRequestException(message, msg, traceId, statusCode) { RetryAfter = retryAfter },
            // A 10400 is refused before processing: nothing was created, so even a submit may be repeated with a new token.
            10400 => new ChanjingAuthenticationException(message, code, msg, traceId, statusCode) { RetryAfter = retryAfter, Outcome = SendOutcome.NotProcessed },
            40000 => new ChanjingInvalidParameterException(message, msg, traceId, statusCode) { RetryAfter = retryAfter },
            40001 => new ChanjingRateLimitException(message, msg, traceId, statusCode) { RetryAfter = retryAfter, Outcome = SendOutcome.NotProcessed },
            50000 => new ChanjingServerException(message, msg, traceId, statusCode) { RetryAfter = retryAfter },
            _ => new ChanjingException(message, code, msg, traceId, statusCode, isTransient: false) { RetryAfter = retryAfter },
        };
    }

    /// <summary>A non-2xx response without a Chanjing envelope, such as a proxy's HTML 502 page.</summary>
    public static ChanjingException HttpFailure(HttpStatusCode statusCode, TimeSpan? retryAfter, ReadOnlyMemory<byte> body, Exception? inner, bool sensitive = false)
    {
        var code = (int)statusCode;
        var snippet = body.Length == 0 ? "(empty body)" : Excerpt(body, sensitive);
        return new ChanjingException($"Chanjing answered HTTP {code} ({statusCode}) without a Chanjing envelope: {snippet}", null, null, null, statusCode, TransientRules.IsTransientStatus(statusCode), inner)
        {
            RetryAfter = retryAfter,
            // A 429 comes from a gateway that refused the request before the service saw it.
            Outcome = SendRules.NotProcessedIf(code == 429),
        };
    }

    /// <summary>A 2xx response whose body or <c>data</c> could not be understood.</summary>
    public static ChanjingException Malformed(string message, string? traceId, HttpStatusCode? statusCode, Exception? inner) =>
        // A body cut short is most often a network or proxy failure: reading again may succeed.
        new(message + (traceId is null ? string.Empty : $" (trace id {traceId})"), null, null, traceId, statusCode, isTransient: true, inner);

    /// <summary>An excerpt for a message: none at all for a body that may hold credentials, otherwise a scrubbed <see cref="Snippet"/>.</summary>
    public static string Excerpt(ReadOnlyMemory<byte> body, bool sensitive) => sensitive
        ? $"({body.Length} bytes, not shown: this response carries credentials)"
        : SecretScrubber.Scrub(Snippet(body));

    /// <summary>A single-line, bounded excerpt of a body for messages.</summary>
    public static string Snippet(ReadOnlyMemory<byte> body)
    {
        var length = Math.Min(body.Length, SnippetLength * 4);
        var text = Encoding.UTF8.GetString(body.Span.Slice(0, length).ToArray());
        var builder = new StringBuilder(Math.Min(text.Length, SnippetLength));
        var lastWasSpace = false;
        foreach (var c in text)
        {
            var space = char.IsWhiteSpace(c) || char.IsControl(c);
            if (space && lastWasSpace)
            {
                continue;
            }

            builder.Append(space ? ' ' : c);
            lastWasSpace = space;
            if (builder.Length >= SnippetLength)
            {
                break;
            }
        }

        var result = builder.ToString().Trim();
        return result.Length < text.Trim().Length || body.Length > length ? result + "…" : result;
    }

    private static bool TryGetInt(JsonElement element, out int value)
    {
        value = 0;
        return element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out value);
    }
}
