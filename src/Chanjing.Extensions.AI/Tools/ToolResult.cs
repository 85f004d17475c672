using System.Text.Json;
using System.Text.Json.Nodes;

namespace Chanjing.Extensions.AI.Tools;

/// <summary>
/// The one JSON object every tool returns. <c>status</c> is one of <c>succeeded</c>, <c>still_running</c>, <c>failed</c>,
/// <c>outcome_unknown</c>, <c>invalid_arguments</c> or <c>ok</c> (lists), so an agent can branch on it.
/// </summary>
internal static class ToolResult
{
    public const string WaitToolName = "chanjing_wait_for_task";

    public static JsonElement Succeeded(string kind, string taskId, IReadOnlyList<Uri> outputs, Action<JsonObject>? extra = null)
    {
        var result = new JsonObject
        {
            ["status"] = "succeeded",
            ["kind"] = kind,
            ["task_id"] = taskId,
        };
        if (outputs.Count > 0)
        {
            result[kind == TaskKinds.Image ? "image_url" : "video_url"] = outputs[0].AbsoluteUri;
        }

        result["output_urls"] = Array(outputs.Select(u => u.AbsoluteUri));
        extra?.Invoke(result);
        return ToElement(result);
    }

    public static JsonElement StillRunning(string kind, string? taskId, TimeSpan waited) => ToElement(new JsonObject
    {
        ["status"] = "still_running",
        ["kind"] = kind,
        ["task_id"] = taskId,
        ["waited_seconds"] = (int)waited.TotalSeconds,
        ["next_step"] = $"The task is still being made and is already paid for: call {WaitToolName} with task_id \"{taskId}\" and kind \"{kind}\" to keep waiting. Do not submit it again.",
    });

    public static JsonElement Failed(string kind, string? taskId, string? error) => ToElement(new JsonObject
    {
        ["status"] = "failed",
        ["kind"] = kind,
        ["task_id"] = taskId,
        ["error"] = error ?? "The task failed without a reason.",
    });

    public static JsonElement OutcomeUnknown(string kind, IReadOnlyList<string> candidates) => ToElement(new JsonObject
    {
        ["status"] = "outcome_unknown",
        ["kind"] = kind,
        ["candidate_task_ids"] = Array(candidates),
        ["next_step"] = candidates.Count == 0
            ? "The service may or may not have accepted the request, and no matching task was found yet. Tell the user before trying again: a second request may be charged twice."
            : $"The service may have accepted the request: call {WaitToolName} with one of candidate_task_ids (kind \"{kind}\") before submitting again.",
    });

    public static JsonElement InvalidArguments(string error) => ToElement(new JsonObject
    {
        ["status"] = "invalid_arguments",
        ["error"] = error,
    });

    public static JsonElement ToElement(JsonObject result)
    {
        using var document = JsonDocument.Parse(result.ToJsonString());
        return document.RootElement.Clone();
    }

    public static JsonArray Array(IEnumerable<string> values)
    {
        var array = new JsonArray();
        foreach (var value in values)
        {
            array.Add((JsonNode?)JsonValue.Create(value));
        }

        return array;
    }
}

/// <summary>The kinds of task the wait tool can wait for.</summary>
internal static class TaskKinds
{
    /// <summary>An AI-creation video (<c>chanjing_generate_video</c>).</summary>
    public const string Video = "video";

    /// <summary>An AI-creation image (not made by these tools, but waited for alike).</summary>
    public const string Image = "image";

    /// <summary>A talking-avatar video (<c>chanjing_make_avatar_video</c>).</summary>
    public const string AvatarVideo = "avatar_video";
}
