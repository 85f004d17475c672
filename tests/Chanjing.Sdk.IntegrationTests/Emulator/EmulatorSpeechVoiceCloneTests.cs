using System.Net;
using System.Text.Json.Nodes;
using Chanjing.Emulator;

namespace Chanjing.Sdk.IntegrationTests.Emulator;

/// <summary>Voice clones: 0 -> 1 -> 2 and usable in TTS, avatar videos and lip-sync; failures (4), expiry (3); list; callbacks; limits.</summary>
public sealed class EmulatorSpeechVoiceCloneTests
{
    [Fact]
    public async Task Clone_FromAPromptAudioUpload_Queued_InProduction_Ready_ThenSpeaksInTtsAndAvatarVideos()
    {
        var (emulator, http, time, token) = await EmulatorHttp.StartAsync();
        await using var _ = emulator;
        using var __ = http;
        var (_, fullPath) = await AvatarHttp.UploadAsync(http, time, token, "prompt_audio", "me.wav", AvatarHttp.Wav(12));

        var created = await SpeechHttp.CloneAsync(http, token, "我的声音", fullPath, model: "Cicada3.0-turbo");
        var id = (string)created["data"]!;
        var queued = await SpeechHttp.VoiceAsync(http, token, id);
        var early = await EmulatorHttp.PostAsync(http, "open/v1/create_audio_task", SpeechHttp.Tts(voice: id), token);
        time.Advance(TimeSpan.FromSeconds(1.5));
        var producing = await SpeechHttp.VoiceAsync(http, token, id);
        time.Advance(TimeSpan.FromSeconds(1.5));
        var ready = await SpeechHttp.VoiceAsync(http, token, id);
        var clip = await SpeechHttp.ProbeWavAsync(await http.GetByteArrayAsync((string)ready["audio_path"]!));

        var task = (string)(await SpeechHttp.CreateAsync(http, token, SpeechHttp.Tts(voice: id)))["data"]!["task_id"]!;
        var video = await EmulatorHttp.PostAsync(http, "open/v1/create_video", AvatarHttp.Tts(voice: id), token);
        time.Advance(TimeSpan.FromSeconds(3));
        var spoken = await SpeechHttp.StateAsync(http, token, task);

        Assert.Matches("^C-Audio-[0-9a-f]{32}$", id);
        Assert.Equal((0, 0, string.Empty), ((int)queued["status"]!, (int)queued["progress"]!, (string)queued["audio_path"]!));
        Assert.Equal((40000, "该AI语音被禁用或者不存在"), ((int)early["code"]!, (string)early["msg"]!));
        Assert.Equal((1, 50), ((int)producing["status"]!, (int)producing["progress"]!));
        Assert.Equal(["audio_path", "err_msg", "id", "name", "progress", "status", "type"], ready.Select(p => p.Key).Order());
        Assert.Equal((id, "我的声音", "cicada3.0-turbo", 2, 100, string.Empty), ((string)ready["id"]!, (string)ready["name"]!, (string)ready["type"]!, (int)ready["status"]!, (int)ready["progress"]!, (string)ready["err_msg"]!));
        Assert.Equal((16000, 1, 10.0), (clip.SampleRate, clip.Channels, clip.Duration));
        Assert.Equal(0, (int)video["code"]!);
        Assert.Equal((9, string.Empty), ((int)spoken["status"]!, (string)spoken["errMsg"]!));
        Assert.Equal(SpeechHttp.TextSeconds, (double)spoken["full"]!["duration"]!);
    }

    [Fact]
    public async Task LipSync_AReadyClonedVoiceDrivesTheVideo_AQueuedOrFailedOneIsRefused()
    {
        await using var s = await LipSyncHttp.StartAsync();
        var (_, sample) = await AvatarHttp.UploadAsync(s.Http, s.Time, s.Token, "prompt_audio", "me.wav", AvatarHttp.Wav(12));
        var voice = (string)(await SpeechHttp.CloneAsync(s.Http, s.Token, "我的声音", sample))["data"]!;
        var broken = (string)(await SpeechHttp.CloneAsync(s.Http, s.Token, "坏声音 [emulator:fail]", sample))["data"]!;
        JsonObject Speaking(string id)
        {
            var body = LipSyncHttp.Tts(s.VideoFileId);
            body["tts_config"]!["audio_man_id"] = id;
            return body;
        }

        var whileQueued = await EmulatorHttp.PostAsync(s.Http, "open/v1/video_lip_sync/create", Speaking(voice), s.Token);
        s.Time.Advance(TimeSpan.FromSeconds(3));
        var (ready, failed) = (await SpeechHttp.VoiceAsync(s.Http, s.Token, voice), await SpeechHttp.VoiceAsync(s.Http, s.Token, broken));
        var withFailed = await EmulatorHttp.PostAsync(s.Http, "open/v1/video_lip_sync/create", Speaking(broken), s.Token);
        var id = await LipSyncHttp.CreateAsync(s, Speaking(voice));
        s.Time.Advance(TimeSpan.FromSeconds(3));
        var done = await LipSyncHttp.DetailAsync(s, id);
        var video = await s.Http.GetByteArrayAsync((string)done["video_url"]!);

        Assert.Equal((40000, "该AI语音被禁用或者不存在"), ((int)whileQueued["code"]!, (string)whileQueued["msg"]!));
        Assert.Equal((2, 4), ((int)ready["status"]!, (int)failed["status"]!));
        Assert.Equal((40000, "该AI语音被禁用或者不存在"), ((int)withFailed["code"]!, (string)withFailed["msg"]!));
        Assert.Equal((20, (long)Math.Round(AvatarHttp.TextSeconds * 1000)), ((int)done["status"]!, (long)done["duration"]!));
        Assert.Equal(video, s.Emulator.GetLipSyncOutputBytes(id));
        Assert.Equal(1, s.Emulator.LipSyncCount);
    }

    [Theory]
    [InlineData("short", "short.wav", "音频有效时长不足10秒，请重新上传")]
    [InlineData("long", "long.wav", "音频时长超过5分钟")]
    [InlineData("boom [emulator:fail]", "ok.wav", "声音克隆失败，请稍后重试")]
    [InlineData("[emulator:no-credits]", "ok.wav", "蝉豆不足扣费失败")]
    [InlineData("foreign short", "https://example.com/ref_tooshort.mp3", "音频有效时长不足10秒，请重新上传")]
    [InlineData("foreign ogg", "https://example.com/ref.ogg", "不支持的音频格式，请阅读接口文档")]
    [InlineData("missing upload", "missing.wav", "音频文件下载失败，请检查url是否可公开访问")]
    public async Task Failures_End4WithErrMsg_AndTheVoiceCannotSpeak(string name, string sample, string message)
    {
        var (emulator, http, time, token) = await EmulatorHttp.StartAsync();
        await using var _ = emulator;
        using var __ = http;
        var url = sample switch
        {
            "short.wav" => (await AvatarHttp.UploadAsync(http, time, token, "prompt_audio", sample, AvatarHttp.Wav(9.9))).FullPath,
            "long.wav" => (await AvatarHttp.UploadAsync(http, time, token, "prompt_audio", sample, AvatarHttp.Wav(301, 8000))).FullPath,
            "ok.wav" => (await AvatarHttp.UploadAsync(http, time, token, "prompt_audio", sample, AvatarHttp.Wav(10))).FullPath,
            "missing.wav" => new Uri(emulator.BaseAddress, "files/uploads/0123456789abcdef0123456789abcdef.wav").AbsoluteUri,
            _ => sample,
        };

        var id = (string)(await SpeechHttp.CloneAsync(http, token, name, url))["data"]!;
        time.Advance(TimeSpan.FromSeconds(3));
        var done = await SpeechHttp.VoiceAsync(http, token, id);
        var tts = await EmulatorHttp.PostAsync(http, "open/v1/create_audio_task", SpeechHttp.Tts(voice: id), token);

        Assert.Equal((4, message, string.Empty), ((int)done["status"]!, (string)done["err_msg"]!, (string)done["audio_path"]!));
        Assert.Equal((40000, "该AI语音被禁用或者不存在"), ((int)tts["code"]!, (string)tts["msg"]!));
    }

    [Fact]
    public async Task ForeignUrl_OfUnknownLength_IsCloned_ModelDefaultsToCicada1()
    {
        var (emulator, http, time, token) = await EmulatorHttp.StartAsync();
        await using var _ = emulator;
        using var __ = http;

        var id = (string)(await SpeechHttp.CloneAsync(http, token, "foreign", "https://example.com/ref.mp3", model: null))["data"]!;
        time.Advance(TimeSpan.FromSeconds(3));
        var done = await SpeechHttp.VoiceAsync(http, token, id);
        var clip = await SpeechHttp.ProbeWavAsync(await http.GetByteArrayAsync((string)done["audio_path"]!));

        Assert.Equal((2, "cicada1.0"), ((int)done["status"]!, (string)done["type"]!));
        Assert.Equal(3.0, clip.Duration, 3);
    }

    [Fact]
    public async Task ExpiryMarker_ReadyThenExpired3_ThenRefusedByTtsAndVideos_AndForcedStatuses()
    {
        var (emulator, http, time, token) = await EmulatorHttp.StartAsync(new ChanjingEmulatorOptions { EnableAdminEndpoints = true });
        await using var _ = emulator;
        using var __ = http;
        var id = (string)(await SpeechHttp.CloneAsync(http, token, "[emulator:expire] 临时声音", "https://example.com/ref.wav"))["data"]!;

        time.Advance(TimeSpan.FromSeconds(3));
        var ready = await SpeechHttp.VoiceAsync(http, token, id);
        var ttsWhileReady = (int)(await EmulatorHttp.PostAsync(http, "open/v1/create_audio_task", SpeechHttp.Tts(voice: id), token))["code"]!;
        time.Advance(TimeSpan.FromSeconds(3));
        var expired = await SpeechHttp.VoiceAsync(http, token, id);
        var tts = await EmulatorHttp.PostAsync(http, "open/v1/create_audio_task", SpeechHttp.Tts(voice: id), token);
        var video = await EmulatorHttp.PostAsync(http, "open/v1/create_video", AvatarHttp.Tts(voice: id), token);
        emulator.SetCustomVoiceStatus(id, 99);
        var deleted = await SpeechHttp.VoiceAsync(http, token, id);
        using var admin = await http.PostAsync($"_emulator/voices/{id}/status", new StringContent("""{"status":2}""", System.Text.Encoding.UTF8, "application/json"));
        var revived = await SpeechHttp.VoiceAsync(http, token, id);

        Assert.Equal((2, 0), ((int)ready["status"]!, ttsWhileReady));
        Assert.Equal((3, "声音已过期", string.Empty), ((int)expired["status"]!, (string)expired["err_msg"]!, (string)expired["audio_path"]!));
        Assert.Equal((40000, "该AI语音被禁用或者不存在"), ((int)tts["code"]!, (string)tts["msg"]!));
        Assert.Equal((40000, "该AI语音被禁用或者不存在"), ((int)video["code"]!, (string)video["msg"]!));
        Assert.Equal(99, (int)deleted["status"]!);
        Assert.Equal((HttpStatusCode.NoContent, 2), (admin.StatusCode, (int)revived["status"]!));
        Assert.Throws<KeyNotFoundException>(() => emulator.SetCustomVoiceStatus("C-Audio-nope", 4));
    }

    [Fact]
    public async Task Refusals_Are40000_AndAnUnknownIdIsTheDocumentedMessage()
    {
        var (emulator, http, _, token) = await EmulatorHttp.StartAsync();
        await using var _ = emulator;
        using var __ = http;

        async Task<(int, string)> Create(Action<JsonObject> change)
        {
            var body = new JsonObject { ["name"] = "n", ["url"] = "https://example.com/ref.mp3", ["model_type"] = "cicada3.0", ["language"] = "cn", ["text"] = "你好，欢迎使用蝉镜。" };
            change(body);
            var answer = await EmulatorHttp.PostAsync(http, "open/v1/create_customised_audio", body, token);
            return ((int)answer["code"]!, (string)answer["msg"]!);
        }

        Assert.Equal(0, (await Create(_ => { })).Item1);
        Assert.Equal(0, (await Create(b => b["model_type"] = "cicada3.0-Turbo")).Item1);
        Assert.Equal((40000, "参数错误: name 必填"), await Create(b => b.Remove("name")));
        Assert.StartsWith("参数错误: url 必填", (await Create(b => b.Remove("url"))).Item2, StringComparison.Ordinal);
        Assert.StartsWith("参数错误: url 必填", (await Create(b => b["url"] = "file:///tmp/ref.mp3")).Item2, StringComparison.Ordinal);
        Assert.Equal((40000, "参数错误: model_type 仅支持 cicada1.0、cicada3.0、cicada3.0-turbo"), await Create(b => b["model_type"] = "cicada9"));
        Assert.Equal((40000, "参数错误: language 仅支持 cn、en"), await Create(b => b["language"] = "jp"));
        Assert.Equal((40000, "参数错误: text 不超过50字, 且不能为纯数字"), await Create(b => b["text"] = new string('好', 51)));
        Assert.Equal((40000, "参数错误: text 不超过50字, 且不能为纯数字"), await Create(b => b["text"] = "12345"));
        Assert.Equal((40000, "参数错误: callback 应为 http(s) URL"), await Create(b => b["callback"] = "mailto:me@example.com"));

        var unknown = await EmulatorHttp.GetAsync(http, "open/v1/customised_audio?id=C-Audio-0123456789abcdef0123456789abcdef", token);
        var missing = await EmulatorHttp.GetAsync(http, "open/v1/customised_audio", token);
        Assert.Equal((40000, "该AI语音被禁用或者不存在"), ((int)unknown["code"]!, (string)unknown["msg"]!));
        Assert.Equal((40000, "参数错误: id 必填"), ((int)missing["code"]!, (string)missing["msg"]!));
    }

    [Fact]
    public async Task List_NewestFirst_WithPageInfo_PagedByPageSize()
    {
        var (emulator, http, _, token) = await EmulatorHttp.StartAsync();
        await using var _ = emulator;
        using var __ = http;
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((string)(await SpeechHttp.CloneAsync(http, token, $"v{i}", "https://example.com/ref.mp3"))["data"]!);
        }

        var page1 = (JsonObject)(await EmulatorHttp.PostAsync(http, "open/v1/list_customised_audio", new JsonObject { ["page"] = 1, ["page_size"] = 2 }, token))["data"]!;
        var page2 = (JsonObject)(await EmulatorHttp.PostAsync(http, "open/v1/list_customised_audio", new JsonObject { ["page"] = 2, ["page_size"] = 2 }, token))["data"]!;
        var bad = await EmulatorHttp.PostAsync(http, "open/v1/list_customised_audio", new JsonObject { ["page"] = 1, ["page_size"] = 0 }, token);

        Assert.Equal([ids[2], ids[1]], page1["list"]!.AsArray().Select(v => (string)v!["id"]!));
        Assert.Equal("""{"page":1,"size":2,"total_count":3,"total_page":2}""", page1["page_info"]!.ToJsonString());
        Assert.Equal([ids[0]], page2["list"]!.AsArray().Select(v => (string)v!["id"]!));
        Assert.Equal(0, (int)page1["list"]![0]!["status"]!);
        Assert.Equal(40000, (int)bad["code"]!);
    }

    [Fact]
    public async Task Callback_PostsTheVoiceObject_AsGetAnswersIt()
    {
        using var receiver = new AvatarHttp.Receiver();
        var (emulator, http, time, token) = await EmulatorHttp.StartAsync();
        await using var _ = emulator;
        using var __ = http;

        var id = (string)(await SpeechHttp.CloneAsync(http, token, "cb", "https://example.com/ref.m4a", callback: receiver.Url.AbsoluteUri))["data"]!;
        time.Advance(TimeSpan.FromSeconds(3));
        var body = JsonNode.Parse(await receiver.FirstBody)!;
        var got = await SpeechHttp.VoiceAsync(http, token, id);

        Assert.Equal(got.ToJsonString(), body.ToJsonString());
        Assert.Equal(2, (int)got["status"]!);
        Assert.Equal(1, emulator.CountRequests(EmulatorEndpoint.Callback));
    }

    [Fact]
    public async Task RateLimits_TenAMinuteOnCreateGetAndList_TheEleventhIs40001()
    {
        var (emulator, http, time, token) = await EmulatorHttp.StartAsync(new ChanjingEmulatorOptions { EnforceDocumentedRateLimits = true });
        await using var _ = emulator;
        using var __ = http;
        var creates = new List<int>();
        var gets = new List<int>();
        var lists = new List<int>();
        for (var i = 0; i < 11; i++)
        {
            creates.Add((int)(await SpeechHttp.CloneAsync(http, token, $"v{i}", "https://example.com/ref.mp3"))["code"]!);
            gets.Add((int)(await EmulatorHttp.GetAsync(http, "open/v1/customised_audio?id=C-Audio-x", token))["code"]!);
            lists.Add((int)(await EmulatorHttp.PostAsync(http, "open/v1/list_customised_audio", new JsonObject { ["page"] = 1, ["page_size"] = 10 }, token))["code"]!);
        }

        time.Advance(TimeSpan.FromMinutes(1));
        var afterMinute = (int)(await SpeechHttp.CloneAsync(http, token, "later", "https://example.com/ref.mp3"))["code"]!;

        Assert.Equal([.. Enumerable.Repeat(0, 10), 40001], creates);
        Assert.Equal([.. Enumerable.Repeat(40000, 10), 40001], gets);
        Assert.Equal([.. Enumerable.Repeat(0, 10), 40001], lists);
        Assert.Equal(0, afterMinute);
        Assert.Equal(12, emulator.CountRequests(EmulatorEndpoint.CreateCustomVoice));
        Assert.Equal(11, emulator.CountRequests(EmulatorEndpoint.GetCustomVoice));
        Assert.Equal(11, emulator.CountRequests(EmulatorEndpoint.ListCustomVoices));
    }
}
