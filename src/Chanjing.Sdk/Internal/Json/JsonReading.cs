using System.Globalization;
using System.Text.Json;

namespace Chanjing.Sdk.Internal.Json;

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
            return LazyUriList.Empty;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            // Some endpoints report a single URL where others report a list: accept both.
            var single = value.GetString();
            return string.IsNullOrEmpty(single) ? LazyUriList.Empty
                : single!.Length <= LazyUriList.MaxLength ? new LazyUriList([single])
                : throw new FormatException($"The URL in '{name}' is {single.Length} characters long.");
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"Expected '{name}' to be an array of URLs but found {value.ValueKind}.");
        }

        var length = value.GetArrayLength();
        if (length == 0)
        {
            return LazyUriList.Empty;
        }

        // Filled in place (no list, no copy); trimmed only when the service sent empty or non-text items.
        var texts = new string[length];
        var count = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } text)
            {
                texts[count++] = text.Length <= LazyUriList.MaxLength ? text : throw new FormatException($"A URL in '{name}' is {text.Length} characters long.");
            }
        }

        if (count < length)
        {
            Array.Resize(ref texts, count);
        }

        return count == 0 ? LazyUriList.Empty : new LazyUriList(texts);
    }
}
