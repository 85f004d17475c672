using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Chanjing.Emulator.Avatars;
using Chanjing.Emulator.AvatarVideos;
using Chanjing.Emulator.Files;
using Chanjing.Emulator.Http;
using Chanjing.Emulator.Media;
using Chanjing.Emulator.Voices;

namespace Chanjing.Emulator.LipSync;

/// <summary>
/// Lip-sync videos (<c>video_lip_sync/create</c>, <c>/detail</c>, <c>/list</c>): status 0 (queued) for
/// <see cref="ChanjingEmulatorOptions.QueuedDuration"/>, 10 (generating, progress rising) for
/// <see cref="ChanjingEmulatorOptions.GeneratingDuration"/>, then 20 with an MP4 (an H.264 picture at the driving video's
/// size, read from its MP4 header, or the screen size; scaled down unless asked otherwise; and a PCM sound track exactly
/// as long as the speech or the driving audio) and a PNG cover, or 30 with a <c>msg</c>. <c>duration</c> is in
/// milliseconds. Thread-safe.
/// </summary>
internal sealed class LipSyncStore(ChanjingEmulatorOptions options, Func<Uri> baseAddress, FileStore files, CustomVoiceStore voices, MediaWriter media) : IDisposable
{
    public const string ServiceErrorMessage = "对口型视频生成失败，请稍后重试";

    private readonly object _gate = new();
    private readonly List<LipSyncVideo> _videos = [];
    private readonly List<ITimer> _timers = [];
    private readonly ConcurrentDictionary<string, Lazy<byte[]>> _outputs = new(StringComparer.Ordinal);

    /// <summary>Raised once when a video that carries a callback URL ends (20 or 30), with the full envelope to POST.</summary>
    public event Action<LipSyncVideo, JsonObject>? Ended;

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
        var (request, error) = LipSyncValidator.Validate(body, files, voices);
        if (request is null)
        {
            return EmulatorResponse.Envelope(40000, error!, null);
        }

        var duration = request.AudioType == "tts" ? SpeechTiming.Measure(request.Text, request.Speed).Duration : AudioDuration(request.AudioContent);
        var (status, message) = Outcome(request, duration);
        var video = new LipSyncVideo
        {
            Id = Guid.NewGuid().ToString("N"),
            Request = request,
            CreatedAt = Now,
            PlannedStatus = status,
            PlannedMessage = message,
            Duration = duration,
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
            return _videos.FirstOrDefault(v => v.Id == id) is { } video ? EmulatorResponse.Ok(ToJson(video)) : EmulatorResponse.Envelope(40000, "对口型任务不存在", null);
        }
    }

    /// <summary><c>video_lip_sync/list</c>: newest first, <c>{list, page_info}</c>.</summary>
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
            return EmulatorResponse.Ok(Paging.Page(all, page, size));
        }
    }

    public void SetStatus(string id, int status, string? message)
    {
        LipSyncVideo video;
        lock (_gate)
        {
            video = _videos.FirstOrDefault(v => v.Id == id) ?? throw new KeyNotFoundException($"No lip-sync video {id}.");
            video.ForcedStatus = status;
            video.ForcedMessage = message;
        }

        CheckEnded(video);
    }

    /// <summary>The bytes of a finished video's MP4 (<c>.mp4</c>) or cover (<c>.png</c>).</summary>
    public byte[] OutputBytes(string videoId, string extension) =>
        Output(videoId + extension)?.Content ?? throw new KeyNotFoundException($"No {extension} output of lip-sync video {videoId} (it must exist and have succeeded).");

    /// <summary>A finished video's output by its file name under <c>files/lipsync/</c>, or null.</summary>
    public (byte[] Content, string ContentType)? Output(string fileName)
    {
        var extension = Path.GetExtension(fileName);
        LipSyncVideo? video;
        lock (_gate)
        {
            video = _videos.FirstOrDefault(v => v.Id == Path.GetFileNameWithoutExtension(fileName));
            if (video is null || Status(video).Status != 20 || extension is not (".mp4" or ".png"))
            {
                return null;
            }
        }

        var content = _outputs.GetOrAdd(fileName, _ => new Lazy<byte[]>(() => Render(video, extension))).Value;
        return (content, extension == ".mp4" ? "video/mp4" : "image/png");
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
        content is null ? AvatarVideoStore.DefaultAudioDuration
        : Wav.TryRead(content) is { } wav ? wav.Duration
        : Mp4Info.TryRead(content) is { } mp4 ? mp4.Duration
        : AvatarVideoStore.DefaultAudioDuration;

    private (int Status, string Message) Outcome(LipSyncRequest request, TimeSpan duration)
    {
        var marked = $"{request.Text}|{request.AudioName}|{request.VideoName}";
        if (marked.Contains(AvatarVideoStore.InsufficientCreditsMarker, StringComparison.Ordinal))
        {
            return (30, AvatarVideoStore.InsufficientCreditsMessage);
        }

        if (marked.Contains(options.FailurePromptMarker, StringComparison.Ordinal))
        {
            return (30, ServiceErrorMessage);
        }

        if (request.AudioType == "tts" && SpeechTiming.IsDigitsOnly(request.Text))
        {
            return (30, AvatarVideoStore.DigitsOnlyMessage);
        }

        return duration < TimeSpan.FromSeconds(1) ? (30, AvatarVideoStore.TooShortMessage) : (20, string.Empty);
    }

    private (int Status, int Progress, string Message) Status(LipSyncVideo video)
    {
        if (video.ForcedStatus is { } forced)
        {
            return (forced, forced == 20 ? 100 : 0, video.ForcedMessage ?? (forced == 30 ? ServiceErrorMessage : string.Empty));
        }

        var age = Now - video.CreatedAt;
        if (age < options.QueuedDuration)
        {
            return (0, 0, string.Empty);
        }

        if (age < GenerationTime)
        {
            var generating = options.GeneratingDuration > TimeSpan.Zero ? (age - options.QueuedDuration) / options.GeneratingDuration : 0;
            return (10, (int)Math.Clamp(generating * 100, 0, 99), string.Empty);
        }

        return (video.PlannedStatus, video.PlannedStatus == 20 ? 100 : 0, video.PlannedMessage);
    }

    private JsonObject ToJson(LipSyncVideo video)
    {
        var (status, progress, message) = Status(video);
        var done = status == 20;
        return new JsonObject
        {
            ["id"] = video.Id,
            ["status"] = status,
            ["progress"] = progress,
            ["msg"] = message,
            ["video_url"] = done ? Url(video, ".mp4") : string.Empty,
            ["preview_url"] = done ? Url(video, ".png") : string.Empty,
            ["duration"] = done ? (long)Math.Round(video.Duration.TotalMilliseconds) : 0,
            ["create_time"] = video.CreatedAt.ToUnixTimeSeconds(),
        };
    }

    private string Url(LipSyncVideo video, string extension) => new Uri(baseAddress(), $"files/lipsync/{video.Id}{extension}").AbsoluteUri;

    /// <summary>
    /// The picture is the emulator's own (drawn from the driving video's bytes) at the driving video's size when its
    /// MP4 / MOV header says it, else at the screen size: the uploaded frames are not decoded or re-encoded.
    /// </summary>
    private byte[] Render(LipSyncVideo video, string extension)
    {
        var request = video.Request;
        var source = Mp4Info.TryRead(request.VideoContent) is { Width: > 0, Height: > 0 } info ? (info.Width, info.Height) : (request.ScreenWidth, request.ScreenHeight);
        var (width, height) = media.Scaled(source.Item1, source.Item2);
        var seed = Convert.ToHexString(SHA256.HashData(request.VideoContent)) + "|" + request.Model.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (extension == ".png")
        {
            return MediaWriter.Png(seed, width, height);
        }

        var pcm = request.AudioType == "tts"
            ? PcmAudio.Speech(request.Text, video.Duration, SpeechTiming.CharactersPerSecond * request.Speed, request.Volume)
            : (request.AudioContent is { } bytes ? Wav.TryRead(bytes)?.Pcm?.WithVolume(request.Volume) : null)
                ?? PcmAudio.Speech(request.AudioName, video.Duration, SpeechTiming.CharactersPerSecond, request.Volume);
        return media.Mp4(seed, width, height, video.Duration, pcm);
    }

    /// <summary>Raises <see cref="Ended"/> once for a video with a callback that has ended; re-arms the timer if it has not yet.</summary>
    private void CheckEnded(LipSyncVideo video)
    {
        JsonObject envelope;
        lock (_gate)
        {
            if (video.Request.Callback is null || video.CallbackStarted)
            {
                return;
            }

            if (Status(video).Status is 0 or 10)
            {
                if (video.ForcedStatus is null)
                {
                    var remaining = video.CreatedAt + GenerationTime - Now;
                    _timers.Add(options.TimeProvider.CreateTimer(_ => CheckEnded(video), null, remaining > TimeSpan.Zero ? remaining : TimeSpan.FromMilliseconds(1), Timeout.InfiniteTimeSpan));
                }

                return;
            }

            video.CallbackStarted = true;

            // The callback is the full envelope (avatar SKILL.md), not the bare task as for avatar videos.
            envelope = new JsonObject
            {
                ["trace_id"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant(),
                ["code"] = 0,
                ["msg"] = "success",
                ["data"] = ToJson(video),
            };
        }

        Ended?.Invoke(video, envelope);
    }
}
