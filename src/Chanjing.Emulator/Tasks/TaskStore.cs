using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chanjing.Emulator.Http;
using Chanjing.Emulator.Media;
using Chanjing.Emulator.Models;

namespace Chanjing.Emulator.Tasks;

/// <summary>
/// The AI-creation tasks: submit (validated by <see cref="ModelCatalog"/>), get, list, forced outcomes, and the output
/// files of finished tasks. Tasks go Queued → Generating → Success/Error on the emulator's clock. Thread-safe.
/// </summary>
internal sealed class TaskStore(ChanjingEmulatorOptions options, Func<Uri> baseAddress, MediaWriter media) : IDisposable
{
    private const string FailedMessage = "任务失败,本次生成不消耗蝉豆";

    private readonly object _gate = new();
    private readonly List<TaskRecord> _tasks = [];
    private readonly Dictionary<string, TaskRecord> _byId = new(StringComparer.Ordinal);
    private readonly List<ITimer> _timers = [];
    private readonly ConcurrentDictionary<string, Lazy<byte[]>> _outputs = new(StringComparer.Ordinal);
    private long _nextId = 1;

    /// <summary>Raised once when a task that carries a callback URL ends (on a timer thread or the caller's).</summary>
    public event Action<TaskRecord, JsonObject>? TaskEnded;

    private DateTimeOffset Now => options.TimeProvider.GetUtcNow();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _tasks.Count;
            }
        }
    }

    public EmulatorResponse Submit(JsonObject body)
    {
        var (request, error) = SubmitValidator.Validate(body);
        if (request is null)
        {
            return EmulatorResponse.Envelope(40000, error!, null);
        }

        TaskRecord record;
        lock (_gate)
        {
            record = new TaskRecord { Id = _nextId++, UniqueId = Guid.NewGuid().ToString(), CreatedAt = Now, Request = request };
            _tasks.Add(record);
            _byId[record.UniqueId] = record;
            if (request.Callback is not null)
            {
                _timers.Add(options.TimeProvider.CreateTimer(_ => CheckEnded(record), null, options.QueuedDuration + options.GeneratingDuration, Timeout.InfiniteTimeSpan));
            }
        }

        return EmulatorResponse.Ok(JsonValue.Create(record.UniqueId));
    }

    public EmulatorResponse Get(string? uniqueId)
    {
        if (string.IsNullOrEmpty(uniqueId))
        {
            return EmulatorResponse.Envelope(40000, "参数错误: unique_id 必填", null);
        }

        lock (_gate)
        {
            return _byId.TryGetValue(uniqueId, out var task) ? EmulatorResponse.Ok(ToJson(task)) : EmulatorResponse.Envelope(40000, "任务不存在", null);
        }
    }

    public EmulatorResponse List(JsonObject body)
    {
        if (body["type"]?.GetValueKind() != JsonValueKind.Number)
        {
            return EmulatorResponse.Envelope(40000, "参数错误: type 必填", null);
        }

        var type = (int)body["type"]!;
        var page = body["page"]?.GetValueKind() == JsonValueKind.Number ? (int)body["page"]! : 1;
        var size = body["page_size"]?.GetValueKind() == JsonValueKind.Number ? (int)body["page_size"]! : 10;
        if (page < 1 || size < 1 || size > 50)
        {
            return EmulatorResponse.Envelope(40000, "参数错误: page 从1开始, page_size 最大50", null);
        }

        var ids = body["unique_ids"] is JsonArray array ? array.Select(n => (string?)n).Where(s => !string.IsNullOrEmpty(s)).ToHashSet(StringComparer.Ordinal) : [];
        if (ids.Count > 50)
        {
            return EmulatorResponse.Envelope(40000, "参数错误: unique_ids 最多50个", null);
        }

        var onlySuccess = body["is_success"]?.GetValueKind() == JsonValueKind.True;
        lock (_gate)
        {
            var matching = _tasks.Where(t => t.Type == type && (ids.Count == 0 || ids.Contains(t.UniqueId)) && (!onlySuccess || Status(t).Status == "Success"))
                .OrderByDescending(t => t.Id).ToList();
            var items = new JsonArray([.. matching.Skip((page - 1) * size).Take(size).Select(t => (JsonNode)ToJson(t))]);
            return EmulatorResponse.Ok(new JsonObject
            {
                ["list"] = items,
                ["total"] = matching.Count,
                ["page_info"] = new JsonObject { ["page"] = page, ["size"] = size, ["total_count"] = matching.Count, ["total_page"] = (matching.Count + size - 1) / size },
            });
        }
    }

    public void SetOutcome(string taskId, string status, string? errorMessage)
    {
        TaskRecord task;
        lock (_gate)
        {
            task = _byId.TryGetValue(taskId, out var t) ? t : throw new KeyNotFoundException($"No task {taskId}.");
            task.ForcedStatus = status;
            task.ForcedError = errorMessage;
        }

        CheckEnded(task);
    }

    /// <summary>The bytes of a task's output <paramref name="index"/> (0-based), made on first use.</summary>
    public byte[] OutputBytes(string taskId, int index)
    {
        TaskRecord task;
        lock (_gate)
        {
            task = _byId.TryGetValue(taskId, out var t) ? t : throw new KeyNotFoundException($"No task {taskId}.");
        }

        var names = task.OutputNames;
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, names.Count);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return Render(task, names[index], index);
    }

    /// <summary>A finished task's output file by its name under <c>files/outputs/</c>, or null.</summary>
    public (byte[] Content, string ContentType)? Output(string fileName)
    {
        var id = Path.GetFileNameWithoutExtension(fileName).Split('_')[0];
        TaskRecord? task;
        lock (_gate)
        {
            if (!_byId.TryGetValue(id, out task) || Status(task).Status != "Success")
            {
                return null;
            }
        }

        var names = task.OutputNames;
        var index = names.ToList().IndexOf(fileName);
        return index < 0 ? null : (Render(task, fileName, index), task.IsVideo ? "video/mp4" : "image/png");
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _timers.ForEach(t => t.Dispose());
            _timers.Clear();
        }
    }

    private byte[] Render(TaskRecord task, string name, int index) => _outputs.GetOrAdd(name, _ => new Lazy<byte[]>(() =>
    {
        var request = task.Request;
        var (width, height) = media.Size(request.AspectRatio, request.Model.DefaultAspectRatio, request.Clarity, task.IsVideo);
        return task.IsVideo
            ? media.Mp4(request.Prompt, width, height, request.Duration > 0 ? request.Duration : Math.Max(1, request.Model.DefaultDuration))
            : MediaWriter.Png(request.Prompt, index, width, height);
    })).Value;

    /// <summary>Raises <see cref="TaskEnded"/> once for a task with a callback that has ended; re-arms the timer if it has not yet.</summary>
    private void CheckEnded(TaskRecord task)
    {
        JsonObject json;
        lock (_gate)
        {
            if (task.Request.Callback is null || task.CallbackStarted)
            {
                return;
            }

            var (status, _) = Status(task);
            if (status is not ("Success" or "Error" or "Fail"))
            {
                if (task.ForcedStatus is null)
                {
                    var remaining = task.CreatedAt + options.QueuedDuration + options.GeneratingDuration - Now;
                    _timers.Add(options.TimeProvider.CreateTimer(_ => CheckEnded(task), null, remaining > TimeSpan.Zero ? remaining : TimeSpan.FromMilliseconds(1), Timeout.InfiniteTimeSpan));
                }

                return;
            }

            task.CallbackStarted = true;
            json = ToJson(task);
        }

        TaskEnded?.Invoke(task, json);
    }

    private JsonObject ToJson(TaskRecord task)
    {
        var (status, error) = Status(task);
        return TaskJson.Create(task, status, error, baseAddress());
    }

    private (string Status, string Error) Status(TaskRecord task)
    {
        if (task.ForcedStatus is { } forced)
        {
            return (forced, task.ForcedError ?? (forced is "Error" or "Fail" ? FailedMessage : string.Empty));
        }

        var age = Now - task.CreatedAt;
        if (age < options.QueuedDuration)
        {
            return ("Queued", string.Empty);
        }

        if (age < options.QueuedDuration + options.GeneratingDuration)
        {
            return ("Generating", string.Empty);
        }

        return task.Request.Prompt.Contains(options.FailurePromptMarker, StringComparison.Ordinal) ? ("Error", FailedMessage) : ("Success", string.Empty);
    }
}
