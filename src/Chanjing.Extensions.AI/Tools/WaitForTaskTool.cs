using System.Text.Json;
using Chanjing.Sdk;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Chanjing.Extensions.AI.Tools;

/// <summary><c>chanjing_wait_for_task</c>: waits again for a task a tool returned as still running.</summary>
internal sealed class WaitForTaskTool(IChanjingClient client, ToolSettings settings) : ChanjingToolFunction(
    client,
    settings,
    ToolResult.WaitToolName,
    "Wait for a Chanjing task that an earlier call returned as \"still_running\" (or a candidate of \"outcome_unknown\"), and return its URL when it is done. " +
    "Costs nothing: it only asks about the task. Call it again while the status stays \"still_running\".",
    """
    {
      "type": "object",
      "properties": {
        "task_id": { "type": "string", "description": "The task_id from the earlier result." },
        "kind": { "type": "string", "enum": ["video", "image", "avatar_video"], "description": "The kind from the earlier result. Default video." }
      },
      "required": ["task_id"],
      "additionalProperties": false
    }
    """)
{
    protected override Task<JsonElement> RunAsync(AIFunctionArguments arguments, ILogger logger, CancellationToken cancellationToken)
    {
        var taskId = ToolArguments.RequiredString(arguments, "task_id");
        var kind = ToolArguments.String(arguments, "kind") ?? TaskKinds.Video;
        switch (kind)
        {
            case TaskKinds.AvatarVideo:
                return WaitAsync<AvatarVideo>(
                    kind,
                    logger,
                    (wait, progress) => Client.AvatarVideos.WaitAsync(taskId, wait, progress, cancellationToken),
                    AvatarVideoTool.Result,
                    taskId);
            case TaskKinds.Video or TaskKinds.Image:
                return WaitAsync<CreationTask>(
                    kind,
                    logger,
                    (wait, progress) => Client.WaitForCompletionAsync(taskId, wait, progress, cancellationToken),
                    task => ToolResult.Succeeded(task.Type == CreationType.Image ? TaskKinds.Image : TaskKinds.Video, task.Id, task.OutputUrls),
                    taskId);
            default:
                throw new ToolArgumentException($"'kind' must be video, image or avatar_video, but was '{kind}'.");
        }
    }
}
