using System.Net;
using System.Text.Json.Nodes;
using Chanjing.Emulator;
using Microsoft.Extensions.Time.Testing;

namespace Chanjing.Sdk.IntegrationTests.Emulator;

/// <summary>Text to speech: 1 -> 9 with a real WAV as long as the text takes to say and a timeline that covers it; 9 with errMsg; refusals; callbacks; limits.</summary>
public sealed class EmulatorSpeechTests
{
    [Fact]
    public async Task Create_AnswersAnObject_Generating1_Then9_WavMono16kAsLongAsTheText_TimelineInSecondsCoversIt()
    {
        var (emulator, http, time, token) = await EmulatorHttp.StartAsync();
        await using var _ = emulator;
        using var __ = http;

        var created = await SpeechHttp.CreateAsync(http, token, SpeechHttp.Tts());
        var id = (string)created["data"]!["task_id"]!;
        var start = await SpeechHttp.StateAsync(http, token, id);
        time.Advance(TimeSpan.FromSeconds(2.9));
        var still = await SpeechHttp.StateAsync(http, token, id);
        time.Advance(TimeSpan.FromSeconds(0.1));
        var done = await SpeechHttp.StateAsync(http, token, id);
        using var download = await http.GetAsync((string)done["full"]!["url"]!);
        var wav = await download.Content.ReadAsByteArrayAsync();
        var probe = await SpeechHttp.ProbeWavAsync(wav);
        var cues = done["subtitles"]!.AsArray();

        Assert.Equal(["task_id"], created["data"]!.AsObject().Select(p => p.Key));
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.Equal((1, string.Empty, string.Empty), ((int)start["status"]!, (string)start["full"]!["url"]!, (string)start["errMsg"]!));
        Assert.Null(start["subtitles"]);
        Assert.Equal(1, (int)still["status"]!);
        Assert.Equal(["errMsg", "errReason", "focus_titles", "full", "id", "slice", "status", "subtitles", "text", "type"], done.Select(p => p.Key).Order());
        Assert.Equal((id, "tts", 9, string.Empty, string.Empty), ((string)done["id"]!, (string)done["type"]!, (int)done["status"]!, (string)done["errMsg"]!, (string)done["errReason"]!));
        Assert.Equal([AvatarHttp.Text], done["text"]!.AsArray().Select(t => (string)t!));
        Assert.Equal((id + ".wav", SpeechHttp.TextSeconds), ((string)done["full"]!["path"]!, (double)done["full"]!["duration"]!));
        Assert.Null(done["slice"]);

        Assert.Equal("audio/wav", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(("pcm_s16le", 16000, 1), (probe.Codec, probe.SampleRate, probe.Channels));
        Assert.Equal(SpeechHttp.TextSeconds, probe.Duration, 3);
        Assert.Equal((int)Math.Round(SpeechHttp.TextSeconds * 16000 * 2), wav.Length - 44);
        Assert.Equal(wav, emulator.GetSpeechOutputBytes(id));

        Assert.Equal(["你好", "这是一个测试", "欢迎使用蝉镜数字人"], cues.Select(c => (string)c!["subtitle"]!));
        Assert.Equal([0, 0.64, 2.38], cues.Select(c => (double)c!["start_time"]!));
        Assert.Equal([0.64, 2.38, SpeechHttp.TextSeconds], cues.Select(c => (double)c!["end_time"]!));
        Assert.All(cues, c =>
        {
            Assert.Equal(["end_time", "key", "keywords", "start_time", "subtitle"], c!.AsObject().Select(p => p.Key).Order());
            Assert.Matches("^[0-9a-f]{40}$", (string)c["key"]!);
            Assert.Null(c["keywords"]);
        });
    }

    [Fact]
    public async Task Speed2_HalvesTheAudio_SsmlTagsAreNotSpoken_EnglishAtWordsASecond()
    {
        var (emulator, http, time, token) = await EmulatorHttp.StartAsync();
        await using var _ = emulator;
        using var __ = http;

        var id = (string)(await SpeechHttp.CreateAsync(http, token, SpeechHttp.Tts("<speak>Hello <break time=\"300ms\"/>world. This is a test!</speak>", speed: 2)))["data"]!["task_id"]!;
        time.Advance(TimeSpan.FromSeconds(3));
        var done = await SpeechHttp.StateAsync(http, token, id);
        var probe = await SpeechHttp.ProbeWavAsync(await http.GetByteArrayAsync((string)done["full"]!["url"]!));
        var cues = done["subtitles"]!.AsArray();

        // 6 words at 2.5 a second and two 0.4 s pauses = 3.2 s, halved.
        Assert.Equal(1.6, (double)done["full"]!["duration"]!);
        Assert.Equal(1.6, probe.Duration, 3);
        Assert.Equal(["Hello world", "This is a test"], cues.Select(c => (string)c!["subtitle"]!));
        Assert.Equal([(0, 0.6), (0.6, 1.6)], cues.Select(c => ((double)c!["start_time"]!, (double)c["end_time"]!)));
    }

    [Theory]
    [InlineData("20240601", "不支持纯数字文本")]
    [InlineData("你好 [emulator:no-credits]", "蝉豆不足扣费失败")]
    [InlineData("你好 [emulator:fail]", "语音合成失败，请稍后重试")]
    [InlineData("<speak>。。。</speak>", "文本没有可朗读的内容")]
    public async Task DocumentedFailures_Are9WithErrMsgAndErrReason_NoAudio(string text, string message)
    {
        var (emulator, http, time, token) = await EmulatorHttp.StartAsync();
        await using var _ = emulator;
        using var __ = http;

        var id = (string)(await SpeechHttp.CreateAsync(http, token, SpeechHttp.Tts(text)))["data"]!["task_id"]!;
        time.Advance(TimeSpan.FromSeconds(3));
        var done = await SpeechHttp.StateAsync(http, token, id);
        using var download = await http.GetAsync($"files/speech/{id}.wav");

        Assert.Equal((9, message, string.Empty), ((int)done["status"]!, (string)done["errMsg"]!, (string)done["full"]!["url"]!));
        Assert.NotEqual(string.Empty, (string)done["errReason"]!);
        Assert.Null(done["subtitles"]);
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        Assert.Throws<KeyNotFoundException>(() => emulator.GetSpeechOutputBytes(id));
    }

    [Fact]
    public async Task Refusals_Are40000_NamingTheField_AndStateIsAPostOfTaskId()
    {
        var (emulator, http, _, token) = await EmulatorHttp.StartAsync();
        await using var _ = emulator;
        using var __ = http;

        async Task<(int, string)> Create(Action<JsonObject> change)
        {
            var body = SpeechHttp.Tts();
            change(body);
            var answer = await EmulatorHttp.PostAsync(http, "open/v1/create_audio_task", body, token);
            return ((int)answer["code"]!, (string)answer["msg"]!);
        }

        Assert.Equal((40000, "参数错误: audio_man 必填"), await Create(b => b.Remove("audio_man")));
        Assert.Equal((40000, "该AI语音被禁用或者不存在"), await Create(b => b["audio_man"] = "C-Audio-00000000000000000000000000000000"));
        Assert.StartsWith("参数错误: text 必填", (await Create(b => b["text"] = "你好")).Item2, StringComparison.Ordinal);
        Assert.Equal((40000, "参数错误: 文本长度需小于4000字符"), await Create(b => b["text"] = new JsonObject { ["text"] = new string('好', 4000) }));
        Assert.Equal(0, (await Create(b => b["text"] = new JsonObject { ["text"] = new string('好', 3999) })).Item1);
        Assert.Equal((40000, "参数错误: speed 必填, 取值 0.5-2"), await Create(b => b["speed"] = 2.5));
        Assert.Equal((40000, "参数错误: speed 必填, 取值 0.5-2"), await Create(b => b.Remove("speed")));
        Assert.Equal((40000, "参数错误: pitch 必填, 取值 0.1-3"), await Create(b => b.Remove("pitch")));
        Assert.Equal((40000, "参数错误: aigc_watermark 应为布尔值"), await Create(b => b["aigc_watermark"] = "yes"));
        Assert.Equal((40000, "参数错误: callback 应为 http(s) URL"), await Create(b => b["callback"] = "ftp://example.com/cb"));
        Assert.Equal(0, (await Create(b => b["text"]!.AsObject().Remove("plain_text"))).Item1);

        var unknown = await EmulatorHttp.PostAsync(http, "open/v1/audio_task_state", new JsonObject { ["task_id"] = "0123456789abcdef0123456789abcdef" }, token);
        var missing = await EmulatorHttp.PostAsync(http, "open/v1/audio_task_state", new JsonObject(), token);
        using var get = new HttpRequestMessage(HttpMethod.Get, "open/v1/audio_task_state?task_id=x");
        get.Headers.Add("access_token", token);
        using var viaGet = await http.SendAsync(get);
        Assert.Equal((40000, "任务不存在"), ((int)unknown["code"]!, (string)unknown["msg"]!));
        Assert.Equal((40000, "参数错误: task_id 必填"), ((int)missing["code"]!, (string)missing["msg"]!));
        Assert.Equal(HttpStatusCode.NotFound, viaGet.StatusCode);
    }

    [Fact]
    public async Task EveryPublicAvatarsVoice_IsAPublicVoice_AndEveryPublicVoiceSpeaks()
    {
        var (emulator, http, _, token) = await EmulatorHttp.StartAsync();
        await using var _ = emulator;
        using var __ = http;

        var voices = (await AvatarHttp.DataAsync(http, "open/v1/list_common_audio?page=1&size=100", token))["list"]!.AsArray().Select(v => (string)v!["id"]!).ToList();
        var avatars = (await AvatarHttp.DataAsync(http, "open/v1/list_common_dp?page=1&size=100", token))["list"]!.AsArray();
        var codes = new List<int>();
        foreach (var voice in voices)
        {
            codes.Add((int)(await EmulatorHttp.PostAsync(http, "open/v1/create_audio_task", SpeechHttp.Tts(voice: voice), token))["code"]!);
        }

        Assert.Equal(8, voices.Count);
        Assert.Equal(12, avatars.Count);
        Assert.All(avatars, a => Assert.Contains((string)a!["audio_man_id"]!, voices));
        Assert.All(codes, c => Assert.Equal(0, c));
    }

    [Fact]
    public async Task ForcedStatus_10KeepsGenerating_9WithErrMsgFails_AlsoOverTheAdminEndpoint()
    {
        var (emulator, http, time, token) = await EmulatorHttp.StartAsync(new ChanjingEmulatorOptions { EnableAdminEndpoints = true });
        await using var _ = emulator;
        using var __ = http;
        var id = (string)(await SpeechHttp.CreateAsync(http, token, SpeechHttp.Tts()))["data"]!["task_id"]!;

        emulator.SetSpeechTaskStatus(id, 10);
        time.Advance(TimeSpan.FromSeconds(10));
        var generating = await SpeechHttp.StateAsync(http, token, id);
        using var admin = await http.PostAsync($"_emulator/speech/{id}/status", new StringContent("""{"status":9,"errMsg":"余额不足"}""", System.Text.Encoding.UTF8, "application/json"));
        var failed = await SpeechHttp.StateAsync(http, token, id);
        using var missing = await http.PostAsync("_emulator/speech/nope/status", new StringContent("""{"status":9}""", System.Text.Encoding.UTF8, "application/json"));
        emulator.SetSpeechTaskStatus(id, 9);
        var succeeded = await SpeechHttp.StateAsync(http, token, id);

        Assert.Equal((10, string.Empty), ((int)generating["status"]!, (string)generating["full"]!["url"]!));
        Assert.Equal((HttpStatusCode.NoContent, 9, "余额不足", string.Empty), (admin.StatusCode, (int)failed["status"]!, (string)failed["errMsg"]!, (string)failed["full"]!["url"]!));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.EndsWith(id + ".wav", (string)succeeded["full"]!["url"]!, StringComparison.Ordinal);
        Assert.Throws<KeyNotFoundException>(() => emulator.SetSpeechTaskStatus("nope", 9));
    }

    [Fact]
    public async Task Callback_PostsTheTaskObject_AsStateAnswersIt_Once()
    {
        using var receiver = new AvatarHttp.Receiver();
        var (emulator, http, time, token) = await EmulatorHttp.StartAsync();
        await using var _ = emulator;
        using var __ = http;
        var body = SpeechHttp.Tts();
        body["callback"] = receiver.Url.AbsoluteUri;

        var id = (string)(await SpeechHttp.CreateAsync(http, token, body))["data"]!["task_id"]!;
        time.Advance(TimeSpan.FromSeconds(3));
        var posted = JsonNode.Parse(await receiver.FirstBody)!;
        var state = await SpeechHttp.StateAsync(http, token, id);

        Assert.Equal(state.ToJsonString(), posted.ToJsonString());
        Assert.Equal(9, (int)posted["status"]!);
        Assert.Equal(1, emulator.CountRequests(EmulatorEndpoint.Callback));
    }

    [Fact]
    public async Task RateLimit_The501stCreateInAMinute_Is40001_StateHasNone_AndFaultsTargetTheEndpoints()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var (emulator, http, _, token) = await EmulatorHttp.StartAsync(new ChanjingEmulatorOptions { EnforceDocumentedRateLimits = true, TimeProvider = time });
        await using var _ = emulator;
        using var __ = http;
        var body = SpeechHttp.Tts("好。");
        var codes = new List<int>();
        for (var i = 0; i < 501; i++)
        {
            codes.Add((int)(await EmulatorHttp.PostAsync(http, "open/v1/create_audio_task", body, token))["code"]!);
        }

        time.Advance(TimeSpan.FromMinutes(1));
        var afterMinute = (int)(await EmulatorHttp.PostAsync(http, "open/v1/create_audio_task", body, token))["code"]!;
        emulator.AddFault(EmulatorEndpoint.GetSpeechTask, EmulatorFault.WithCode(50000));
        var faulted = (int)(await EmulatorHttp.PostAsync(http, "open/v1/audio_task_state", new JsonObject { ["task_id"] = "x" }, token))["code"]!;

        Assert.Equal([.. Enumerable.Repeat(0, 500), 40001], codes);
        Assert.Equal((0, 50000), (afterMinute, faulted));
        Assert.Equal(502, emulator.CountRequests(EmulatorEndpoint.CreateSpeechTask));
        Assert.Equal(500, ChanjingEmulatorOptions.DocumentedRequestsPerMinute[EmulatorEndpoint.CreateSpeechTask]);
    }
}
