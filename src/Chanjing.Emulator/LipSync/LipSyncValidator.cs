using System.Text.Json;
using System.Text.Json.Nodes;
using Chanjing.Emulator.Avatars;
using Chanjing.Emulator.Files;
using Chanjing.Emulator.Http;
using Chanjing.Emulator.Voices;
using static Chanjing.Emulator.Http.RequestFields;

namespace Chanjing.Emulator.LipSync;

/// <summary>
/// Checks a <c>video_lip_sync/create</c> body against the documented rules (DOC lip-syncing/create_task, Chanjing's
/// avatar scripts) and reduces it to a <see cref="LipSyncRequest"/>; a refusal is a <c>msg</c> answered with code 40000.
/// <c>tts_config.text</c> is an array of strings in the DOC table and a plain string in its examples: both are accepted.
/// </summary>
internal static class LipSyncValidator
{
    public const string UnknownVoiceMessage = "该AI语音被禁用或者不存在";
    public const string UnsupportedVideoMessage = "不支持的视频格式，仅支持 mp4、mov、webm";
    public const string UnsupportedAudioMessage = "不支持的音频格式，仅支持 mp3、m4a、wav";

    public static (LipSyncRequest? Request, string? Error) Validate(JsonObject body, FileStore files, CustomVoiceStore voices)
    {
        try
        {
            return (Parse(body, files, voices), null);
        }
        catch (RequestRefusedException e)
        {
            return (null, e.Message);
        }
    }

    private static LipSyncRequest Parse(JsonObject body, FileStore files, CustomVoiceStore voices)
    {
        var (video, videoError) = files.Ready(Required(body, "video_file_id"), "lip_sync_video");
        if (video is null)
        {
            throw Refuse(videoError!);
        }

        if (Path.GetExtension(video.Name).ToLowerInvariant() is not (".mp4" or ".mov" or ".webm"))
        {
            throw Refuse(UnsupportedVideoMessage);
        }

        var screenWidth = Int(body, "screen_width", 2, 4096) ?? 1080;
        var screenHeight = Int(body, "screen_height", 2, 4096) ?? 1920;
        var backway = Int(body, "backway", 1, 2) ?? 1;
        var driveMode = String(body, "drive_mode") ?? string.Empty;
        if (driveMode is not ("" or "random"))
        {
            throw Refuse("参数错误: drive_mode 仅支持 \"\"、\"random\"");
        }

        var model = Int(body, "model", 0, 2) ?? 0;
        var volume = Int(body, "volume", 1, 100) ?? 100;
        var audioType = String(body, "audio_type") ?? "tts";
        string text = string.Empty, voice = string.Empty, audioName = string.Empty;
        double speed = 1, pitch = 1;
        byte[]? audioContent = null;
        if (audioType == "tts")
        {
            var tts = body["tts_config"] as JsonObject ?? throw Refuse("参数错误: audio_type 为 tts 时 tts_config 必填");
            text = tts["text"] switch
            {
                JsonArray lines when lines.Count > 0 && lines.All(l => l?.GetValueKind() == JsonValueKind.String) => string.Concat(lines.Select(l => (string)l!)),
                JsonValue single when single.GetValueKind() == JsonValueKind.String => (string)single!,
                _ => throw Refuse("参数错误: tts_config.text 应为字符串数组"),
            };
            if (text.Trim().Length == 0)
            {
                throw Refuse("参数错误: tts_config.text 不能为空");
            }

            voice = String(tts, "audio_man_id") is { Length: > 0 } id ? id : throw Refuse("参数错误: tts_config.audio_man_id 必填");
            if (!voices.IsUsable(voice))
            {
                throw Refuse(UnknownVoiceMessage);
            }

            speed = Number(tts, "speed") ?? 1;
            if (speed is < 0.5 or > 2)
            {
                throw Refuse("参数错误: tts_config.speed 取值 0.5-2");
            }

            pitch = Number(tts, "pitch") ?? 1;
        }
        else if (audioType == "audio")
        {
            var (audio, audioError) = files.Ready(Required(body, "audio_file_id"), "lip_sync_audio");
            if (audio is null)
            {
                throw Refuse(audioError!);
            }

            if (Path.GetExtension(audio.Name).ToLowerInvariant() is not (".mp3" or ".m4a" or ".wav"))
            {
                throw Refuse(UnsupportedAudioMessage);
            }

            (audioName, audioContent) = (audio.Name, audio.Content);
        }
        else
        {
            throw Refuse("参数错误: audio_type 仅支持 tts、audio");
        }

        if (!CallbackUrl.TryParse(body["callback"], out var callback))
        {
            throw Refuse("参数错误: callback 应为 http(s) URL");
        }

        return new LipSyncRequest
        {
            VideoFileId = video.Id,
            VideoName = video.Name,
            VideoContent = video.Content!,
            ScreenWidth = screenWidth,
            ScreenHeight = screenHeight,
            Backway = backway,
            DriveMode = driveMode,
            Model = model,
            AudioType = audioType,
            Text = text,
            Voice = voice,
            Speed = speed,
            Pitch = pitch,
            AudioName = audioName,
            AudioContent = audioContent,
            Volume = volume,
            Callback = callback,
        };
    }
}
