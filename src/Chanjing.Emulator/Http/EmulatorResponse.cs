using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Chanjing.Emulator.Http;

/// <summary>A response the emulator is about to send (faults may still change how it is sent).</summary>
internal sealed record EmulatorResponse(int Status, string ContentType, byte[] Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public const string Json = "application/json; charset=utf-8";

    // Chinese messages as UTF-8 text, as the real service sends them, not \u escapes.
    private static readonly JsonSerializerOptions Utf8Text = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static EmulatorResponse Envelope(int code, string msg, JsonNode? data, int status = 200)
    {
        var envelope = new JsonObject
        {
            ["trace_id"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant(),
            ["code"] = code,
            ["msg"] = msg,
            ["data"] = data,
        };
        return new EmulatorResponse(status, Json, Encoding.UTF8.GetBytes(envelope.ToJsonString(Utf8Text)));
    }

    /// <summary>JSON text as the service writes it (Chinese as UTF-8 text, not escapes).</summary>
    public static string Text(JsonNode node) => node.ToJsonString(Utf8Text);

    public static EmulatorResponse Ok(JsonNode? data) => Envelope(0, "success", data);

    /// <summary>A path the gateway does not route: HTTP 404 with an envelope, as the real gateway answers.</summary>
    public static EmulatorResponse NotFound() => Envelope(404, "接口不存在", null, 404);

    public static EmulatorResponse Html(int status) => new(status, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(
        $"<html>\r\n<head><title>{status} Bad Gateway</title></head>\r\n<body>\r\n<center><h1>{status} Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"));

    public static string DefaultMessage(int code) => code switch
    {
        400 => "请求格式错误",
        10400 => "AccessToken验证失败",
        40000 => "参数错误",
        40001 => "请求超过QPS限制",
        50000 => "系统内部错误",
        _ => "emulated error",
    };
}
