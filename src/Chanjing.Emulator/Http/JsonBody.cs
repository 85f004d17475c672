using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Chanjing.Emulator.Http;

/// <summary>Request bodies: parsing, and the redacted text the journal keeps.</summary>
internal static class JsonBody
{
    // Chinese text (prompts, messages) stays readable in the journal: no \uXXXX escapes.
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject? TryParseObject(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The journal's text of a body: binary bodies summarized, <c>secret_key</c> replaced by <c>***</c>, a token request
    /// that is not a JSON object summarized (it may hold the secret in any form), and the configured secret never verbatim.
    /// </summary>
    public static string Redact(byte[] body, string? contentType, bool isTokenRequest, string secretKey)
    {
        if (body.Length == 0)
        {
            return string.Empty;
        }

        var json = TryParseObject(body);
        if (json is null && (isTokenRequest || (contentType is not null && !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))))
        {
            return $"({body.Length.ToString(CultureInfo.InvariantCulture)} bytes of {contentType ?? "unknown type"}{(isTokenRequest ? ", not a JSON object: not kept" : string.Empty)})";
        }

        if (json is not null && json.ContainsKey("secret_key"))
        {
            json["secret_key"] = "***";
        }

        var text = json?.ToJsonString(Readable) ?? Encoding.UTF8.GetString(body);
        return secretKey.Length > 0 ? text.Replace(secretKey, "***", StringComparison.Ordinal) : text;
    }
}
