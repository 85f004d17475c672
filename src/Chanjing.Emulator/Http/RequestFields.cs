using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Chanjing.Emulator.Http;

/// <summary>
/// Typed reads of a JSON body's fields for the product validators (lip-sync, avatar design): each returns null when
/// the field is absent or JSON null and throws <see cref="RequestRefusedException"/> (a <c>msg</c> the endpoint answers
/// with code 40000) when it has the wrong type or is out of range.
/// </summary>
internal static class RequestFields
{
    public static string? String(JsonObject json, string name) => json[name] switch
    {
        null => null,
        var node when node.GetValueKind() == JsonValueKind.String => (string)node!,
        _ => throw Refuse($"参数错误: {name} 应为字符串"),
    };

    /// <summary>A string field that must be present and not blank.</summary>
    public static string Required(JsonObject json, string name) =>
        String(json, name) is { } value && value.Trim().Length > 0 ? value : throw Refuse($"参数错误: {name} 必填");

    /// <summary>A string field of at most <paramref name="maxLength"/> characters.</summary>
    public static string? Text(JsonObject json, string name, int maxLength) =>
        String(json, name) is { } value && value.Length > maxLength
            ? throw Refuse($"参数错误: {name} 长度不能超过{maxLength.ToString(CultureInfo.InvariantCulture)}")
            : String(json, name);

    public static bool? Bool(JsonObject json, string name) => json[name] switch
    {
        null => null,
        var node when node.GetValueKind() is JsonValueKind.True or JsonValueKind.False => (bool)node!,
        _ => throw Refuse($"参数错误: {name} 应为布尔值"),
    };

    public static double? Number(JsonObject json, string name) => json[name] switch
    {
        null => null,
        var node when node.GetValueKind() == JsonValueKind.Number => (double)node!,
        _ => throw Refuse($"参数错误: {name} 应为数字"),
    };

    public static int? Int(JsonObject json, string name, int min, int max)
    {
        var node = json[name];
        if (node is null)
        {
            return null;
        }

        return node.GetValueKind() == JsonValueKind.Number && node.AsValue().TryGetValue<double>(out var value) && value == Math.Floor(value) && value >= min && value <= max
            ? (int)value
            : throw Refuse($"参数错误: {name} 应为 {min.ToString(CultureInfo.InvariantCulture)}-{max.ToString(CultureInfo.InvariantCulture)} 的整数");
    }

    /// <summary>An absolute http(s) URL, or null when absent.</summary>
    public static Uri? Url(JsonObject json, string name) =>
        String(json, name) is not { } text ? null
        : IsHttpUrl(text, out var url) ? url
        : throw Refuse($"参数错误: {name} 应为 http(s) 链接");

    public static bool IsHttpUrl(string text, out Uri url) =>
        Uri.TryCreate(text, UriKind.Absolute, out url!) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);

    public static RequestRefusedException Refuse(string message) => new(message);
}

/// <summary>A create body the emulator refuses; the message is the <c>msg</c> of the code-40000 answer.</summary>
internal sealed class RequestRefusedException(string message) : Exception(message);
