using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chanjing.Emulator.Files;
using Chanjing.Emulator.Http;
using Chanjing.Emulator.Media;

namespace Chanjing.Emulator.Avatars;

/// <summary>
/// Customised avatars (<c>create_customised_person</c>, <c>customised_person</c>, <c>list_customised_person</c>,
/// <c>delete_customised_person</c>): status 1 (in production, progress rising) for
/// <see cref="ChanjingEmulatorOptions.QueuedDuration"/> + <see cref="ChanjingEmulatorOptions.GeneratingDuration"/>,
/// then 2 with a PNG picture and an MP4 preview; 4 when the name holds
/// <see cref="ChanjingEmulatorOptions.ContentSafetyRejectMarker"/>, 5 when it holds
/// <see cref="ChanjingEmulatorOptions.FailurePromptMarker"/>. Thread-safe.
/// </summary>
internal sealed partial class CustomisedPersonStore(ChanjingEmulatorOptions options, Func<Uri> baseAddress, FileStore files, MediaWriter media) : IDisposable
{
    /// <summary>The longest source video the service takes (DOC: at most 5 minutes).</summary>
    public static readonly TimeSpan MaxSourceDuration = TimeSpan.FromMinutes(5);

    /// <summary>A source file whose name holds this is taken as longer than 5 minutes, when its duration cannot be read.</summary>
    public const string TooLongMarker = "toolong";

    public const string NotFoundMessage = "定制数字人不存在";
    public const string TooLongMessage = "视频时长超过5分钟";
    public const string UnsafeReason = "视频内容安全审核未通过，请更换素材后重试";
    public const string SystemErrorReason = "系统内部错误，请稍后重试";

    private static readonly string[] TrainTypes = ["figure", "voice", "both"];
    private readonly object _gate = new();
    private readonly List<CustomisedPerson> _persons = [];
    private readonly List<ITimer> _timers = [];
    private readonly ConcurrentDictionary<string, Lazy<byte[]>> _outputs = new(StringComparer.Ordinal);

    /// <summary>Raised once when a person that carries a callback URL ends (2, 4 or 5), with the person object.</summary>
    public event Action<CustomisedPerson, JsonObject>? Ended;

    private DateTimeOffset Now => options.TimeProvider.GetUtcNow();

    private TimeSpan ProductionTime => options.QueuedDuration + options.GeneratingDuration;

    public EmulatorResponse Create(JsonObject body)
    {
        var name = body["name"]?.GetValueKind() == JsonValueKind.String ? (string)body["name"]! : null;
        var fileId = body["file_id"]?.GetValueKind() == JsonValueKind.String ? (string)body["file_id"]! : null;
        if (string.IsNullOrWhiteSpace(name))
        {
            return Refuse("参数错误: name 必填");
        }

        if (string.IsNullOrEmpty(fileId))
        {
            return Refuse("参数错误: file_id 必填");
        }

        var trainType = body["train_type"] is null ? "both" : body["train_type"]!.GetValueKind() == JsonValueKind.String ? (string)body["train_type"]! : "?";
        if (trainType.Length == 0)
        {
            trainType = "both";
        }

        if (!TrainTypes.Contains(trainType))
        {
            return Refuse("train_type参数错误，仅支持\"voice\",\"figure\",\"both\"");
        }

        var language = body["language"] is null ? "cn" : body["language"]!.GetValueKind() == JsonValueKind.String ? (string)body["language"]! : "?";
        if (language is not ("cn" or "en"))
        {
            return Refuse("参数错误: language 仅支持 cn、en");
        }

        if (body["error_skip"] is { } skip && skip.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            return Refuse("参数错误: error_skip 应为布尔值");
        }

        var resolution = Paging.Int(body["resolution_rate"], 0);
        if (resolution is not (0 or 1))
        {
            return Refuse("参数错误: resolution_rate 仅支持 0 (1080p)、1 (4K)");
        }

        if (!CallbackUrl.TryParse(body["callback"], out var callback))
        {
            return Refuse("参数错误: callback 应为 http(s) URL");
        }

        var (file, fileError) = files.Ready(fileId, "customised_person");
        if (file is null)
        {
            return Refuse(fileError!);
        }

        var extension = Path.GetExtension(file.Name).ToLowerInvariant();
        if (extension is not (".mp4" or ".mov" or ".webm"))
        {
            return Refuse("不支持的视频格式，仅支持 mp4、webm、mov");
        }

        var info = extension == ".webm" ? null : Mp4Info.TryRead(file.Content!);
        if (info?.Duration > MaxSourceDuration || (info is null && file.Name.Contains(TooLongMarker, StringComparison.OrdinalIgnoreCase)))
        {
            return Refuse(TooLongMessage);
        }

        var (status, reason) = name.Contains(options.ContentSafetyRejectMarker, StringComparison.OrdinalIgnoreCase) ? (4, UnsafeReason)
            : name.Contains(options.FailurePromptMarker, StringComparison.Ordinal) ? (5, SystemErrorReason)
            : (2, string.Empty);
        var person = new CustomisedPerson
        {
            Id = "C-" + Guid.NewGuid().ToString("N"),
            Name = name,
            FileId = file.Id,
            TrainType = trainType,
            Language = language,
            ResolutionRate = resolution,
            Callback = callback,
            CreatedAt = Now,
            SourceSize = info is { Width: > 0, Height: > 0 } i ? (i.Width, i.Height) : (1080, 1920),
            FromWebm = extension == ".webm",
            PlannedStatus = status,
            PlannedReason = reason,
            VoiceId = trainType == "figure" ? string.Empty : "C-Audio-" + Guid.NewGuid().ToString("N"),
        };
        lock (_gate)
        {
            _persons.Add(person);
            if (callback is not null)
            {
                _timers.Add(options.TimeProvider.CreateTimer(_ => CheckEnded(person), null, ProductionTime, Timeout.InfiniteTimeSpan));
            }
        }

        return EmulatorResponse.Ok(JsonValue.Create(person.Id));
    }

    public EmulatorResponse Get(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return Refuse("参数错误: id 必填");
        }

        lock (_gate)
        {
            return Find(id) is { } person ? EmulatorResponse.Ok(ToJson(person)) : Refuse(NotFoundMessage);
        }
    }

    public EmulatorResponse List(JsonObject body)
    {
        var (page, size, error) = Paging.FromBody(body, 10);
        if (error is not null)
        {
            return Refuse(error);
        }

        lock (_gate)
        {
            var all = _persons.Where(p => !p.Deleted).Reverse().Select(p => (JsonNode)ToJson(p)).ToList();
            return EmulatorResponse.Ok(Paging.Page(all, page, size));
        }
    }

    public EmulatorResponse Delete(JsonObject body)
    {
        var id = body["id"]?.GetValueKind() == JsonValueKind.String ? (string)body["id"]! : null;
        if (string.IsNullOrEmpty(id))
        {
            return Refuse("参数错误: id 必填");
        }

        lock (_gate)
        {
            if (Find(id) is not { } person)
            {
                return Refuse(NotFoundMessage);
            }

            person.Deleted = true;
            return EmulatorResponse.Ok(null);
        }
    }

    /// <summary>A person a video may use: one that exists, is not deleted and has succeeded (status 2).</summary>
    public CustomisedPerson? FindUsable(string id)
    {
        lock (_gate)
        {
            return Find(id) is { } person && Status(person).Status == 2 ? person : null;
        }
    }

    /// <summary>Whether <paramref name="voiceId"/> is the cloned voice of a usable customised person.</summary>
    public bool IsClonedVoice(string voiceId)
    {
        lock (_gate)
        {
            return voiceId.Length > 0 && _persons.Any(p => p.VoiceId == voiceId && !p.Deleted && Status(p).Status == 2);
        }
    }

    public void SetStatus(string id, int status, string? reason)
    {
        CustomisedPerson person;
        lock (_gate)
        {
            person = _persons.FirstOrDefault(p => p.Id == id) ?? throw new KeyNotFoundException($"No customised person {id}.");
            person.ForcedStatus = status;
            person.ForcedReason = reason;
        }

        CheckEnded(person);
    }

    /// <summary>A finished person's picture (<c>{id}.png</c>) or preview (<c>{id}.mp4</c>) under <c>files/persons/</c>, or null.</summary>
    public (byte[] Content, string ContentType)? Output(string fileName)
    {
        var extension = Path.GetExtension(fileName);
        CustomisedPerson? person;
        lock (_gate)
        {
            person = _persons.FirstOrDefault(p => p.Id == Path.GetFileNameWithoutExtension(fileName));
            if (person is null || Status(person).Status != 2 || extension is not (".png" or ".mp4"))
            {
                return null;
            }
        }

        var (width, height) = media.Scaled(person.SourceSize.Width, person.SourceSize.Height);
        var content = _outputs.GetOrAdd(fileName, _ => new Lazy<byte[]>(() => extension == ".png"
            ? MediaWriter.Png(person.Id, width, height)
            : media.Mp4(person.Id, width, height, TimeSpan.FromSeconds(3), PcmAudio.Speech(person.Name, TimeSpan.FromSeconds(3), 4.5, 100)))).Value;
        return (content, extension == ".png" ? "image/png" : "video/mp4");
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _timers.ForEach(t => t.Dispose());
            _timers.Clear();
        }
    }

    private static EmulatorResponse Refuse(string message) => EmulatorResponse.Envelope(40000, message, null);

    private CustomisedPerson? Find(string id) => _persons.FirstOrDefault(p => p.Id == id && !p.Deleted);

    /// <summary>Raises <see cref="Ended"/> once for a person with a callback that has ended; re-arms the timer if it has not yet.</summary>
    private void CheckEnded(CustomisedPerson person)
    {
        JsonObject json;
        lock (_gate)
        {
            if (person.Callback is null || person.CallbackStarted)
            {
                return;
            }

            if (Status(person).Status == 1)
            {
                if (person.ForcedStatus is null)
                {
                    var remaining = person.CreatedAt + ProductionTime - Now;
                    _timers.Add(options.TimeProvider.CreateTimer(_ => CheckEnded(person), null, remaining > TimeSpan.Zero ? remaining : TimeSpan.FromMilliseconds(1), Timeout.InfiniteTimeSpan));
                }

                return;
            }

            person.CallbackStarted = true;
            json = ToJson(person);
        }

        Ended?.Invoke(person, json);
    }
}
