using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Chanjing.Emulator.Avatars;
using Chanjing.Emulator.Files;
using Chanjing.Emulator.Http;
using Chanjing.Emulator.Media;
using Chanjing.Emulator.Voices;

namespace Chanjing.Emulator.AvatarVideos;

/// <summary>
/// Avatar videos (<c>create_video</c>, <c>video</c>, <c>video_list</c>): status 10 (generating, progress rising) for
/// <see cref="ChanjingEmulatorOptions.QueuedDuration"/> + <see cref="ChanjingEmulatorOptions.GeneratingDuration"/>, then 30
/// with an MP4 (an H.264 picture at the screen size, or scaled down, and a PCM sound track exactly as long as the
/// speech or the driving audio), a PNG cover and, when subtitles were asked for, a JSON subtitle timeline; or a 4X / 5X
/// failure with a documented <c>msg</c>. Thread-safe.
/// </summary>
internal sealed class AvatarVideoStore(ChanjingEmulatorOptions options, Func<Uri> baseAddress, FileStore files, CustomisedPersonStore persons, CustomVoiceStore voices, MediaWriter media) : IDisposable
{
    /// <summary>A text (or audio file name / URL) holding this makes the video fail for want of credits.</summary>
    public const string InsufficientCreditsMarker = "[emulator:no-credits]";

    /// <summary>The length of a driving audio the emulator cannot read (not a WAV or MP4 it has the bytes of).</summary>
    public static readonly TimeSpan DefaultAudioDuration = TimeSpan.FromSeconds(5);

    public const string InsufficientCreditsMessage = "蝉豆不足扣费失败";
    public const string DigitsOnlyMessage = "不支持纯数字文本";
    public const string TooShortMessage = "您需要至少输入1S以上的内容";
    public const string UnsupportedAudioMessage = "不支持的音频格式,仅支持:audio/x-wav,audio/mpeg,audio/m4a,video/mp4";
    public const string UnsupportedLanguageMessage = "暂不支持该语种";
    public const string ServiceErrorMessage = "视频合成失败，请稍后重试";

    private readonly object _gate = new();
    private readonly List<AvatarVideo> _videos = [];
    private readonly List<ITimer> _timers = [];
    private readonly ConcurrentDictionary<string, Lazy<byte[]>> _outputs = new(StringComparer.Ordinal);

    /// <summary>Raised once when a video that carries a callback URL ends (30, 4X or 5X), with the video object.</summary>
    public event Action<AvatarVideo, JsonObject>? Ended;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _videos.Count;
            }
        }
    }

    private DateTimeOffset Now => options.TimeProvider.GetUtcNow();

    private TimeSpan GenerationTime => options.QueuedDuration + options.GeneratingDuration;

    public EmulatorResponse Create(JsonObject body)
    {
        var (request, error) = AvatarVideoValidator.Validate(body, files, persons, voices);
        if (request is null)
        {
            return EmulatorResponse.Envelope(40000, error!, null);
        }

        var (duration, clauses) = request.AudioType == "tts"
            ? SpeechTiming.Measure(request.Text, request.Speed)
            : (AudioDuration(request.AudioContent), (IReadOnlyList<SpeechTiming.Clause>)[]);
        if (request.AudioType != "tts")
        {
            clauses = [new SpeechTiming.Clause(string.Empty, TimeSpan.Zero, duration)];
        }

        var (status, message) = Outcome(request, duration);
        var video = new AvatarVideo
        {
            Id = Guid.NewGuid().ToString("N"),
            Request = request,
            CreatedAt = Now,
            PlannedStatus = status,
            PlannedMessage = message,
            Duration = duration,
            Clauses = clauses,
        };
        lock (_gate)
        {
            _videos.Add(video);
            if (request.Callback is not null)
            {
                _timers.Add(options.TimeProvider.CreateTimer(_ => CheckEnded(video), null, GenerationTime, Timeout.InfiniteTimeSpan));
            }
        }

        return EmulatorResponse.Ok(JsonValue.Create(video.Id));
    }

    public EmulatorResponse Get(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return EmulatorResponse.Envelope(40000, "参数错误: id 必填", null);
        }

        lock (_gate)
        {
            return _videos.FirstOrDefault(v => v.Id == id) is { } video ? EmulatorResponse.Ok(ToJson(video)) : EmulatorResponse.Envelope(40000, "视频不存在", null);
        }
    }

    /// <summary><c>video_list</c>: newest first, with the capitalised <c>List</c> / <c>PageInfo</c> of the DOC.</summary>
    public EmulatorResponse List(JsonObject body)
    {
        var (page, size, error) = Paging.FromBody(body, 10);
        if (error is not null)
        {
            return EmulatorResponse.Envelope(40000, error, null);
        }

        lock (_gate)
        {
            var all = Enumerable.Reverse(_videos).Select(v => (JsonNode)ToJson(v)).ToList();
            return EmulatorResponse.Ok(Paging.Page(all, page, size, "List", "PageInfo"));
        }
    }

    public void SetStatus(string id, int status, string? message)
    {
        AvatarVideo video;
        lock (_gate)
        {
            video = _videos.FirstOrDefault(v => v.Id == id) ?? throw new KeyNotFoundException($"No avatar video {id}.");
            video.ForcedStatus = status;
            video.ForcedMessage = message;
        }

        CheckEnded(video);
    }

    /// <summary>The bytes of a finished video's MP4 (<c>.mp4</c>), cover (<c>.png</c>) or subtitle timeline (<c>.json</c>).</summary>
    public byte[] OutputBytes(string videoId, string extension) =>
        Output(videoId + extension)?.Content ?? throw new KeyNotFoundException($"No {extension} output of avatar video {videoId} (it must exist and have succeeded).");

    /// <summary>A finished video's output by its file name under <c>files/videos/</c>, or null.</summary>
    public (byte[] Content, string ContentType)? Output(string fileName)
    {
        var extension = Path.GetExtension(fileName);
        AvatarVideo? video;
        lock (_gate)
        {
            video = _videos.FirstOrDefault(v => v.Id == Path.GetFileNameWithoutExtension(fileName));
            if (video is null || Status(video).Status != 30 || extension is not (".mp4" or ".png" or ".json") || (extension == ".json" && !video.Request.Subtitles))
            {
                return null;
            }
        }

        var content = _outputs.GetOrAdd(fileName, _ => new Lazy<byte[]>(() => Render(video, extension))).Value;
        return (content, extension switch { ".mp4" => "video/mp4", ".png" => "image/png", _ => "application/json" });
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _timers.ForEach(t => t.Dispose());
            _timers.Clear();
        }
    }

    private static TimeSpan AudioDuration(byte[]? content) =>
        content is null ? DefaultAudioDuration
        : Wav.TryRead(content) is { } wav ? wav.Duration
        : Mp4Info.TryRead(content) is { } mp4 ? mp4.Duration
        : DefaultAudioDuration;

    private (int Status, string Message) Outcome(AvatarVideoRequest request, TimeSpan duration)
    {
        var marked = request.Text + "|" + request.AudioName;
        if (marked.Contains(InsufficientCreditsMarker, StringComparison.Ordinal))
        {
            return (40, InsufficientCreditsMessage);
        }

        if (marked.Contains(options.FailurePromptMarker, StringComparison.Ordinal))
        {
            return (50, ServiceErrorMessage);
        }

        if (request.AudioType == "tts" && SpeechTiming.IsDigitsOnly(request.Text))
        {
            return (40, DigitsOnlyMessage);
        }

        if (request.Language is not ("cn" or "en"))
        {
            return (40, UnsupportedLanguageMessage);
        }

        if (request.AudioType == "audio" && Path.GetExtension(request.AudioName).ToLowerInvariant() is not (".wav" or ".mp3" or ".m4a" or ".mp4"))
        {
            return (40, UnsupportedAudioMessage);
        }

        return duration < TimeSpan.FromSeconds(1) ? (40, TooShortMessage) : (30, string.Empty);
    }

    private (int Status, int Progress, string Message) Status(AvatarVideo video)
    {
        if (video.ForcedStatus is { } forced)
        {
            return (forced, forced == 30 ? 100 : 0, video.ForcedMessage ?? (forced >= 40 ? ServiceErrorMessage : string.Empty));
        }

        var age = Now - video.CreatedAt;
        if (age < GenerationTime)
        {
            return (10, (int)Math.Clamp(age / GenerationTime * 100, 0, 99), string.Empty);
        }

        return (video.PlannedStatus, video.PlannedStatus == 30 ? 100 : 0, video.PlannedMessage);
    }

    private JsonObject ToJson(AvatarVideo video)
    {
        var (status, progress, message) = Status(video);
        var done = status == 30;
        return new JsonObject
        {
            ["id"] = video.Id,
            ["status"] = status,
            ["progress"] = progress,
            ["msg"] = message,
            ["video_url"] = done ? Url(video, ".mp4") : string.Empty,
            ["subtitle_data_url"] = done && video.Request.Subtitles ? Url(video, ".json") : string.Empty,
            ["preview_url"] = done ? Url(video, ".png") : string.Empty,
            ["duration"] = done ? Math.Max(1, (int)Math.Round(video.Duration.TotalSeconds, MidpointRounding.AwayFromZero)) : 0,
            ["create_time"] = video.CreatedAt.ToUnixTimeSeconds(),
        };
    }

    private string Url(AvatarVideo video, string extension) => new Uri(baseAddress(), $"files/videos/{video.Id}{extension}").AbsoluteUri;

    private byte[] Render(AvatarVideo video, string extension)
    {
        var request = video.Request;
        var (width, height) = media.Scaled(request.ScreenWidth, request.ScreenHeight);
        var seed = $"{request.PersonId}|{request.FigureType}|{request.Text}{request.AudioName}";
        if (extension == ".png")
        {
            return MediaWriter.Png(seed, width, height);
        }

        var fps = Math.Clamp(options.VideoFramesPerSecond, 1, 60);
        if (extension == ".json")
        {
            var timeline = new JsonArray([.. video.Clauses.Select((c, i) => (JsonNode)new JsonObject
            {
                ["min_time"] = (long)c.Start.TotalMilliseconds,
                ["max_time"] = (long)c.End.TotalMilliseconds,
                ["subtitles"] = c.Text,
                ["start_frame"] = (long)(c.Start.TotalMilliseconds * fps / 1000),
                ["end_frame"] = (long)(c.End.TotalMilliseconds * fps / 1000),
                ["fps"] = fps,
                ["key"] = string.Create(CultureInfo.InvariantCulture, $"{video.Id[..8]}-{i + 1}"),
            })]);
            return Encoding.UTF8.GetBytes(EmulatorResponse.Text(timeline));
        }

        var pcm = request.AudioType == "tts"
            ? PcmAudio.Speech(request.Text, video.Duration, SpeechTiming.CharactersPerSecond * request.Speed, request.Volume)
            : (request.AudioContent is { } bytes ? Wav.TryRead(bytes)?.Pcm?.WithVolume(request.Volume) : null)
                ?? PcmAudio.Speech(request.AudioName, video.Duration, SpeechTiming.CharactersPerSecond, request.Volume);
        return media.Mp4(seed, width, height, video.Duration, pcm);
    }

    /// <summary>Raises <see cref="Ended"/> once for a video with a callback that has ended; re-arms the timer if it has not yet.</summary>
    private void CheckEnded(AvatarVideo video)
    {
        JsonObject json;
        lock (_gate)
        {
            if (video.Request.Callback is null || video.CallbackStarted)
            {
                return;
            }

            if (Status(video).Status == 10)
            {
                if (video.ForcedStatus is null)
                {
                    var remaining = video.CreatedAt + GenerationTime - Now;
                    _timers.Add(options.TimeProvider.CreateTimer(_ => CheckEnded(video), null, remaining > TimeSpan.Zero ? remaining : TimeSpan.FromMilliseconds(1), Timeout.InfiniteTimeSpan));
                }

                return;
            }

            video.CallbackStarted = true;
            json = ToJson(video);
        }

        Ended?.Invoke(video, json);
    }
}
