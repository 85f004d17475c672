using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chanjing.Emulator.Avatars;
using Chanjing.Emulator.Files;
using Chanjing.Emulator.Http;
using Chanjing.Emulator.Voices;

namespace Chanjing.Emulator.AvatarVideos;

/// <summary>
/// Checks a <c>create_video</c> body against the documented rules (DOC create-video-task, the video-compose scripts) and
/// reduces it to an <see cref="AvatarVideoRequest"/>; a refusal is a <c>msg</c> answered with code 40000.
/// <c>drive_mode</c>, <c>is_rgba_mode</c> and <c>backway</c> are read in <c>person</c> (DOC) or at the top level
/// (Chanjing's script); <c>person</c> wins when both are sent.
/// </summary>
internal static class AvatarVideoValidator
{
    public const int MaxTextLength = 4000;
    public const string UnknownVoiceMessage = "该AI语音被禁用或者不存在";

    public static (AvatarVideoRequest? Request, string? Error) Validate(JsonObject body, FileStore files, CustomisedPersonStore persons, CustomVoiceStore voices)
    {
        try
        {
            return (Parse(body, files, persons, voices), null);
        }
        catch (RefusedException e)
        {
            return (null, e.Message);
        }
    }

    private static AvatarVideoRequest Parse(JsonObject body, FileStore files, CustomisedPersonStore persons, CustomVoiceStore voices)
    {
        var person = body["person"] as JsonObject ?? throw Refuse("参数错误: person 必填");
        var personId = String(person, "id", "person.id") ?? throw Refuse("参数错误: person.id 必填");
        var publicAvatar = PublicAvatarCatalog.Find(personId);
        var customised = publicAvatar is null ? persons.FindUsable(personId) : null;
        if (publicAvatar is null && customised is null)
        {
            throw Refuse($"参数错误: 数字人 {personId} 不存在或尚未定制完成");
        }

        string? figureType = null;
        if (publicAvatar is not null)
        {
            figureType = String(person, "figure_type", "person.figure_type");
            if (figureType is null || !publicAvatar.FigureTypes.Contains(figureType))
            {
                throw Refuse($"参数错误: person.figure_type 应为该公共数字人的形态之一 ({string.Join(", ", publicAvatar.FigureTypes)})");
            }
        }

        foreach (var field in new[] { "x", "y" })
        {
            _ = Int(person, field, "person." + field, int.MinValue, int.MaxValue) ?? throw Refuse($"参数错误: person.{field} 必填");
        }

        foreach (var field in new[] { "width", "height" })
        {
            _ = Int(person, field, "person." + field, 1, 8192) ?? throw Refuse($"参数错误: person.{field} 必填");
        }

        var driveMode = String(person, "drive_mode", "person.drive_mode") ?? String(body, "drive_mode", "drive_mode");
        if (driveMode is not (null or "" or "random"))
        {
            throw Refuse("参数错误: drive_mode 仅支持 \"\"、\"random\"");
        }

        var rgba = Bool(person, "is_rgba_mode", "person.is_rgba_mode") ?? Bool(body, "is_rgba_mode", "is_rgba_mode") ?? false;
        if (rgba && customised is not { FromWebm: true })
        {
            throw Refuse("参数错误: is_rgba_mode 需要以四通道 webm 素材定制的数字人");
        }

        _ = Int(person, "backway", "person.backway", 1, 2) ?? Int(body, "backway", "backway", 1, 2);

        var audio = body["audio"] as JsonObject ?? throw Refuse("参数错误: audio 必填");
        var type = String(audio, "type", "audio.type") ?? "tts";
        var volume = Int(audio, "volume", "audio.volume", 0, 100) ?? 100;
        var language = String(audio, "language", "audio.language") ?? "cn";
        string text = string.Empty, voice = string.Empty, audioName = string.Empty;
        double speed = 1;
        byte[]? audioContent = null;
        if (type == "tts")
        {
            var tts = audio["tts"] as JsonObject ?? throw Refuse("参数错误: audio.tts 必填");
            if (tts["text"] is not JsonArray lines || lines.Count == 0 || lines.Any(l => l?.GetValueKind() != JsonValueKind.String))
            {
                throw Refuse("参数错误: audio.tts.text 应为非空字符串数组");
            }

            text = string.Concat(lines.Select(l => (string)l!));
            if (text.Trim().Length == 0)
            {
                throw Refuse("参数错误: audio.tts.text 不能为空");
            }

            if (text.Length >= MaxTextLength)
            {
                throw Refuse($"参数错误: 文本长度需小于{MaxTextLength}字符");
            }

            speed = Number(tts, "speed", "audio.tts.speed") ?? throw Refuse("参数错误: audio.tts.speed 必填");
            if (speed is < 0.5 or > 2)
            {
                throw Refuse("参数错误: audio.tts.speed 取值 0.5-2");
            }

            _ = Number(tts, "pitch", "audio.tts.pitch");
            voice = String(tts, "audio_man", "audio.tts.audio_man") ?? throw Refuse("参数错误: audio.tts.audio_man 必填");
            if (!voices.IsUsable(voice))
            {
                throw Refuse(UnknownVoiceMessage);
            }
        }
        else if (type == "audio")
        {
            var wavUrl = String(audio, "wav_url", "audio.wav_url");
            var fileId = String(audio, "file_id", "audio.file_id");
            if (string.IsNullOrEmpty(wavUrl) == string.IsNullOrEmpty(fileId))
            {
                throw Refuse("参数错误: audio.wav_url 与 audio.file_id 须且只能传一个");
            }

            if (!string.IsNullOrEmpty(fileId))
            {
                var (file, error) = files.Ready(fileId, "make_video_audio");
                (audioName, audioContent) = file is null ? throw Refuse(error!) : (file.Name, file.Content);
            }
            else
            {
                if (!Uri.TryCreate(wavUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
                {
                    throw Refuse("参数错误: audio.wav_url 应为 http(s) URL");
                }

                (audioName, audioContent) = (url.AbsolutePath, files.ContentAt(url));
            }
        }
        else
        {
            throw Refuse("参数错误: audio.type 仅支持 tts、audio");
        }

        if (String(body, "bg_color", "bg_color") is { } color && !IsColour(color))
        {
            throw Refuse("参数错误: bg_color 应为 #RRGGBB");
        }

        if (body["bg"] is { } bgNode)
        {
            var bg = bgNode as JsonObject ?? throw Refuse("参数错误: bg 应为对象");
            var src = String(bg, "src_url", "bg.src_url");
            var bgFile = String(bg, "file_id", "bg.file_id");
            if (string.IsNullOrEmpty(src) == string.IsNullOrEmpty(bgFile))
            {
                throw Refuse("参数错误: bg.src_url 与 bg.file_id 须且只能传一个");
            }

            if (!string.IsNullOrEmpty(src) && (!Uri.TryCreate(src, UriKind.Absolute, out var srcUrl)
                || Path.GetExtension(srcUrl.AbsolutePath).ToLowerInvariant() is not (".jpg" or ".jpeg" or ".png")))
            {
                throw Refuse("参数错误: bg.src_url 仅支持 jpg、png 图片链接");
            }

            if (!string.IsNullOrEmpty(bgFile) && files.Ready(bgFile, "make_video_background").Error is { } bgError)
            {
                throw Refuse(bgError);
            }

            foreach (var field in new[] { "x", "y", "width", "height" })
            {
                _ = Int(bg, field, "bg." + field, int.MinValue, int.MaxValue);
            }
        }

        var screenWidth = Int(body, "screen_width", "screen_width", 2, 4096) ?? 1080;
        var screenHeight = Int(body, "screen_height", "screen_height", 2, 4096) ?? 1920;
        var subtitles = false;
        if (body["subtitle_config"] is { } subtitleNode)
        {
            var subtitle = subtitleNode as JsonObject ?? throw Refuse("参数错误: subtitle_config 应为对象");
            subtitles = Bool(subtitle, "show", "subtitle_config.show") ?? false;
            var x = Int(subtitle, "x", "subtitle_config.x", 0, 8192) ?? 31;
            var y = Int(subtitle, "y", "subtitle_config.y", 0, 8192) ?? 1521;
            var width = Int(subtitle, "width", "subtitle_config.width", 1, 8192) ?? 1000;
            var height = Int(subtitle, "height", "subtitle_config.height", 1, 8192) ?? 200;
            _ = Int(subtitle, "font_size", "subtitle_config.font_size", 1, 1000);
            _ = Int(subtitle, "stroke_width", "subtitle_config.stroke_width", 0, 1000);
            _ = Int(subtitle, "asr_type", "subtitle_config.asr_type", 0, 1);
            _ = String(subtitle, "font_id", "subtitle_config.font_id");
            foreach (var field in new[] { "color", "stroke_color" })
            {
                if (String(subtitle, field, "subtitle_config." + field) is { } value && !IsColour(value))
                {
                    throw Refuse($"参数错误: subtitle_config.{field} 应为 #RRGGBB");
                }
            }

            if (subtitles && (x + width > screenWidth || y + height > screenHeight))
            {
                throw Refuse($"参数错误: 字幕区域 ({x},{y},{width}x{height}) 超出画布 {screenWidth}x{screenHeight}");
            }
        }

        _ = Int(body, "model", "model", 0, 1);
        var resolution = Int(body, "resolution_rate", "resolution_rate", 0, 1) ?? 0;
        if (resolution == 1 && customised is { ResolutionRate: not 1 })
        {
            throw Refuse("参数错误: 该数字人不支持4K (support_4k 为 false)");
        }

        _ = Bool(body, "add_compliance_watermark", "add_compliance_watermark");
        _ = Int(body, "compliance_watermark_position", "compliance_watermark_position", 0, 3);
        if (!CallbackUrl.TryParse(body["callback"], out var callback))
        {
            throw Refuse("参数错误: callback 应为 http(s) URL");
        }

        return new AvatarVideoRequest
        {
            PersonId = personId,
            FigureType = figureType,
            AudioType = type,
            Text = text,
            Speed = speed,
            Voice = voice,
            AudioName = audioName,
            AudioContent = audioContent,
            Volume = volume,
            Language = language,
            Subtitles = subtitles && !rgba,
            ScreenWidth = screenWidth,
            ScreenHeight = screenHeight,
            Callback = callback,
        };
    }

    private static bool IsColour(string value) =>
        value.Length == 7 && value[0] == '#' && value.Skip(1).All(char.IsAsciiHexDigit);

    private static string? String(JsonObject json, string name, string path) => json[name] switch
    {
        null => null,
        var node when node.GetValueKind() == JsonValueKind.String => (string)node!,
        _ => throw Refuse($"参数错误: {path} 应为字符串"),
    };

    private static bool? Bool(JsonObject json, string name, string path) => json[name] switch
    {
        null => null,
        var node when node.GetValueKind() is JsonValueKind.True or JsonValueKind.False => (bool)node!,
        _ => throw Refuse($"参数错误: {path} 应为布尔值"),
    };

    private static double? Number(JsonObject json, string name, string path) => json[name] switch
    {
        null => null,
        var node when node.GetValueKind() == JsonValueKind.Number => (double)node!,
        _ => throw Refuse($"参数错误: {path} 应为数字"),
    };

    private static int? Int(JsonObject json, string name, string path, int min, int max)
    {
        var node = json[name];
        if (node is null)
        {
            return null;
        }

        return node.GetValueKind() == JsonValueKind.Number && node.AsValue().TryGetValue<double>(out var value) && value == Math.Floor(value) && value >= min && value <= max
            ? (int)value
            : throw Refuse(min == int.MinValue ? $"参数错误: {path} 应为整数" : $"参数错误: {path} 应为 {min.ToString(CultureInfo.InvariantCulture)}-{max.ToString(CultureInfo.InvariantCulture)} 的整数");
    }

    private static RefusedException Refuse(string message) => new(message);

    private sealed class RefusedException(string message) : Exception(message);
}
