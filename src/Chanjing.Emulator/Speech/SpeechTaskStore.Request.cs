using System.Text.Json;
using System.Text.Json.Nodes;
using Chanjing.Emulator.AvatarVideos;
using Chanjing.Emulator.Http;

namespace Chanjing.Emulator.Speech;

/// <summary>
/// The <c>create_audio_task</c> body as the DOC and Chanjing's scripts describe it: <c>audio_man</c> (a public voice,
/// a ready cloned voice or a customised avatar's voice), <c>speed</c> 0.5-2 and <c>pitch</c> (required; 0.1-3 as the
/// Python SDK documents it), <c>text</c> an object whose <c>text</c> is under 4,000 characters (<c>plain_text</c>
/// optional), optional <c>aigc_watermark</c>, <c>font_size</c> / <c>width</c> / <c>height</c> and an http(s)
/// <c>callback</c>. A refusal is a <c>msg</c> answered with code 40000.
/// </summary>
internal sealed partial class SpeechTaskStore
{
    private (SpeechTask? Task, string? Error) Read(JsonObject body)
    {
        var voice = body["audio_man"]?.GetValueKind() == JsonValueKind.String ? ((string)body["audio_man"]!).Trim() : null;
        if (string.IsNullOrEmpty(voice))
        {
            return (null, "参数错误: audio_man 必填");
        }

        if (body["text"] is not JsonObject text)
        {
            return (null, "参数错误: text 必填, 应为对象 {\"text\": ..., \"plain_text\": ...}");
        }

        var said = text["text"]?.GetValueKind() == JsonValueKind.String ? (string)text["text"]! : null;
        if (string.IsNullOrWhiteSpace(said))
        {
            return (null, "参数错误: text.text 必填");
        }

        if (said.Length >= AvatarVideoValidator.MaxTextLength)
        {
            return (null, $"参数错误: 文本长度需小于{AvatarVideoValidator.MaxTextLength}字符");
        }

        if (text["plain_text"] is { } plain && plain.GetValueKind() != JsonValueKind.String)
        {
            return (null, "参数错误: text.plain_text 应为字符串");
        }

        var speed = Number(body["speed"]);
        if (speed is not (>= 0.5 and <= 2))
        {
            return (null, "参数错误: speed 必填, 取值 0.5-2");
        }

        if (Number(body["pitch"]) is not (>= 0.1 and <= 3))
        {
            return (null, "参数错误: pitch 必填, 取值 0.1-3");
        }

        if (body["aigc_watermark"] is { } watermark && watermark.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            return (null, "参数错误: aigc_watermark 应为布尔值");
        }

        foreach (var field in new[] { "font_size", "width", "height" })
        {
            if (body[field] is { } node && Number(node) is not > 0)
            {
                return (null, $"参数错误: {field} 应为正数");
            }
        }

        if (!CallbackUrl.TryParse(body["callback"], out var callback))
        {
            return (null, "参数错误: callback 应为 http(s) URL");
        }

        // Checked last, as the service checks the voice after the body's format.
        if (!voices.IsUsable(voice))
        {
            return (null, AvatarVideoValidator.UnknownVoiceMessage);
        }

        var (duration, cues) = SpeechCues.Measure(said, speed.Value);
        var (error, reason) = Outcome(said, duration);
        return (new SpeechTask
        {
            Id = Guid.NewGuid().ToString("N"),
            Voice = voice,
            Text = said,
            Speed = speed.Value,
            Callback = callback,
            CreatedAt = Now,
            PlannedError = error,
            PlannedReason = reason,
            Duration = duration,
            Cues = cues,
        }, null);
    }

    private static double? Number(JsonNode? node) => node?.GetValueKind() == JsonValueKind.Number ? (double)node : null;
}
