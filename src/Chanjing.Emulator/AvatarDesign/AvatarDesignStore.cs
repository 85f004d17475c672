using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Chanjing.Emulator.AvatarVideos;
using Chanjing.Emulator.Http;
using Chanjing.Emulator.Media;

namespace Chanjing.Emulator.AvatarDesign;

/// <summary>
/// Text-to-digital-person photo and motion tasks (<c>aigc/photo</c>, <c>aigc/photo/task</c>, <c>aigc/photo/task/page</c>,
/// <c>aigc/motion</c>, <c>aigc/motion/task</c>): <c>Queued</c> for <see cref="ChanjingEmulatorOptions.QueuedDuration"/>,
/// <c>Generating</c> for <see cref="ChanjingEmulatorOptions.GeneratingDuration"/>, then <c>Success</c> with
/// <c>number_of_images</c> PNGs at 9:16 or 16:9 (a motion task: one MP4 at its photo's aspect ratio), or <c>Fail</c> /
/// <c>Error</c> with an <c>err_msg</c>. A LoRA task's photo lives here too, its status following the LoRA's. With
/// <see cref="ChanjingEmulatorOptions.EnforceDocumentedRateLimits"/>, one photo and one motion task at a time. Thread-safe.
/// </summary>
internal sealed class AvatarDesignStore(ChanjingEmulatorOptions options, Func<Uri> baseAddress, MediaWriter media)
{
    /// <summary>A photo / motion text (or photo path) holding this makes the task end as <c>Error</c>.</summary>
    public const string ErrorMarker = "[emulator:error]";

    public const string FailedMessage = "生成失败，请稍后重试";
    public const string ErrorMessage = "系统内部错误，请稍后重试";
    public const string ConcurrencyMessage = "任务并发数超过限制(1)，请等待进行中的任务完成";

    /// <summary>How long a motion task's video lasts.</summary>
    public static readonly TimeSpan MotionDuration = TimeSpan.FromSeconds(5);

    private readonly object _gate = new();
    private readonly List<DesignTask> _tasks = [];
    private readonly ConcurrentDictionary<string, Lazy<byte[]>> _outputs = new(StringComparer.Ordinal);

    private DateTimeOffset Now => options.TimeProvider.GetUtcNow();

    public EmulatorResponse CreatePhoto(JsonObject body)
    {
        var (photo, error) = AvatarDesignValidator.Try(() => AvatarDesignValidator.ParsePhoto(body));
        if (photo is null)
        {
            return EmulatorResponse.Envelope(40000, error!, null);
        }

        var (status, message) = Outcome(photo.Text);
        return Add(DesignTask.PhotoType, photo.AspectRatio, photo.Images, photo.Text, status, message);
    }

    public EmulatorResponse CreateMotion(JsonObject body)
    {
        var (motion, error) = AvatarDesignValidator.Try(() => AvatarDesignValidator.ParseMotion(body));
        if (motion is null)
        {
            return EmulatorResponse.Envelope(40000, error!, null);
        }

        DesignTask? photo;
        lock (_gate)
        {
            photo = Find(motion.PhotoUniqueId, DesignTask.PhotoType);
            if (photo is null)
            {
                return EmulatorResponse.Envelope(40000, $"文生图任务不存在: {motion.PhotoUniqueId}", null);
            }

            if (Status(photo).Status != "Success")
            {
                return EmulatorResponse.Envelope(40000, "文生图任务未成功，不能生成视频", null);
            }
        }

        var text = $"{motion.PhotoPath}|{motion.Emotion}|{motion.Gesture}";
        var (status, message) = Outcome(text);
        return Add(DesignTask.MotionType, photo.AspectRatio, 1, text, status, message);
    }

    /// <summary>The photo task of a LoRA task (one 9:16 image; its status follows the LoRA's).</summary>
    public void AddLoraPhoto(string uniqueId, LoraTask lora)
    {
        lock (_gate)
        {
            _tasks.Add(new DesignTask
            {
                UniqueId = uniqueId,
                Type = DesignTask.PhotoType,
                CreatedAt = Now,
                AspectRatio = 0,
                Outputs = 1,
                Seed = "lora|" + lora.LoraId,
                PlannedStatus = "Success",
                PlannedMessage = string.Empty,
                Lora = lora,
            });
        }
    }

    public EmulatorResponse Get(string? uniqueId, int type)
    {
        if (string.IsNullOrEmpty(uniqueId))
        {
            return EmulatorResponse.Envelope(40000, "参数错误: unique_id 必填", null);
        }

        lock (_gate)
        {
            return Find(uniqueId, type) is { } task ? EmulatorResponse.Ok(ToJson(task)) : EmulatorResponse.Envelope(40000, "任务不存在", null);
        }
    }

    /// <summary>
    /// <c>aigc/photo/task/page</c>: photo and motion tasks, newest first, as a <b>plain array</b> in <c>data</c> (what
    /// Chanjing's <c>list_tasks</c> script iterates; no official page shows the shape).
    /// </summary>
    public EmulatorResponse Page(string? page, string? pageSize)
    {
        var (p, size, error) = Paging.FromQuery(page, pageSize, 10);
        if (error is not null)
        {
            return EmulatorResponse.Envelope(40000, error.Replace("size 取值", "page_size 取值", StringComparison.Ordinal), null);
        }

        lock (_gate)
        {
            return EmulatorResponse.Ok(new JsonArray([.. Enumerable.Reverse(_tasks).Skip((p - 1) * size).Take(size).Select(t => (JsonNode)ToJson(t))]));
        }
    }

    public void SetStatus(string uniqueId, string status, string? message)
    {
        lock (_gate)
        {
            var task = _tasks.FirstOrDefault(t => t.UniqueId == uniqueId) ?? throw new KeyNotFoundException($"No avatar design task {uniqueId}.");
            task.ForcedStatus = status;
            task.ForcedMessage = message;
        }
    }

    public bool Exists(string uniqueId)
    {
        lock (_gate)
        {
            return _tasks.Any(t => t.UniqueId == uniqueId);
        }
    }

    /// <summary>The bytes of output <paramref name="index"/> of a finished task (a PNG, or a motion task's MP4).</summary>
    public byte[] OutputBytes(string uniqueId, int index)
    {
        string? extension;
        lock (_gate)
        {
            extension = _tasks.FirstOrDefault(t => t.UniqueId == uniqueId) is { } task ? Extension(task) : null;
        }

        return (extension is null ? null : Output($"{uniqueId}_{index.ToString(CultureInfo.InvariantCulture)}{extension}")?.Content)
            ?? throw new KeyNotFoundException($"No output {index} of avatar design task {uniqueId} (it must exist and have succeeded).");
    }

    /// <summary>A finished task's output by its file name under <c>files/aigc/</c> (<c>{unique_id}_{index}.png|.mp4</c>), or null.</summary>
    public (byte[] Content, string ContentType)? Output(string fileName)
    {
        var name = Path.GetFileNameWithoutExtension(fileName);
        var separator = name.LastIndexOf('_');
        if (separator < 0 || !int.TryParse(name[(separator + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return null;
        }

        DesignTask? task;
        lock (_gate)
        {
            task = _tasks.FirstOrDefault(t => t.UniqueId == name[..separator]);
            if (task is null || Status(task).Status != "Success" || index >= task.Outputs || Path.GetExtension(fileName) != Extension(task))
            {
                return null;
            }
        }

        var content = _outputs.GetOrAdd(fileName, _ => new Lazy<byte[]>(() => Render(task, index))).Value;
        return (content, task.Type == DesignTask.MotionType ? "video/mp4" : "image/png");
    }

    private static string Extension(DesignTask task) => task.Type == DesignTask.MotionType ? ".mp4" : ".png";

    private EmulatorResponse Add(int type, int aspectRatio, int outputs, string seed, string status, string message)
    {
        var task = new DesignTask
        {
            UniqueId = Guid.NewGuid().ToString("N"),
            Type = type,
            CreatedAt = Now,
            AspectRatio = aspectRatio,
            Outputs = outputs,
            Seed = seed,
            PlannedStatus = status,
            PlannedMessage = message,
        };
        lock (_gate)
        {
            // The reference documents "任务并发 1" for photo and for motion: a second one while one runs is refused.
            if (options.EnforceDocumentedRateLimits && _tasks.Any(t => t.Type == type && t.Lora is null && Status(t).Status is "Queued" or "Generating"))
            {
                return EmulatorResponse.Envelope(40001, ConcurrencyMessage, null);
            }

            _tasks.Add(task);
        }

        return EmulatorResponse.Ok(JsonValue.Create(task.UniqueId));
    }

    private (string Status, string Message) Outcome(string text) =>
        text.Contains(AvatarVideoStore.InsufficientCreditsMarker, StringComparison.Ordinal) ? ("Fail", AvatarVideoStore.InsufficientCreditsMessage)
        : text.Contains(options.FailurePromptMarker, StringComparison.Ordinal) ? ("Fail", FailedMessage)
        : text.Contains(ErrorMarker, StringComparison.Ordinal) ? ("Error", ErrorMessage)
        : ("Success", string.Empty);

    private DesignTask? Find(string uniqueId, int type) => _tasks.FirstOrDefault(t => t.UniqueId == uniqueId && t.Type == type);

    private (string Status, string Message) Status(DesignTask task)
    {
        if (task.ForcedStatus is { } forced)
        {
            return (forced, task.ForcedMessage ?? (forced is "Fail" or "Error" ? ErrorMessage : string.Empty));
        }

        if (task.Lora is { } lora)
        {
            return lora.StatusAt(Now, options);
        }

        var age = Now - task.CreatedAt;
        return age < options.QueuedDuration ? ("Queued", string.Empty)
            : age < options.QueuedDuration + options.GeneratingDuration ? ("Generating", string.Empty)
            : (task.PlannedStatus, task.PlannedMessage);
    }

    private JsonObject ToJson(DesignTask task)
    {
        var (status, message) = Status(task);
        var urls = status == "Success"
            ? Enumerable.Range(0, task.Outputs).Select(i => (JsonNode)new Uri(baseAddress(), $"files/aigc/{task.UniqueId}_{i.ToString(CultureInfo.InvariantCulture)}{Extension(task)}").AbsoluteUri)
            : [];
        return new JsonObject
        {
            ["unique_id"] = task.UniqueId,
            ["type"] = task.Type,
            ["progress_desc"] = status,
            ["err_msg"] = message,
            ["aspect_ratio"] = task.AspectRatio,
            ["output_url"] = new JsonArray([.. urls]),
            ["waiting_num"] = status == "Queued" ? 1 : 0,
        };
    }

    private byte[] Render(DesignTask task, int index)
    {
        var (width, height) = task.AspectRatio == 1 ? media.Scaled(1920, 1080) : media.Scaled(1080, 1920);
        return task.Type == DesignTask.MotionType
            ? media.Mp4(task.Seed, width, height, MotionDuration, null)
            : MediaWriter.Png(task.Seed, index, width, height);
    }
}
