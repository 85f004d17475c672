using System.Text.Json.Nodes;

namespace Chanjing.Emulator.Tasks;

/// <summary>A task as GET and the list endpoint report it, with the request echoed in <c>motion_info</c> or <c>photo_info</c>.</summary>
internal static class TaskJson
{
    public static JsonObject Create(TaskRecord task, string status, string error, Uri baseAddress)
    {
        var request = task.Request;
        var isVideo = task.IsVideo;
        var outputs = new JsonArray();
        if (status == "Success")
        {
            foreach (var name in task.OutputNames)
            {
                outputs.Add((JsonNode?)JsonValue.Create(new Uri(baseAddress, "files/outputs/" + name).AbsoluteUri));
            }
        }

        var motion = new JsonObject
        {
            ["photo_path_url"] = isVideo ? FirstFrame(task) : null,
            ["ref_prompt"] = isVideo ? request.Prompt : string.Empty,
            ["clarity"] = isVideo ? request.Clarity : 0,
            ["quality_mode"] = isVideo ? request.QualityMode : string.Empty,
            ["style"] = isVideo ? request.Style : string.Empty,
            ["aspect_ratio"] = isVideo ? request.AspectRatio : string.Empty,
            ["video_duration"] = isVideo ? request.Duration : 0,
        };
        if (isVideo && request.StartFrame is { } start)
        {
            motion["start_frame"] = start;
        }

        if (isVideo && request.EndFrame is { } end)
        {
            motion["end_frame"] = end;
        }

        return new JsonObject
        {
            ["id"] = task.Id,
            ["unique_id"] = task.UniqueId,
            ["create_time"] = task.CreatedAt.ToUnixTimeSeconds(),
            ["number_ai_creation"] = isVideo ? 1 : request.NumberOfImages,
            ["type"] = task.Type,
            ["progress_desc"] = status,
            ["err_msg"] = error,
            ["aspect_ratio"] = request.AspectRatio,
            ["output_url"] = outputs,
            ["photo_info"] = new JsonObject
            {
                ["ref_img_url"] = isVideo ? new JsonArray() : Strings(request.Images),
                ["ref_prompt"] = isVideo ? string.Empty : request.Prompt,
                ["clarity"] = isVideo ? 0 : request.Clarity,
                ["aspect_ratio"] = isVideo ? string.Empty : request.AspectRatio,
                ["quality_mode"] = isVideo ? string.Empty : request.QualityMode,
                ["number_of_images"] = isVideo ? 0 : request.NumberOfImages,
            },
            ["motion_info"] = motion,
            ["ref_img_url"] = Strings(request.Images),
            ["model_code"] = request.Model.Code,
            ["model_name"] = string.Empty,
        };
    }

    /// <summary>The first frame of an image-to-video task: <c>start_frame</c>, or the single reference image of a one-image model.</summary>
    private static string? FirstFrame(TaskRecord task) =>
        task.Request.StartFrame ?? (task.Request.Model.Fields.Any(f => f.Name == "ref_img_url" && f.Max == 1) && task.Request.Images.Count == 1 ? task.Request.Images[0] : null);

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v)!)]);
}
