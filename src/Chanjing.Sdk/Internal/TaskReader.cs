using System.Globalization;
using System.Text.Json;

namespace Chanjing.Sdk.Internal;

/// <summary>Reads service objects from JSON tolerantly: unknown fields ignored, nulls and odd types survived where harmless.</summary>
internal static class TaskReader
{
    public static CreationTask ReadTask(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"Expected a task object but found {element.ValueKind}.");
        }

        var id = GetString(element, "unique_id");
        if (string.IsNullOrEmpty(id))
        {
            throw new FormatException("The task object has no 'unique_id'.");
        }

        var createTime = GetInt64(element, "create_time");
        return new CreationTask(
            id!,
            new CreationTaskStatus(GetString(element, "progress_desc") ?? string.Empty),
            GetString(element, "err_msg"),
            GetUris(element, "output_url"),
            new CreationType((int)(GetInt64(element, "type") ?? 0)),
            GetString(element, "model_code"),
            GetString(element, "model_name"),
            createTime is { } seconds && seconds > 0 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null,
            GetString(element, "aspect_ratio"),
            GetUris(element, "ref_img_url"),
            GetInt64(element, "id"),
            (int?)GetInt64(element, "number_ai_creation"),
            element.TryGetProperty("motion_info", out var motion) && motion.ValueKind == JsonValueKind.Object ? ReadVideoSettings(motion) : null,
            element.TryGetProperty("photo_info", out var photo) && photo.ValueKind == JsonValueKind.Object ? ReadImageSettings(photo) : null,
            element.Clone());
    }

    public static string ReadTaskId(JsonElement data) => data.ValueKind == JsonValueKind.String && !string.IsNullOrEmpty(data.GetString())
        ? data.GetString()!
        : throw new FormatException($"Expected the new task id as a non-empty string in 'data' but found {data.ValueKind}.");

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

    private static VideoTaskSettings ReadVideoSettings(JsonElement e) => new(
        GetString(e, "ref_prompt"),
        (int)(GetInt64(e, "clarity") ?? 0),
        GetString(e, "aspect_ratio"),
        (int)(GetInt64(e, "video_duration") ?? 0),
        GetString(e, "quality_mode"),
        GetString(e, "style"),
        GetUris(e, "photo_path_url"));

    private static ImageTaskSettings ReadImageSettings(JsonElement e) => new(
        GetString(e, "ref_prompt"),
        (int)(GetInt64(e, "clarity") ?? 0),
        GetString(e, "aspect_ratio"),
        GetString(e, "quality_mode"),
        (int)(GetInt64(e, "number_of_images") ?? 0),
        GetUris(e, "ref_img_url"));
}
