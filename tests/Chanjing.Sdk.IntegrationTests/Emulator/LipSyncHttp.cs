using System.Text.Json.Nodes;
using Chanjing.Emulator;
using Microsoft.Extensions.Time.Testing;

namespace Chanjing.Sdk.IntegrationTests.Emulator;

/// <summary>Raw-HTTP helpers of the lip-sync and avatar design tests: an emulator with a driving video uploaded, create bodies.</summary>
internal static class LipSyncHttp
{
    public sealed record Setup(ChanjingEmulator Emulator, HttpClient Http, FakeTimeProvider Time, string Token, string VideoFileId) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await Emulator.DisposeAsync();
        }
    }

    /// <summary>An emulator on a fake clock with a real 16:9 MP4 (114x64, 5 s) uploaded as a <c>lip_sync_video</c>.</summary>
    public static async Task<Setup> StartAsync(ChanjingEmulatorOptions? options = null)
    {
        var (emulator, http, time, token) = await EmulatorHttp.StartAsync(options);
        var source = await EmulatorHttp.RunToSuccessAsync(http, time, token, EmulatorHttp.R2v("a landscape presenter", "16:9", 5));
        var video = await http.GetByteArrayAsync((string)source["output_url"]![0]!);
        var (fileId, _) = await AvatarHttp.UploadAsync(http, time, token, "lip_sync_video", "talk.mp4", video);
        return new Setup(emulator, http, time, token, fileId);
    }

    public static JsonObject Tts(string videoFileId, string text = AvatarHttp.Text, double speed = 1) => new()
    {
        ["video_file_id"] = videoFileId,
        ["screen_width"] = 1080,
        ["screen_height"] = 1920,
        ["model"] = 0,
        ["audio_type"] = "tts",
        ["tts_config"] = new JsonObject { ["text"] = new JsonArray(text), ["audio_man_id"] = AvatarHttp.AvatarVoice, ["speed"] = speed, ["pitch"] = 1 },
    };

    public static JsonObject Audio(string videoFileId, string audioFileId) => new()
    {
        ["video_file_id"] = videoFileId,
        ["screen_width"] = 1080,
        ["screen_height"] = 1920,
        ["model"] = 1,
        ["audio_type"] = "audio",
        ["audio_file_id"] = audioFileId,
        ["backway"] = 1,
        ["drive_mode"] = string.Empty,
    };

    /// <summary>Creates a lip-sync video (it must be accepted) and returns its id.</summary>
    public static async Task<string> CreateAsync(Setup s, JsonObject body)
    {
        var created = await EmulatorHttp.PostAsync(s.Http, "open/v1/video_lip_sync/create", body, s.Token);
        Assert.True((int)created["code"]! == 0, created.ToJsonString());
        return (string)created["data"]!;
    }

    public static Task<JsonObject> DetailAsync(Setup s, string id) => AvatarHttp.DataAsync(s.Http, $"open/v1/video_lip_sync/detail?id={id}", s.Token);
}
