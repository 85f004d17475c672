using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chanjing.Emulator.AvatarVideos;
using Chanjing.Emulator.Http;
using Chanjing.Emulator.Voices;

namespace Chanjing.Emulator.Speech;

/// <summary>
/// Text to speech (<c>create_audio_task</c>, <c>audio_task_state</c>): status 1 (generating) for
/// <see cref="ChanjingEmulatorOptions.QueuedDuration"/> + <see cref="ChanjingEmulatorOptions.GeneratingDuration"/>, then
/// 9 (finished): a success with a WAV (16 kHz mono, as long as the text takes to say) and a subtitle timeline in
/// seconds, or a failure, which is also 9, with <c>errMsg</c> and <c>errReason</c>. Thread-safe.
/// </summary>
internal sealed partial class SpeechTaskStore(ChanjingEmulatorOptions options, Func<Uri> baseAddress, CustomVoiceStore voices) : IDisposable
{
    public const string NotFoundMessage = "任务不存在";
    public const string NothingToSayMessage = "文本没有可朗读的内容";
    public const string ServiceErrorMessage = "语音合成失败，请稍后重试";

    private readonly object _gate = new();
    private readonly List<SpeechTask> _tasks = [];
    private readonly List<ITimer> _timers = [];
    private readonly ConcurrentDictionary<string, Lazy<byte[]>> _outputs = new(StringComparer.Ordinal);

    /// <summary>Raised once when a task that carries a callback URL ends (9), with the task object.</summary>
    public event Action<SpeechTask, JsonObject>? Ended;

    private DateTimeOffset Now => options.TimeProvider.GetUtcNow();

    private TimeSpan GenerationTime => options.QueuedDuration + options.GeneratingDuration;

    public EmulatorResponse Create(JsonObject body)
    {
        var (task, error) = Read(body);
        if (task is null)
        {
            return EmulatorResponse.Envelope(40000, error!, null);
        }

        lock (_gate)
        {
            _tasks.Add(task);
            if (task.Callback is not null)
            {
                _timers.Add(options.TimeProvider.CreateTimer(_ => CheckEnded(task), null, GenerationTime, Timeout.InfiniteTimeSpan));
            }
        }

        // Unlike the other create endpoints, TTS answers an object.
        return EmulatorResponse.Ok(new JsonObject { ["task_id"] = task.Id });
    }

    /// <summary><c>POST audio_task_state</c> with <c>{"task_id": ...}</c>, as Chanjing's scripts and Python SDK send it.</summary>
    public EmulatorResponse State(JsonObject body)
    {
        var id = body["task_id"]?.GetValueKind() == JsonValueKind.String ? (string)body["task_id"]! : null;
        if (string.IsNullOrEmpty(id))
        {
            return EmulatorResponse.Envelope(40000, "参数错误: task_id 必填", null);
        }

        lock (_gate)
        {
            return Find(id) is { } task ? EmulatorResponse.Ok(ToJson(task)) : EmulatorResponse.Envelope(40000, NotFoundMessage, null);
        }
    }

    public void SetStatus(string id, int status, string? errorMessage)
    {
        SpeechTask task;
        lock (_gate)
        {
            task = Find(id) ?? throw new KeyNotFoundException($"No TTS task {id}.");
            task.ForcedStatus = status;
            task.ForcedError = errorMessage;
        }

        CheckEnded(task);
    }

    /// <summary>The WAV of a task that has succeeded.</summary>
    public byte[] OutputBytes(string taskId) =>
        Output(taskId + ".wav")?.Content ?? throw new KeyNotFoundException($"No audio of TTS task {taskId} (it must exist and have succeeded).");

    /// <summary>A succeeded task's WAV by its file name under <c>files/speech/</c>, or null.</summary>
    public (byte[] Content, string ContentType)? Output(string fileName)
    {
        SpeechTask? task;
        lock (_gate)
        {
            task = Find(Path.GetFileNameWithoutExtension(fileName));
            if (task is null || Path.GetExtension(fileName) != ".wav" || !Succeeded(Status(task)))
            {
                return null;
            }
        }

        return (_outputs.GetOrAdd(task.Id, _ => new Lazy<byte[]>(() => Render(task))).Value, "audio/wav");
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _timers.ForEach(t => t.Dispose());
            _timers.Clear();
        }
    }

    private static bool Succeeded((int Status, string Error, string Reason) state) => state.Status == 9 && state.Error.Length == 0;

    private SpeechTask? Find(string id) => _tasks.FirstOrDefault(t => t.Id == id);

    private (int Status, string Error, string Reason) Status(SpeechTask task)
    {
        if (task.ForcedStatus is { } forced)
        {
            return (forced, task.ForcedError ?? string.Empty, string.Empty);
        }

        return Now - task.CreatedAt < GenerationTime ? (1, string.Empty, string.Empty) : (9, task.PlannedError, task.PlannedReason);
    }

    /// <summary>The failure the service would report for this text, or empty strings for a success.</summary>
    private (string Error, string Reason) Outcome(string text, TimeSpan duration)
    {
        if (text.Contains(AvatarVideoStore.InsufficientCreditsMarker, StringComparison.Ordinal))
        {
            return (AvatarVideoStore.InsufficientCreditsMessage, "账户蝉豆余额不足");
        }

        if (text.Contains(options.FailurePromptMarker, StringComparison.Ordinal))
        {
            return (ServiceErrorMessage, "合成服务内部错误");
        }

        if (SpeechTiming.IsDigitsOnly(text))
        {
            return (AvatarVideoStore.DigitsOnlyMessage, "文本仅包含数字");
        }

        return duration <= TimeSpan.Zero ? (NothingToSayMessage, "文本去除标记和标点后为空") : (string.Empty, string.Empty);
    }

    /// <summary>Raises <see cref="Ended"/> once for a task with a callback that has ended; re-arms the timer if it has not yet.</summary>
    private void CheckEnded(SpeechTask task)
    {
        JsonObject json;
        lock (_gate)
        {
            if (task.Callback is null || task.CallbackStarted)
            {
                return;
            }

            if (Status(task).Status != 9)
            {
                if (task.ForcedStatus is null)
                {
                    var remaining = task.CreatedAt + GenerationTime - Now;
                    _timers.Add(options.TimeProvider.CreateTimer(_ => CheckEnded(task), null, remaining > TimeSpan.Zero ? remaining : TimeSpan.FromMilliseconds(1), Timeout.InfiniteTimeSpan));
                }

                return;
            }

            task.CallbackStarted = true;
            json = ToJson(task);
        }

        Ended?.Invoke(task, json);
    }
}
