using System.Text.Json.Nodes;
using Chanjing.Emulator.AvatarVideos;
using Chanjing.Emulator.Http;

namespace Chanjing.Emulator.AvatarDesign;

/// <summary>
/// LoRA training tasks (<c>aigc/lora/task/create</c>, <c>aigc/lora/task</c>): <c>Queued</c> →
/// <c>Generating</c> → <c>Success</c> or <c>Fail</c> over the same durations as other tasks. Each names one photo task
/// (<c>photo_task_ids</c>) that exists in <see cref="AvatarDesignStore"/> and ends with it, holding the LoRA's one picture.
/// Creating with the <c>lora_id</c> of a failed task retries it (same id, same photo task). Thread-safe.
/// </summary>
internal sealed class LoraStore(ChanjingEmulatorOptions options, AvatarDesignStore designs)
{
    public const string TrainingFailedMessage = "LoRA训练失败，请稍后重试";
    public const string UnsafePhotoMessage = "训练照片内容安全审核未通过";

    private readonly object _gate = new();
    private readonly Dictionary<string, LoraTask> _tasks = new(StringComparer.Ordinal);

    private DateTimeOffset Now => options.TimeProvider.GetUtcNow();

    public EmulatorResponse Create(JsonObject body)
    {
        var (request, error) = AvatarDesignValidator.Try(() => AvatarDesignValidator.ParseLora(body));
        if (request is null)
        {
            return EmulatorResponse.Envelope(40000, error!, null);
        }

        var (status, message) = Outcome(request);
        var attempt = new LoraTask.Attempt(request.Name, request.Photos, Now, status, message);
        LoraTask task;
        lock (_gate)
        {
            if (request.RetryId is { } retryId)
            {
                if (!_tasks.TryGetValue(retryId, out var failed))
                {
                    return EmulatorResponse.Envelope(40000, $"LoRA任务不存在: {retryId}", null);
                }

                if (failed.StatusAt(Now, options).Status != "Fail")
                {
                    return EmulatorResponse.Envelope(40000, "仅失败的LoRA任务可以重试", null);
                }

                failed.Current = attempt;
                return EmulatorResponse.Ok(new JsonObject { ["lora_id"] = retryId });
            }

            task = new LoraTask { LoraId = Guid.NewGuid().ToString("N"), PhotoTaskId = Guid.NewGuid().ToString("N"), Current = attempt };
            _tasks[task.LoraId] = task;
        }

        designs.AddLoraPhoto(task.PhotoTaskId, task);
        return EmulatorResponse.Ok(new JsonObject { ["lora_id"] = task.LoraId });
    }

    public EmulatorResponse Get(string? loraId)
    {
        if (string.IsNullOrEmpty(loraId))
        {
            return EmulatorResponse.Envelope(40000, "参数错误: lora_id 必填", null);
        }

        lock (_gate)
        {
            if (!_tasks.TryGetValue(loraId, out var task))
            {
                return EmulatorResponse.Envelope(40000, "LoRA任务不存在", null);
            }

            var (status, message) = task.StatusAt(Now, options);
            return EmulatorResponse.Ok(new JsonObject
            {
                ["lora_id"] = task.LoraId,
                ["photo_task_ids"] = new JsonArray(task.PhotoTaskId),
                ["status"] = status,
                ["err_msg"] = message,
            });
        }
    }

    public void SetStatus(string loraId, string status, string? message)
    {
        lock (_gate)
        {
            var task = _tasks.TryGetValue(loraId, out var found) ? found : throw new KeyNotFoundException($"No LoRA task {loraId}.");
            task.Current = task.Current with { ForcedStatus = status, ForcedMessage = message };
        }
    }

    private (string Status, string Message) Outcome(AvatarDesignValidator.Lora request)
    {
        var marked = request.Name + "|" + string.Join('|', request.Photos);
        return marked.Contains(AvatarVideoStore.InsufficientCreditsMarker, StringComparison.Ordinal) ? ("Fail", AvatarVideoStore.InsufficientCreditsMessage)
            : marked.Contains(options.FailurePromptMarker, StringComparison.Ordinal) ? ("Fail", TrainingFailedMessage)
            : request.Photos.Any(p => p.Contains(options.ContentSafetyRejectMarker, StringComparison.OrdinalIgnoreCase)) ? ("Fail", UnsafePhotoMessage)
            : ("Success", string.Empty);
    }
}
