using System.Text.Json.Nodes;
using Chanjing.Emulator;

namespace Chanjing.Sdk.IntegrationTests.Emulator;

/// <summary>Lip-sync: 0 -> 10 -> 20 with real media (the driving video's size, the speech or audio as sound, ms duration), 30 failures, refusals, list, callbacks, limits.</summary>
public sealed class EmulatorLipSyncTests
{
    [Fact]
    public async Task Tts_QueuedGeneratingSuccess_Mp4AtTheDrivingVideosSize_SoundAsLongAsTheSpeech_DurationInMilliseconds()
    {
        await using var s = await LipSyncHttp.StartAsync();

        var id = await LipSyncHttp.CreateAsync(s, LipSyncHttp.Tts(s.VideoFileId));
        var queued = await LipSyncHttp.DetailAsync(s, id);
        s.Time.Advance(TimeSpan.FromSeconds(2));
        var generating = await LipSyncHttp.DetailAsync(s, id);
        using var early = await s.Http.GetAsync($"files/lipsync/{id}.mp4");
        s.Time.Advance(TimeSpan.FromSeconds(1));
        var done = await LipSyncHttp.DetailAsync(s, id);
        using var video = await s.Http.GetAsync((string)done["video_url"]!);
        var bytes = await video.Content.ReadAsByteArrayAsync();
        var (streams, errors) = await AvatarHttp.ProbeAsync(bytes, ".mp4");
        var (cover, _) = await AvatarHttp.ProbeAsync(await s.Http.GetByteArrayAsync((string)done["preview_url"]!), ".png");

        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.Equal((0, 0, string.Empty, 0), ((int)queued["status"]!, (int)queued["progress"]!, (string)queued["video_url"]!, (int)queued["duration"]!));
        Assert.Equal((10, 50), ((int)generating["status"]!, (int)generating["progress"]!));
        Assert.Equal(404, (int)early.StatusCode);
        Assert.Equal(["create_time", "duration", "id", "msg", "preview_url", "progress", "status", "video_url"], done.Select(p => p.Key).Order());
        Assert.Equal((20, 100, string.Empty), ((int)done["status"]!, (int)done["progress"]!, (string)done["msg"]!));
        Assert.Equal((long)Math.Round(AvatarHttp.TextSeconds * 1000), (long)done["duration"]!);
        Assert.Equal("video/mp4", video.Content.Headers.ContentType!.MediaType);
        var picture = streams.Single(st => st.Type == "video");
        var sound = streams.Single(st => st.Type == "audio");
        Assert.Equal(("h264", 114, 64), (picture.Codec, picture.Width, picture.Height));
        Assert.Equal(("pcm_s16le", 16000), (sound.Codec, sound.SampleRate));
        Assert.InRange(sound.Duration, AvatarHttp.TextSeconds - 0.05, AvatarHttp.TextSeconds + 0.05);
        Assert.InRange(picture.Duration, AvatarHttp.TextSeconds - 0.3, AvatarHttp.TextSeconds + 0.3);
        Assert.Equal(string.Empty, errors);
        Assert.Equal(("png", 114, 64), (cover[0].Codec, cover[0].Width, cover[0].Height));
        Assert.Equal(bytes, s.Emulator.GetLipSyncOutputBytes(id));
        Assert.Equal(1, s.Emulator.LipSyncCount);
    }

    [Fact]
    public async Task Audio_UploadedWav_IsTheSoundTrack_ItsDurationTheVideos_UnreadableWebmUsesTheScreensAspectRatio_TextAsPlainString()
    {
        await using var s = await LipSyncHttp.StartAsync();
        var (audio, _) = await AvatarHttp.UploadAsync(s.Http, s.Time, s.Token, "lip_sync_audio", "voice.wav", AvatarHttp.Wav(3.25));
        var (webm, _) = await AvatarHttp.UploadAsync(s.Http, s.Time, s.Token, "lip_sync_video", "talk.webm", [0x1A, 0x45, 0xDF, 0xA3, 1, 2, 3, 4]);
        var fromAudio = LipSyncHttp.Audio(s.VideoFileId, audio);
        fromAudio["volume"] = 50;
        var onWebm = LipSyncHttp.Tts(webm, speed: 2);
        onWebm["screen_width"] = 300;
        onWebm["screen_height"] = 600;
        onWebm["tts_config"]!["text"] = AvatarHttp.Text;

        var audioId = await LipSyncHttp.CreateAsync(s, fromAudio);
        var webmId = await LipSyncHttp.CreateAsync(s, onWebm);
        s.Time.Advance(TimeSpan.FromSeconds(3));
        var audioDone = await LipSyncHttp.DetailAsync(s, audioId);
        var webmDone = await LipSyncHttp.DetailAsync(s, webmId);
        var (audioStreams, audioErrors) = await AvatarHttp.ProbeAsync(await s.Http.GetByteArrayAsync((string)audioDone["video_url"]!), ".mp4");
        var (webmStreams, _) = await AvatarHttp.ProbeAsync(await s.Http.GetByteArrayAsync((string)webmDone["video_url"]!), ".mp4");

        Assert.Equal((20, 3250), ((int)audioDone["status"]!, (int)audioDone["duration"]!));
        Assert.Equal(3.25, audioStreams.Single(st => st.Type == "audio").Duration, 3);
        Assert.Equal((114, 64), (audioStreams.Single(st => st.Type == "video").Width, audioStreams.Single(st => st.Type == "video").Height));
        Assert.Equal(string.Empty, audioErrors);
        Assert.Equal((20, (int)Math.Round(AvatarHttp.TextSeconds * 500)), ((int)webmDone["status"]!, (int)webmDone["duration"]!));
        Assert.Equal((64, 128), (webmStreams.Single(st => st.Type == "video").Width, webmStreams.Single(st => st.Type == "video").Height));
    }

    [Fact]
    public async Task Create_RefusesWhatTheDocsRuleOut_With40000_AndAMessageNamingTheField()
    {
        await using var s = await LipSyncHttp.StartAsync();
        var (audio, _) = await AvatarHttp.UploadAsync(s.Http, s.Time, s.Token, "lip_sync_audio", "voice.wav", AvatarHttp.Wav(2));
        var (avi, _) = await AvatarHttp.UploadAsync(s.Http, s.Time, s.Token, "lip_sync_video", "talk.avi", [1, 2, 3]);
        var (flac, _) = await AvatarHttp.UploadAsync(s.Http, s.Time, s.Token, "lip_sync_audio", "voice.flac", [1, 2, 3]);
        var cases = new (string Expected, JsonObject Body)[]
        {
            ("video_file_id 必填", Without(LipSyncHttp.Tts(s.VideoFileId), "video_file_id")),
            ("文件不存在", LipSyncHttp.Tts("0123456789abcdef0123456789abcdef")),
            ("文件用途错误", LipSyncHttp.Tts(audio)),
            ("不支持的视频格式", LipSyncHttp.Tts(avi)),
            ("model 应为 0-2", With(LipSyncHttp.Tts(s.VideoFileId), "model", 3)),
            ("volume 应为 1-100", With(LipSyncHttp.Tts(s.VideoFileId), "volume", 0)),
            ("volume 应为 1-100", With(LipSyncHttp.Tts(s.VideoFileId), "volume", 101)),
            ("backway 应为 1-2", With(LipSyncHttp.Tts(s.VideoFileId), "backway", 3)),
            ("drive_mode", With(LipSyncHttp.Tts(s.VideoFileId), "drive_mode", "loop")),
            ("audio_type", With(LipSyncHttp.Tts(s.VideoFileId), "audio_type", "music")),
            ("tts_config 必填", Without(LipSyncHttp.Tts(s.VideoFileId), "tts_config")),
            ("该AI语音被禁用或者不存在", WithTts(LipSyncHttp.Tts(s.VideoFileId), "audio_man_id", "no-such-voice")),
            ("tts_config.speed", WithTts(LipSyncHttp.Tts(s.VideoFileId), "speed", 2.5)),
            ("tts_config.text", WithTts(LipSyncHttp.Tts(s.VideoFileId), "text", new JsonArray())),
            ("audio_file_id 必填", Without(LipSyncHttp.Audio(s.VideoFileId, audio), "audio_file_id")),
            ("不支持的音频格式", LipSyncHttp.Audio(s.VideoFileId, flac)),
            ("callback", With(LipSyncHttp.Tts(s.VideoFileId), "callback", "ftp://example.com/cb")),
        };

        foreach (var (expected, body) in cases)
        {
            var answer = await EmulatorHttp.PostAsync(s.Http, "open/v1/video_lip_sync/create", body, s.Token);
            Assert.True((int)answer["code"]! == 40000 && ((string)answer["msg"]!).Contains(expected, StringComparison.Ordinal), $"{expected}: {answer.ToJsonString()}");
        }

        Assert.Equal(0, s.Emulator.LipSyncCount);
    }

    [Fact]
    public async Task AcceptedVideos_FailWithStatus30_DigitsOnly_TooShort_Markers_Forced_WithoutUrls()
    {
        await using var s = await LipSyncHttp.StartAsync();
        var digits = await LipSyncHttp.CreateAsync(s, LipSyncHttp.Tts(s.VideoFileId, "20240601"));
        var tooShort = await LipSyncHttp.CreateAsync(s, LipSyncHttp.Tts(s.VideoFileId, "好"));
        var failing = await LipSyncHttp.CreateAsync(s, LipSyncHttp.Tts(s.VideoFileId, "你好 [emulator:fail]"));
        var noCredits = await LipSyncHttp.CreateAsync(s, LipSyncHttp.Tts(s.VideoFileId, "你好 [emulator:no-credits]"));
        var forced = await LipSyncHttp.CreateAsync(s, LipSyncHttp.Tts(s.VideoFileId));
        var forcedSuccess = await LipSyncHttp.CreateAsync(s, LipSyncHttp.Tts(s.VideoFileId));
        s.Emulator.SetLipSyncStatus(forced, 30, "素材检测失败");
        s.Emulator.SetLipSyncStatus(forcedSuccess, 20);
        var early = await LipSyncHttp.DetailAsync(s, forcedSuccess);
        s.Time.Advance(TimeSpan.FromSeconds(3));

        async Task<(int, string, string, int)> Outcome(string id)
        {
            var v = await LipSyncHttp.DetailAsync(s, id);
            return ((int)v["status"]!, (string)v["msg"]!, (string)v["video_url"]!, (int)v["duration"]!);
        }

        Assert.Equal((30, "不支持纯数字文本", string.Empty, 0), await Outcome(digits));
        Assert.Equal((30, "您需要至少输入1S以上的内容", string.Empty, 0), await Outcome(tooShort));
        Assert.Equal((30, "对口型视频生成失败，请稍后重试", string.Empty, 0), await Outcome(failing));
        Assert.Equal((30, "蝉豆不足扣费失败", string.Empty, 0), await Outcome(noCredits));
        Assert.Equal((30, "素材检测失败", string.Empty, 0), await Outcome(forced));
        Assert.Equal((20, 100), ((int)early["status"]!, (int)early["progress"]!));
        Assert.Throws<KeyNotFoundException>(() => s.Emulator.GetLipSyncOutputBytes(digits));
        var missing = await EmulatorHttp.GetAsync(s.Http, "open/v1/video_lip_sync/detail?id=nope", s.Token);
        Assert.Equal((40000, "对口型任务不存在"), ((int)missing["code"]!, (string)missing["msg"]!));
    }

    [Fact]
    public async Task List_NewestFirst_ListAndPageInfo_PageAndPageSize_OutOfRangeRefused()
    {
        await using var s = await LipSyncHttp.StartAsync();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await LipSyncHttp.CreateAsync(s, LipSyncHttp.Tts(s.VideoFileId)));
            s.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var first = (JsonObject)(await EmulatorHttp.PostAsync(s.Http, "open/v1/video_lip_sync/list", new JsonObject { ["page"] = 1, ["page_size"] = 2 }, s.Token))["data"]!;
        var second = (JsonObject)(await EmulatorHttp.PostAsync(s.Http, "open/v1/video_lip_sync/list", new JsonObject { ["page"] = 2, ["page_size"] = 2 }, s.Token))["data"]!;
        var defaults = (JsonObject)(await EmulatorHttp.PostAsync(s.Http, "open/v1/video_lip_sync/list", new JsonObject(), s.Token))["data"]!;
        var bad = await EmulatorHttp.PostAsync(s.Http, "open/v1/video_lip_sync/list", new JsonObject { ["page_size"] = 0 }, s.Token);

        Assert.Equal([ids[2], ids[1]], first["list"]!.AsArray().Select(v => (string)v!["id"]!));
        Assert.Equal([10, 10], first["list"]!.AsArray().Select(v => (int)v!["status"]!));
        Assert.Equal(20, (int)second["list"]![0]!["status"]!);
        Assert.Equal("""{"page":1,"size":2,"total_count":3,"total_page":2}""", first["page_info"]!.ToJsonString());
        Assert.Equal([ids[0]], second["list"]!.AsArray().Select(v => (string)v!["id"]!));
        Assert.Equal((3, 10), (defaults["list"]!.AsArray().Count, (int)defaults["page_info"]!["size"]!));
        Assert.Equal(40000, (int)bad["code"]!);
    }

    [Fact]
    public async Task Callback_PostsTheFullEnvelope_OnSuccessAndOnAForcedFailure()
    {
        await using var s = await LipSyncHttp.StartAsync();
        using var success = new AvatarHttp.Receiver();
        using var failure = new AvatarHttp.Receiver();
        var ok = LipSyncHttp.Tts(s.VideoFileId);
        ok["callback"] = success.Url.AbsoluteUri;
        var ko = LipSyncHttp.Tts(s.VideoFileId);
        ko["callback"] = failure.Url.AbsoluteUri;

        var okId = await LipSyncHttp.CreateAsync(s, ok);
        var koId = await LipSyncHttp.CreateAsync(s, ko);
        s.Emulator.SetLipSyncStatus(koId, 30, "驱动视频无人脸");
        var failed = JsonNode.Parse(await failure.FirstBody)!;
        s.Time.Advance(TimeSpan.FromSeconds(3));
        var succeeded = JsonNode.Parse(await success.FirstBody)!;

        Assert.Equal(["code", "data", "msg", "trace_id"], succeeded.AsObject().Select(p => p.Key).Order());
        Assert.Equal((0, "success"), ((int)succeeded["code"]!, (string)succeeded["msg"]!));
        Assert.Matches("^[0-9a-f]{32}$", (string)succeeded["trace_id"]!);
        Assert.Equal((okId, 20, (long)Math.Round(AvatarHttp.TextSeconds * 1000)), ((string)succeeded["data"]!["id"]!, (int)succeeded["data"]!["status"]!, (long)succeeded["data"]!["duration"]!));
        Assert.EndsWith(okId + ".mp4", (string)succeeded["data"]!["video_url"]!, StringComparison.Ordinal);
        Assert.Equal((0, koId, 30, "驱动视频无人脸"), ((int)failed["code"]!, (string)failed["data"]!["id"]!, (int)failed["data"]!["status"]!, (string)failed["data"]!["msg"]!));
    }

    [Fact]
    public async Task DocumentedLimits_Create10AMinute_DetailAndList10ASecond_OnlyWhenEnforced()
    {
        await using var s = await LipSyncHttp.StartAsync(new ChanjingEmulatorOptions { EnforceDocumentedRateLimits = true });
        var codes = new List<int>();
        for (var i = 0; i < 11; i++)
        {
            codes.Add((int)(await EmulatorHttp.PostAsync(s.Http, "open/v1/video_lip_sync/create", LipSyncHttp.Tts(s.VideoFileId), s.Token))["code"]!);
        }

        s.Time.Advance(TimeSpan.FromSeconds(59));
        var stillLimited = (int)(await EmulatorHttp.PostAsync(s.Http, "open/v1/video_lip_sync/create", LipSyncHttp.Tts(s.VideoFileId), s.Token))["code"]!;
        s.Time.Advance(TimeSpan.FromSeconds(1));
        var afterAMinute = (int)(await EmulatorHttp.PostAsync(s.Http, "open/v1/video_lip_sync/create", LipSyncHttp.Tts(s.VideoFileId), s.Token))["code"]!;
        var detail = new List<int>();
        var list = new List<int>();
        for (var i = 0; i < 11; i++)
        {
            detail.Add((int)(await EmulatorHttp.GetAsync(s.Http, "open/v1/video_lip_sync/detail?id=x", s.Token))["code"]!);
            list.Add((int)(await EmulatorHttp.PostAsync(s.Http, "open/v1/video_lip_sync/list", new JsonObject(), s.Token))["code"]!);
        }

        s.Time.Advance(TimeSpan.FromSeconds(1));
        var detailLater = (int)(await EmulatorHttp.GetAsync(s.Http, "open/v1/video_lip_sync/detail?id=x", s.Token))["code"]!;

        Assert.Equal([.. Enumerable.Repeat(0, 10), 40001], codes);
        Assert.Equal((40001, 0), (stillLimited, afterAMinute));
        Assert.Equal([.. Enumerable.Repeat(40000, 10), 40001], detail);
        Assert.Equal([.. Enumerable.Repeat(0, 10), 40001], list);
        Assert.Equal(40000, detailLater);
        Assert.Equal(10, ChanjingEmulatorOptions.DocumentedRequestsPerMinute[EmulatorEndpoint.CreateLipSync]);
    }

    [Fact]
    public async Task AdminEndpoints_ForceALipSyncVideosStatus_APhotoTasks_AndALorasStatus()
    {
        await using var s = await LipSyncHttp.StartAsync(new ChanjingEmulatorOptions { EnableAdminEndpoints = true });
        var id = await LipSyncHttp.CreateAsync(s, LipSyncHttp.Tts(s.VideoFileId));
        var photo = (string)(await EmulatorHttp.PostAsync(s.Http, "open/v1/aigc/photo", new JsonObject { ["age"] = "Adult", ["gender"] = "Male", ["number_of_images"] = 1 }, s.Token))["data"]!;
        var lora = (string)(await EmulatorHttp.PostAsync(s.Http, "open/v1/aigc/lora/task/create",
            new JsonObject { ["name"] = "n", ["photos"] = new JsonArray([.. Enumerable.Range(1, 5).Select(i => (JsonNode)$"https://example.com/{i}.jpg")]) }, s.Token))["data"]!["lora_id"]!;

        async Task<int> Force(string path, JsonObject body)
        {
            using var response = await s.Http.PostAsync(path, new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
            return (int)response.StatusCode;
        }

        var codes = new[]
        {
            await Force($"_emulator/lipsync/{id}/status", new JsonObject { ["status"] = 30, ["msg"] = "驱动视频无人脸" }),
            await Force($"_emulator/aigc/{photo}/status", new JsonObject { ["status"] = "Error", ["err_msg"] = "boom" }),
            await Force($"_emulator/lora/{lora}/status", new JsonObject { ["status"] = "Fail" }),
            await Force("_emulator/lora/nope/status", new JsonObject { ["status"] = "Fail" }),
            await Force($"_emulator/lipsync/{id}/status", new JsonObject { ["status"] = "30" }),
        };
        var video = await LipSyncHttp.DetailAsync(s, id);
        var task = await AvatarHttp.DataAsync(s.Http, $"open/v1/aigc/photo/task?unique_id={photo}", s.Token);
        var trained = await AvatarHttp.DataAsync(s.Http, $"open/v1/aigc/lora/task?lora_id={lora}", s.Token);

        Assert.Equal([204, 204, 204, 404, 400], codes);
        Assert.Equal((30, "驱动视频无人脸"), ((int)video["status"]!, (string)video["msg"]!));
        Assert.Equal(("Error", "boom"), ((string)task["progress_desc"]!, (string)task["err_msg"]!));
        Assert.Equal(("Fail", "LoRA训练失败，请稍后重试"), ((string)trained["status"]!, (string)trained["err_msg"]!));
    }

    private static JsonObject With(JsonObject body, string name, JsonNode? value)
    {
        body[name] = value;
        return body;
    }

    private static JsonObject WithTts(JsonObject body, string name, JsonNode? value)
    {
        body["tts_config"]![name] = value;
        return body;
    }

    private static JsonObject Without(JsonObject body, string name)
    {
        body.Remove(name);
        return body;
    }
}
