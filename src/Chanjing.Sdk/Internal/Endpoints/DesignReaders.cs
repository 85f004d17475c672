using System.Text.Json;

namespace Chanjing.Sdk.Internal.Endpoints;

/// <summary>Reads lip-sync videos and avatar-design tasks, tolerating missing fields and both list shapes.</summary>
internal static class DesignReaders
{
    public static LipSyncVideo ReadLipSync(JsonElement data, ReadOnlyMemory<byte> body = default)
    {
        var id = Id(data, "id", "lip-sync video");
        var ms = JsonReading.GetInt64(data, "duration");
        var progress = JsonReading.GetInt64(data, "progress");
        return new LipSyncVideo(
            id,
            new LipSyncStatus(JobPages.Status(data, "status", -1)),
            progress is { } p ? (int)Math.Max(0, Math.Min(100, p)) : null,
            JsonReading.GetString(data, "msg"),
            JobPages.Url(data, "video_url"),
            JobPages.Url(data, "preview_url"),
            ms is > 0 ? TimeSpan.FromMilliseconds(ms.Value) : null,
            JobPages.UnixSeconds(data, "create_time"),
            LazyJson.Of(data, body));
    }

    public static AvatarPhotoTask ReadPhoto(JsonElement data, ReadOnlyMemory<byte> body = default)
    {
        var (id, type, status, error, outputs, queue) = Common(data);
        var ratio = data.TryGetProperty("aspect_ratio", out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number ? (value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()) : null;
        return new AvatarPhotoTask(id, type, status, error, outputs, queue, ratio, LazyJson.Of(data, body));
    }

    public static AvatarMotionTask ReadMotion(JsonElement data, ReadOnlyMemory<byte> body = default)
    {
        var (id, type, status, error, outputs, queue) = Common(data);
        return new AvatarMotionTask(id, type, status, error, outputs, queue, LazyJson.Of(data, body));
    }

    /// <summary>An item of <c>aigc/photo/task/page</c>: a photo task (type 1) or a motion task (type 2).</summary>
    public static AvatarDesignTask ReadDesignTask(JsonElement data, ReadOnlyMemory<byte> body = default) =>
        JsonReading.GetInt64(data, "type") == 2 ? ReadMotion(data, body) : ReadPhoto(data, body);

    /// <summary>The photo task list: a plain array in <c>data</c> (what Chanjing's scripts read) or <c>{list, page_info}</c>.</summary>
    public static JobPage<AvatarDesignTask> ReadDesignPage(JsonElement data, ReadOnlyMemory<byte> body = default)
    {
        if (data.ValueKind == JsonValueKind.Array)
        {
            return new JobPage<AvatarDesignTask>(data.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object && JsonReading.GetString(e, "unique_id") is { Length: > 0 }).Select(e => ReadDesignTask(e, body)).ToArray(), null, null);
        }

        if (data.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return new JobPage<AvatarDesignTask>([], null, null);
        }

        return JobPages.Read(data, "avatar design task", e => ReadDesignTask(e, body), "unique_id");
    }

    public static AvatarLoraTask ReadLora(JsonElement data, ReadOnlyMemory<byte> body = default)
    {
        var id = Id(data, "lora_id", "LoRA task");
        var photos = new List<string>();
        if (data.TryGetProperty("photo_task_ids", out var ids) && ids.ValueKind == JsonValueKind.Array)
        {
            photos.AddRange(ids.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String && e.GetString() is { Length: > 0 }).Select(e => e.GetString()!));
        }

        return new AvatarLoraTask(id, new AvatarDesignStatus(JsonReading.GetString(data, "status") ?? string.Empty), JsonReading.GetString(data, "err_msg"), photos, LazyJson.Of(data, body));
    }

    public static string ReadLoraId(JsonElement data, ReadOnlyMemory<byte> body = default) =>
        data.ValueKind == JsonValueKind.Object && JsonReading.GetString(data, "lora_id") is { Length: > 0 } id && !Guard.HasControl(id)
            ? id
            : JobPages.ReadId(data, "LoRA task");

    private static (string Id, int? Type, AvatarDesignStatus Status, string? Error, IReadOnlyList<Uri> Outputs, int? Queue) Common(JsonElement data)
    {
        var id = Id(data, "unique_id", "avatar design task");
        var type = JsonReading.GetInt64(data, "type");
        var queue = JsonReading.GetInt64(data, "waiting_num");
        var outputs = JsonReading.GetUris(data, "output_url").Where(u => u.IsAbsoluteUri && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps)).ToArray();
        return (id, type is { } t ? (int)t : null, new AvatarDesignStatus(JsonReading.GetString(data, "progress_desc") ?? string.Empty), JsonReading.GetString(data, "err_msg"), outputs, queue is { } q ? (int)q : null);
    }

    private static string Id(JsonElement data, string name, string what)
    {
        if (data.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"Expected the {what} object in 'data' but found {data.ValueKind}.");
        }

        return JsonReading.GetString(data, name) is { Length: > 0 } id ? id : throw new FormatException($"The {what} object has no '{name}'.");
    }
}
