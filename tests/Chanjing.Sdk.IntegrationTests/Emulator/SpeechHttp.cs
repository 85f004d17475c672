using System.Globalization;
using System.Text.Json.Nodes;

namespace Chanjing.Sdk.IntegrationTests.Emulator;

/// <summary>Raw-HTTP helpers for the speech products: a create_audio_task body, its state, a cloned voice, and ffprobe of a WAV.</summary>
internal static class SpeechHttp
{
    /// <summary><see cref="AvatarHttp.Text"/> at speed 1, in whole hundredths of a second as the service reports it.</summary>
    public const double TextSeconds = 4.78;

    public static JsonObject Tts(string text = AvatarHttp.Text, string voice = AvatarHttp.AvatarVoice, double speed = 1) => new()
    {
        ["audio_man"] = voice,
        ["speed"] = speed,
        ["pitch"] = 1,
        ["text"] = new JsonObject { ["text"] = text, ["plain_text"] = text },
        ["aigc_watermark"] = false,
    };

    public static async Task<JsonObject> CreateAsync(HttpClient http, string token, JsonObject body)
    {
        var created = await EmulatorHttp.PostAsync(http, "open/v1/create_audio_task", body, token);
        Assert.True((int)created["code"]! == 0, created.ToJsonString());
        return created;
    }

    public static async Task<JsonObject> StateAsync(HttpClient http, string token, string taskId) =>
        (JsonObject)(await EmulatorHttp.PostAsync(http, "open/v1/audio_task_state", new JsonObject { ["task_id"] = taskId }, token))["data"]!;

    public static async Task<JsonObject> VoiceAsync(HttpClient http, string token, string voiceId) =>
        await AvatarHttp.DataAsync(http, $"open/v1/customised_audio?id={Uri.EscapeDataString(voiceId)}", token);

    public static Task<JsonObject> CloneAsync(HttpClient http, string token, string name, string url, string? model = "cicada3.0-turbo", string? callback = null)
    {
        var body = new JsonObject { ["name"] = name, ["url"] = url, ["language"] = "cn" };
        if (model is not null)
        {
            body["model_type"] = model;
        }

        if (callback is not null)
        {
            body["callback"] = callback;
        }

        return EmulatorHttp.PostAsync(http, "open/v1/create_customised_audio", body, token);
    }

    /// <summary>ffprobe of a WAV's one stream: codec, sample rate, channels, duration.</summary>
    public static async Task<(string Codec, int SampleRate, int Channels, double Duration)> ProbeWavAsync(byte[] wav)
    {
        var path = Path.Combine(Path.GetTempPath(), "chanjing-speech-" + Guid.NewGuid().ToString("N") + ".wav");
        await File.WriteAllBytesAsync(path, wav);
        try
        {
            var (exit, output, error) = await EmulatorMediaProbe.RunToolAsync("ffprobe", "-v", "error", "-show_entries", "stream=codec_name,sample_rate,channels,duration", "-of", "json", path);
            Assert.True(exit == 0, $"ffprobe failed ({exit}): {error}");
            var stream = JsonNode.Parse(output)!["streams"]!.AsArray().Single()!;
            return ((string)stream["codec_name"]!, int.Parse((string)stream["sample_rate"]!, CultureInfo.InvariantCulture), (int)stream["channels"]!,
                double.Parse((string)stream["duration"]!, CultureInfo.InvariantCulture));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
