using System.Text.Json;
using System.Text.Json.Nodes;
using Chanjing.Emulator.Avatars;
using Chanjing.Emulator.Files;
using Chanjing.Emulator.Http;

namespace Chanjing.Emulator.Voices;

/// <summary>
/// Voice clones (<c>create_customised_audio</c>, <c>customised_audio</c>, <c>list_customised_audio</c>): status 0
/// (queued) for <see cref="ChanjingEmulatorOptions.QueuedDuration"/>, 1 (in production, progress rising) for
/// <see cref="ChanjingEmulatorOptions.GeneratingDuration"/>, then 2 (ready: usable as <c>audio_man</c> in TTS and avatar
/// videos) or 4 (failed, with <c>err_msg</c>); a voice whose name holds <see cref="ExpiryMarker"/> turns 3 (expired)
/// one production time after it became ready. Also the one answer to "may this voice speak?" for every product.
/// Thread-safe.
/// </summary>
internal sealed partial class CustomVoiceStore(ChanjingEmulatorOptions options, Func<Uri> baseAddress, FileStore files, CustomisedPersonStore persons) : IDisposable
{
    /// <summary>A name holding this makes the voice expire (status 3) one production time after it became ready.</summary>
    public const string ExpiryMarker = "[emulator:expire]";

    /// <summary>A reference URL holding this counts as a sample shorter than the minimum, when its duration cannot be read.</summary>
    public const string TooShortMarker = "tooshort";

    /// <summary>The shortest reference the service clones (DOC: at least 10 s of real speech; 30 s to 5 min recommended).</summary>
    public static readonly TimeSpan MinSampleDuration = TimeSpan.FromSeconds(10);

    /// <summary>The longest reference the service takes (DOC: 5 minutes).</summary>
    public static readonly TimeSpan MaxSampleDuration = TimeSpan.FromMinutes(5);

    public const string NotFoundMessage = "该AI语音被禁用或者不存在";
    public const string UnsupportedFormatMessage = "不支持的音频格式，请阅读接口文档";
    public const string TooShortMessage = "音频有效时长不足10秒，请重新上传";
    public const string TooLongMessage = "音频时长超过5分钟";
    public const string UnreachableMessage = "音频文件下载失败，请检查url是否可公开访问";
    public const string ServiceErrorMessage = "声音克隆失败，请稍后重试";
    public const string ExpiredMessage = "声音已过期";

    private static readonly string[] Models = ["cicada1.0", "cicada3.0", "cicada3.0-turbo"];
    private readonly object _gate = new();
    private readonly List<CustomVoice> _voices = [];
    private readonly List<ITimer> _timers = [];

    /// <summary>Raised once when a voice that carries a callback URL ends (2 or 4, or a forced end), with the voice object.</summary>
    public event Action<CustomVoice, JsonObject>? Ended;

    private DateTimeOffset Now => options.TimeProvider.GetUtcNow();

    private TimeSpan ProductionTime => options.QueuedDuration + options.GeneratingDuration;

    public EmulatorResponse Create(JsonObject body)
    {
        var name = Text(body["name"]);
        var url = Text(body["url"]);
        if (string.IsNullOrWhiteSpace(name))
        {
            return Refuse("参数错误: name 必填");
        }

        if (string.IsNullOrEmpty(url) || !Uri.TryCreate(url, UriKind.Absolute, out var sample) || (sample.Scheme != Uri.UriSchemeHttp && sample.Scheme != Uri.UriSchemeHttps))
        {
            return Refuse("参数错误: url 必填, 应为可公开访问的 http(s) 音频地址");
        }

        // The sources spell the model three ways (Cicada3.0-turbo, cicada3.0-turbo, cicada3.0-Turbo): any case is taken.
        var model = body["model_type"] is null ? "cicada1.0" : Text(body["model_type"])?.ToLowerInvariant() ?? "?";
        if (model.Length == 0)
        {
            model = "cicada1.0";
        }

        if (!Models.Contains(model))
        {
            return Refuse("参数错误: model_type 仅支持 cicada1.0、cicada3.0、cicada3.0-turbo");
        }

        var language = body["language"] is null ? "cn" : Text(body["language"]) ?? "?";
        if (language is not ("cn" or "en"))
        {
            return Refuse("参数错误: language 仅支持 cn、en");
        }

        if (body["text"] is { } preview && (Text(preview) is not { } t || t.Length > 50 || (t.Length > 0 && t.All(char.IsAsciiDigit))))
        {
            return Refuse("参数错误: text 不超过50字, 且不能为纯数字");
        }

        if (!CallbackUrl.TryParse(body["callback"], out var callback))
        {
            return Refuse("参数错误: callback 应为 http(s) URL");
        }

        var (status, error, pcm) = Outcome(name, sample);
        var voice = new CustomVoice
        {
            Id = "C-Audio-" + Guid.NewGuid().ToString("N"),
            Name = name,
            Model = model,
            Language = language,
            SampleUrl = url,
            SamplePcm = pcm,
            Callback = callback,
            CreatedAt = Now,
            PlannedStatus = status,
            PlannedError = error,
            Expires = name.Contains(ExpiryMarker, StringComparison.Ordinal),
        };
        lock (_gate)
        {
            _voices.Add(voice);
            if (callback is not null)
            {
                _timers.Add(options.TimeProvider.CreateTimer(_ => CheckEnded(voice), null, ProductionTime, Timeout.InfiniteTimeSpan));
            }
        }

        return EmulatorResponse.Ok(JsonValue.Create(voice.Id));
    }

    public EmulatorResponse Get(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return Refuse("参数错误: id 必填");
        }

        lock (_gate)
        {
            return Find(id) is { } voice ? EmulatorResponse.Ok(ToJson(voice)) : Refuse(NotFoundMessage);
        }
    }

    /// <summary><c>list_customised_audio</c> <c>{page, page_size}</c>: newest first, <c>{list, page_info}</c>.</summary>
    public EmulatorResponse List(JsonObject body)
    {
        var (page, size, error) = Paging.FromBody(body, 10);
        if (error is not null)
        {
            return Refuse(error);
        }

        lock (_gate)
        {
            return EmulatorResponse.Ok(Paging.Page([.. Enumerable.Reverse(_voices).Select(v => (JsonNode)ToJson(v))], page, size));
        }
    }

    /// <summary>Whether <paramref name="voiceId"/> may speak: a public voice, a ready cloned voice, or a ready customised avatar's voice.</summary>
    public bool IsUsable(string voiceId)
    {
        if (VoiceCatalog.Find(voiceId) is not null || persons.IsClonedVoice(voiceId))
        {
            return true;
        }

        lock (_gate)
        {
            return Find(voiceId) is { } voice && Status(voice).Status == 2;
        }
    }

    public void SetStatus(string id, int status, string? errorMessage)
    {
        CustomVoice voice;
        lock (_gate)
        {
            voice = Find(id) ?? throw new KeyNotFoundException($"No cloned voice {id}.");
            voice.ForcedStatus = status;
            voice.ForcedError = errorMessage;
        }

        CheckEnded(voice);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _timers.ForEach(t => t.Dispose());
            _timers.Clear();
        }
    }

    private static string? Text(JsonNode? node) => node?.GetValueKind() == JsonValueKind.String ? (string)node! : null;

    private static EmulatorResponse Refuse(string message) => EmulatorResponse.Envelope(40000, message, null);

    private CustomVoice? Find(string id) => _voices.FirstOrDefault(v => v.Id == id);

    /// <summary>Raises <see cref="Ended"/> once for a voice with a callback that has ended; re-arms the timer if it has not yet.</summary>
    private void CheckEnded(CustomVoice voice)
    {
        JsonObject json;
        lock (_gate)
        {
            if (voice.Callback is null || voice.CallbackStarted)
            {
                return;
            }

            if (Status(voice).Status is 0 or 1)
            {
                if (voice.ForcedStatus is null)
                {
                    var remaining = voice.CreatedAt + ProductionTime - Now;
                    _timers.Add(options.TimeProvider.CreateTimer(_ => CheckEnded(voice), null, remaining > TimeSpan.Zero ? remaining : TimeSpan.FromMilliseconds(1), Timeout.InfiniteTimeSpan));
                }

                return;
            }

            voice.CallbackStarted = true;
            json = ToJson(voice);
        }

        Ended?.Invoke(voice, json);
    }
}
