using System.Globalization;
using System.Text.Json;

namespace Chanjing.Sdk.Internal;

/// <summary>Tolerant JSON accessors shared by every reader: unknown fields ignored, nulls and numbers-as-strings survived where harmless.</summary>
internal static class JsonReading
{
    public static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => throw new FormatException($"Expected '{name}' to be a string but found {value.ValueKind}."),
        } : null;

    public static long? GetInt64(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var n) => n,
            JsonValueKind.Number => (long)value.GetDouble(),
            JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.String when string.IsNullOrEmpty(value.GetString()) => null,
            _ => throw new FormatException($"Expected '{name}' to be a number but found {value.ValueKind}."),
        };
    }

    public static bool TryGetObject(JsonElement element, string name, out JsonElement value) =>
        element.TryGetProperty(name, out value) && value.ValueKind == JsonValueKind.Object;

    public static IReadOnlyList<Uri> GetUris(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return [];
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            // Some endpoints report a single URL where others report a list: accept both.
            return string.IsNullOrEmpty(value.GetString()) ? [] : [ToUri(value.GetString()!)];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"Expected '{name}' to be an array of URLs but found {value.ValueKind}.");
        }

        var list = new List<Uri>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && !string.IsNullOrEmpty(item.GetString()))
            {
                list.Add(ToUri(item.GetString()!));
            }
        }

        return list;
    }

    private static Uri ToUri(string text) => Uri.TryCreate(text, UriKind.Absolute, out var absolute) ? absolute : new Uri(text, UriKind.RelativeOrAbsolute);
}
