using System.Text.Json;

namespace Chanjing.Sdk.Internal.Endpoints;

/// <summary>Reads service objects from JSON tolerantly: unknown fields ignored, nulls and odd types survived where harmless.</summary>
internal static class TaskReader
{
    public static CreationTask ReadTask(JsonElement element) => ReadTask(element, default);

    /// <summary>Reads a task; its RawJson is the slice of <paramref name="body"/> that holds it when the runtime can tell where that is.</summary>
    public static CreationTask ReadTask(JsonElement element, ReadOnlyMemory<byte> body)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"Expected a task object but found {element.ValueKind}.");
        }

        var id = JsonReading.GetString(element, "unique_id");
        if (string.IsNullOrEmpty(id))
        {
            throw new FormatException("The task object has no 'unique_id'.");
        }

        var createTime = JsonReading.GetInt64(element, "create_time");
        return new CreationTask(
            id!,
            new CreationTaskStatus(JsonReading.GetString(element, "progress_desc") ?? string.Empty),
            JsonReading.GetString(element, "err_msg"),
            JsonReading.GetUris(element, "output_url"),
            new CreationType((int)(JsonReading.GetInt64(element, "type") ?? 0)),
            JsonReading.GetString(element, "model_code"),
            JsonReading.GetString(element, "model_name"),
            createTime is { } seconds && seconds > 0 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null,
            JsonReading.GetString(element, "aspect_ratio"),
            JsonReading.GetUris(element, "ref_img_url"),
            JsonReading.GetInt64(element, "id"),
            (int?)JsonReading.GetInt64(element, "number_ai_creation"),
            element.TryGetProperty("motion_info", out var motion) && motion.ValueKind == JsonValueKind.Object ? ReadVideoSettings(motion) : null,
            element.TryGetProperty("photo_info", out var photo) && photo.ValueKind == JsonValueKind.Object ? ReadImageSettings(photo) : null,
            RawUtf8(element, body));
    }

    /// <summary>The element's own UTF-8 text: a slice of the response body when it lies in it, otherwise a copy.</summary>
    public static ReadOnlyMemory<byte> RawUtf8(JsonElement element, ReadOnlyMemory<byte> body)
    {
#if NET9_0_OR_GREATER
        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(element);
        if (!body.IsEmpty && body.Span.Overlaps(raw, out var offset) && offset >= 0 && offset + raw.Length <= body.Length)
        {
            return body.Slice(offset, raw.Length);
        }

        return raw.ToArray();
#else
        return System.Text.Encoding.UTF8.GetBytes(element.GetRawText());
#endif
    }

    public static string ReadTaskId(JsonElement data) => data.ValueKind == JsonValueKind.String && !string.IsNullOrEmpty(data.GetString())
        ? data.GetString()!
        : throw new FormatException($"Expected the new task id as a non-empty string in 'data' but found {data.ValueKind}.");

    private static VideoTaskSettings ReadVideoSettings(JsonElement e) => new(
        JsonReading.GetString(e, "ref_prompt"),
        (int)(JsonReading.GetInt64(e, "clarity") ?? 0),
        JsonReading.GetString(e, "aspect_ratio"),
        (int)(JsonReading.GetInt64(e, "video_duration") ?? 0),
        JsonReading.GetString(e, "quality_mode"),
        JsonReading.GetString(e, "style"),
        JsonReading.GetUris(e, "photo_path_url"));

    private static ImageTaskSettings ReadImageSettings(JsonElement e) => new(
        JsonReading.GetString(e, "ref_prompt"),
        (int)(JsonReading.GetInt64(e, "clarity") ?? 0),
        JsonReading.GetString(e, "aspect_ratio"),
        JsonReading.GetString(e, "quality_mode"),
        (int)(JsonReading.GetInt64(e, "number_of_images") ?? 0),
        JsonReading.GetUris(e, "ref_img_url"));
}
