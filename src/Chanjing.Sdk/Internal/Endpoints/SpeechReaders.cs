using System.Text.Json;

namespace Chanjing.Sdk.Internal.Endpoints;

/// <summary>Reads speech tasks, public voices and voice clones, tolerating missing fields and both timeline units.</summary>
internal static class SpeechReaders
{
    public static string ReadTaskId(JsonElement data, ReadOnlyMemory<byte> body = default) =>
        data.ValueKind == JsonValueKind.Object && JsonReading.GetString(data, "task_id") is { Length: > 0 } id && !Guard.HasControl(id)
            ? id
            // Tolerated: a bare string, as the other products' creates answer.
            : JobPages.ReadId(data, "speech task");

    public static SpeechTask ReadSpeechTask(JsonElement data, ReadOnlyMemory<byte> body = default)
    {
        if (data.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"Expected the speech task object in 'data' but found {data.ValueKind}.");
        }

        var id = JsonReading.GetString(data, "id") is { Length: > 0 } text ? text : throw new FormatException("The speech task object has no 'id'.");
        Uri? url = null;
        double? seconds = null;
        if (JsonReading.TryGetObject(data, "full", out var full))
        {
            url = JobPages.Url(full, "url");
            seconds = Seconds(full, "duration");
        }

        var duration = seconds is > 0 ? TimeSpan.FromSeconds(seconds.Value) : (TimeSpan?)null;
        return new SpeechTask(
            id,
            new SpeechTaskStatus(JobPages.Status(data, "status", 0)),
            JsonReading.GetString(data, "errMsg"),
            JsonReading.GetString(data, "errReason"),
            url,
            duration,
            Timeline(data, duration),
            LazyJson.Of(data, body));
    }

    public static PublicVoice ReadPublicVoice(JsonElement item, ReadOnlyMemory<byte> body = default)
    {
        var grade = JsonReading.GetInt64(item, "grade");
        return new PublicVoice(JsonReading.GetString(item, "id")!, JsonReading.GetString(item, "name"), JsonReading.GetString(item, "gender"), JsonReading.GetString(item, "lang"),
            JsonReading.GetString(item, "desc"), grade is >= int.MinValue and <= int.MaxValue ? (int)grade.Value : null, JobPages.Url(item, "audition"), LazyJson.Of(item, body));
    }

    public static CustomVoice ReadCustomVoice(JsonElement data, ReadOnlyMemory<byte> body = default)
    {
        if (data.ValueKind != JsonValueKind.Object || JsonReading.GetString(data, "id") is not { Length: > 0 } id)
        {
            throw new FormatException($"Expected the voice clone object with an 'id' in 'data' but found {data.ValueKind}.");
        }

        var progress = JsonReading.GetInt64(data, "progress");
        return new CustomVoice(
            id,
            JsonReading.GetString(data, "name"),
            JsonReading.GetString(data, "type"),
            new CustomVoiceStatus(JobPages.Status(data, "status", 0)),
            progress is { } p ? (int)Math.Max(0, Math.Min(100, p)) : null,
            JsonReading.GetString(data, "err_msg"),
            JobPages.Url(data, "audio_path"),
            JobPages.UnixSeconds(data, "create_time"),
            LazyJson.Of(data, body));
    }

    /// <summary>
    /// The cues in seconds, as the samples have them. A timeline in milliseconds (its last end more than twice the
    /// audio and over 2000) is scaled, as Chanjing's own renderer guards against.
    /// </summary>
    private static IReadOnlyList<SpeechSubtitle> Timeline(JsonElement data, TimeSpan? duration)
    {
        if (!data.TryGetProperty("subtitles", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var raw = new List<(string Text, double Start, double End)>();
        foreach (var cue in list.EnumerateArray())
        {
            if (cue.ValueKind == JsonValueKind.Object && Seconds(cue, "start_time") is { } start && Seconds(cue, "end_time") is { } end)
            {
                raw.Add((JsonReading.GetString(cue, "subtitle") ?? string.Empty, start, end));
            }
        }

        var last = raw.Count == 0 ? 0 : raw.Max(c => c.End);
        var scale = last > 2000 && (duration is null || last > 2 * duration.Value.TotalSeconds) ? 0.001 : 1;
        return raw.Select(c => new SpeechSubtitle(c.Text, TimeSpan.FromSeconds(c.Start * scale), TimeSpan.FromSeconds(c.End * scale))).ToArray();
    }

    private static double? Seconds(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && number >= 0 && !double.IsInfinity(number) ? number : null;
}
