using System.Text.Json.Nodes;
using Chanjing.Emulator;
using Microsoft.Extensions.Time.Testing;

namespace Chanjing.Sdk.IntegrationTests.Emulator;

/// <summary>Avatar videos: 10 -> 30 with real media (video + sound as long as the speech), failures 4X / 5X, video_list, callbacks, limits.</summary>
public sealed class EmulatorAvatarVideoTests
{
    [Fact]
    public async Task Tts_GeneratingWithRisingProgress_ThenSuccess_Mp4HasVideoAndSoundAsLongAsTheSpeech_CoverPng_Timeline()
    {
        var (emulator, http, time, token) = await EmulatorHttp.StartAsync();
        await using var _ = emulator;
        using var __ = http;
        var body = AvatarHttp.Tts();
        body["subtitle_config"] = AvatarHttp.Subtitles();

        var id = (string)(await EmulatorHttp.PostAsync(http, "open/v1/create_video", body, token))["data"]!;
        var start = await AvatarHttp.DataAsync(http, $"open/v1/video?id={id}", token);
        time.Advance(TimeSpan.FromSeconds(1.5));
        var middle = await AvatarHttp.DataAsync(http, $"open/v1/video?id={id}", token);
        time.Advance(TimeSpan.FromSeconds(1.5));
        var done = await AvatarHttp.DataAsync(http, $"open/v1/video?id={id}", token);
        using var video = await http.GetAsync((string)done["video_url"]!);
        var (streams, errors) = await AvatarHttp.ProbeAsync(await video.Content.ReadAsByteArrayAsync(), ".mp4");
        using var cover = await http.GetAsync((string)done["preview_url"]!);
        var (coverStreams, _) = await AvatarHttp.ProbeAsync(await cover.Content.ReadAsByteArrayAsync(), ".png");
        var timeline = JsonNode.Parse(await http.GetStringAsync((string)done["subtitle_data_url"]!))!.AsArray();

        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.Equal((10, 0, string.Empty), ((int)start["status"]!, (int)start["progress"]!, (string)start["video_url"]!));
        Assert.Equal((10, 50), ((int)middle["status"]!, (int)middle["progress"]!));
        Assert.Equal((30, 100, string.Empty, 5), ((int)done["status"]!, (int)done["progress"]!, (string)done["msg"]!, (int)done["duration"]!));
        Assert.Equal(["create_time", "duration", "id", "msg", "preview_url", "progress", "status", "subtitle_data_url", "video_url"], done.Select(p => p.Key).Order());
        Assert.Equal("video/mp4", video.Content.Headers.ContentType!.MediaType);
        var picture = streams.Single(s => s.Type == "video");
        var sound = streams.Single(s => s.Type == "audio");
        Assert.Equal(("h264", 64, 114), (picture.Codec, picture.Width, picture.Height));
        Assert.Equal(("pcm_s16le", 16000), (sound.Codec, sound.SampleRate));
        Assert.InRange(sound.Duration, AvatarHttp.TextSeconds - 0.1, AvatarHttp.TextSeconds + 0.1);
        Assert.InRange(picture.Duration, AvatarHttp.TextSeconds - 0.1, AvatarHttp.TextSeconds + 0.1);
        Assert.Equal(string.Empty, errors);
        Assert.Equal(("image/png", "png", 64, 114), (cover.Content.Headers.ContentType!.MediaType, coverStreams[0].Codec, coverStreams[0].Width, coverStreams[0].Height));
        Assert.Equal(["你好", "这是一个测试", "欢迎使用蝉镜数字人"], timeline.Select(c => (string)c!["subtitles"]!));
        Assert.All(timeline, c =>
        {
            Assert.Equal(["end_frame", "fps", "key", "max_time", "min_time", "start_frame", "subtitles"], c!.AsObject().Select(p => p.Key).Order());
            Assert.True((int)c["min_time"]! < (int)c["max_time"]!);
            Assert.Equal((int)c["max_time"]! * (int)c["fps"]! / 1000, (int)c["end_frame"]!);
        });
        Assert.Equal((int)Math.Round(AvatarHttp.TextSeconds * 1000) - 400, (int)timeline[^1]!["max_time"]!);
    }

    [Fact]
    public async Task Tts_Speed2_HalvesTheSpeech_RequestedResolution_GivesTheScreenSize_NoSubtitlesNoTimeline()
    {
        var (emulator, http, time, token) = await EmulatorHttp.StartAsync(new ChanjingEmulatorOptions { UseRequestedResolution = true });
        await using var _ = emulator;
        using var __ = http;
        var body = AvatarHttp.Tts(speed: 2);
        body["screen_width"] = 360;
        body["screen_height"] = 640;

        var id = (string)(await EmulatorHttp.PostAsync(http, "open/v1/create_video", body, token))["data"]!;
        time.Advance(TimeSpan.FromSeconds(3));
        var done = await AvatarHttp.DataAsync(http, $"open/v1/video?id={id}", token);
        var bytes = await http.GetByteArrayAsync((string)done["video_url"]!);
        var (streams, errors) = await AvatarHttp.ProbeAsync(bytes, ".mp4");

        Assert.Equal(string.Empty, (string)done["subtitle_data_url"]!);
        Assert.Equal(("h264", 360, 640), (streams.Single(s => s.Type == "video").Codec, streams.Single(s => s.Type == "video").Width, streams.Single(s => s.Type == "video").Height));
        Assert.InRange(streams.Single(s => s.Type == "audio").Duration, (AvatarHttp.TextSeconds / 2) - 0.1, (AvatarHttp.TextSeconds / 2) + 0.1);
        Assert.Equal(string.Empty, errors);
        Assert.Equal(bytes, emulator.GetVideoOutputBytes(id));
    }

    [Fact]
    public async Task Audio_UploadedWav_DrivesTheVideo_ItsSoundIsTheWav_ExactlyAsLong()
    {
        var (emulator, http, time, token) = await EmulatorHttp.StartAsync();
        await using var _ = emulator;
        using var __ = http;
        var (fileId, fullPath) = await AvatarHttp.UploadAsync(http, time, token, "make_video_audio", "speech.wav", AvatarHttp.Wav(3.25));
        var (mp3, _) = await AvatarHttp.UploadAsync(http, time, token, "make_video_audio", "speech.mp3", [0xFF, 0xFB, 0x90, 0x00, 1, 2, 3]);

        async Task<(IReadOnlyList<AvatarHttp.Stream> Streams, JsonObject Video)> Make(JsonObject audio)
        {
            var body = AvatarHttp.Tts();
            audio["type"] = "audio";
            audio["volume"] = 100;
            body["audio"] = audio;
            body["subtitle_config"] = AvatarHttp.Subtitles();
            var created = await EmulatorHttp.PostAsync(http, "open/v1/create_video", body, token);
            Assert.True((int)created["code"]! == 0, created.ToJsonString());
            time.Advance(TimeSpan.FromSeconds(3));
            var video = await AvatarHttp.DataAsync(http, $"open/v1/video?id={(string)created["data"]!}", token);
            return ((await AvatarHttp.ProbeAsync(await http.GetByteArrayAsync((string)video["video_url"]!), ".mp4")).Streams, video);
        }

        var fromFile = await Make(new JsonObject { ["file_id"] = fileId });
        var fromUrl = await Make(new JsonObject { ["wav_url"] = fullPath });
        var fromMp3 = await Make(new JsonObject { ["file_id"] = mp3 });
        var timeline = JsonNode.Parse(await http.GetStringAsync((string)fromFile.Video["subtitle_data_url"]!))!.AsArray();

        Assert.Equal(3.25, fromFile.Streams.Single(s => s.Type == "audio").Duration, 3);
        Assert.Equal(3.25, fromFile.Streams.Single(s => s.Type == "video").Duration, 3);
        Assert.Equal(3, (int)fromFile.Video["duration"]!);
        Assert.Equal(3.25, fromUrl.Streams.Single(s => s.Type == "audio").Duration, 3);
        Assert.Equal(5.0, fromMp3.Streams.Single(s => s.Type == "audio").Duration, 3);
        Assert.Equal((0, 3250, string.Empty), ((int)timeline.Single()!["min_time"]!, (int)timeline.Single()!["max_time"]!, (string)timeline.Single()!["subtitles"]!));
    }

    [Fact]
    public async Task ScriptPlacement_DriveModeRgbaBackwayAtTheTopLevel_Accepted_AndCustomisedAvatarWithItsClonedVoice()
    {
        var (emulator, http, time, token) = await EmulatorHttp.StartAsync();
        await using var _ = emulator;
        using var __ = http;
        var body = AvatarHttp.Tts();
        body["drive_mode"] = "random";
        body["backway"] = 2;
        body["is_rgba_mode"] = false;
        body["model"] = 1;
        body["add_compliance_watermark"] = true;
        body["compliance_watermark_position"] = 3;
        var inPerson = AvatarHttp.Tts();
        inPerson["person"]!["drive_mode"] = "";
        inPerson["person"]!["backway"] = 1;
        var (fileId, _) = await AvatarHttp.UploadAsync(http, time, token, "customised_person", "me.mp4", await AvatarHttp.SourceVideoAsync(http, time, token));
        var person = (string)(await EmulatorHttp.PostAsync(http, "open/v1/create_customised_person", new JsonObject { ["name"] = "me", ["file_id"] = fileId }, token))["data"]!;
        var early = await EmulatorHttp.PostAsync(http, "open/v1/create_video", AvatarHttp.Tts(person: person, figure: null), token);
        time.Advance(TimeSpan.FromSeconds(3));
        var voice = (string)(await AvatarHttp.DataAsync(http, $"open/v1/customised_person?id={person}", token))["audio_man_id"]!;
        var mine = AvatarHttp.Tts(person: person, figure: null, voice: voice);
        var mine4K = AvatarHttp.Tts(person: person, figure: null, voice: voice);
        mine4K["resolution_rate"] = 1;

        Assert.Equal(0, (int)(await EmulatorHttp.PostAsync(http, "open/v1/create_video", body, token))["code"]!);
        Assert.Equal(0, (int)(await EmulatorHttp.PostAsync(http, "open/v1/create_video", inPerson, token))["code"]!);
        Assert.Equal(40000, (int)early["code"]!);
        Assert.Equal(0, (int)(await EmulatorHttp.PostAsync(http, "open/v1/create_video", mine, token))["code"]!);
        Assert.Equal(40000, (int)(await EmulatorHttp.PostAsync(http, "open/v1/create_video", mine4K, token))["code"]!);
    }

    public static TheoryData<string, string> Refusals() => new()
    {
        { """{"audio":{"tts":{"text":[""]}}}""", "audio.tts.text" },
        { """{"audio":{"tts":{"speed":0.4}}}""", "speed" },
        { """{"audio":{"tts":{"speed":2.5}}}""", "speed" },
        { """{"audio":{"tts":{"audio_man":"nobody"}}}""", "该AI语音被禁用或者不存在" },
        { """{"person":{"id":"0000"}}""", "不存在" },
        { """{"person":{"figure_type":"whole_body"}}""", "figure_type" },
        { """{"person":{"width":null}}""", "person.width" },
        { """{"backway":3}""", "backway" },
        { """{"drive_mode":"fast"}""", "drive_mode" },
        { """{"is_rgba_mode":true}""", "is_rgba_mode" },
        { """{"bg_color":"red"}""", "bg_color" },
        { """{"bg":{"src_url":"https://example.com/bg.gif"}}""", "bg.src_url" },
        { """{"subtitle_config":{"show":true,"x":100,"y":1521,"width":1000,"height":200}}""", "字幕区域" },
        { """{"audio":{"type":"audio","wav_url":"https://example.com/a.wav","file_id":"x"}}""", "只能传一个" },
        { """{"audio":{"type":"audio","file_id":"missing"}}""", "文件不存在" },
        { """{"audio":{"volume":101}}""", "audio.volume" },
        { """{"resolution_rate":2}""", "resolution_rate" },
        { """{"callback":"ftp://example.com/cb"}""", "callback" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Create_BreaksADocumentedRule_Code40000_NamingIt(string patch, string expected)
    {
        var (emulator, http, _, token) = await EmulatorHttp.StartAsync();
        await using var _ = emulator;
        using var __ = http;
        var body = AvatarHttp.Tts();
        Merge(body, (JsonObject)JsonNode.Parse(patch)!);

        var answer = await EmulatorHttp.PostAsync(http, "open/v1/create_video", body, token);

        Assert.Equal(40000, (int)answer["code"]!);
        Assert.Contains(expected, (string)answer["msg"]!, StringComparison.Ordinal);
        Assert.Equal(0, emulator.VideoCount);
    }

    [Fact]
    public async Task Create_TextOf4000Characters_Refused_3999Accepted()
    {
        var (emulator, http, _, token) = await EmulatorHttp.StartAsync();
        await using var _ = emulator;
        using var __ = http;

        var tooLong = await EmulatorHttp.PostAsync(http, "open/v1/create_video", AvatarHttp.Tts(new string('好', 4000)), token);
        var longest = await EmulatorHttp.PostAsync(http, "open/v1/create_video", AvatarHttp.Tts(new string('好', 3999)), token);

        Assert.Equal((40000, "参数错误: 文本长度需小于4000字符"), ((int)tooLong["code"]!, (string)tooLong["msg"]!));
        Assert.Equal(0, (int)longest["code"]!);
    }

    [Theory]
    [InlineData("1234567890", null, 40, "不支持纯数字文本")]
    [InlineData("好", null, 40, "您需要至少输入1S以上的内容")]
    [InlineData("你好，这是一个测试。[emulator:no-credits]", null, 40, "蝉豆不足扣费失败")]
    [InlineData("你好，这是一个测试。[emulator:fail]", null, 50, "视频合成失败，请稍后重试")]
    [InlineData("你好，这是一个测试。", "fr", 40, "暂不支持该语种")]
    public async Task Create_FailingContent_GeneratesThenFails_With4XOr5XAndTheDocumentedMsg(string text, string? language, int status, string msg)
    {
        var (emulator, http, time, token) = await EmulatorHttp.StartAsync();
        await using var _ = emulator;
        using var __ = http;
        var body = AvatarHttp.Tts(text);
        if (language is not null)
        {
            body["audio"]!["language"] = language;
        }

        var id = (string)(await EmulatorHttp.PostAsync(http, "open/v1/create_video", body, token))["data"]!;
        var before = await AvatarHttp.DataAsync(http, $"open/v1/video?id={id}", token);
        time.Advance(TimeSpan.FromSeconds(3));
        var after = await AvatarHttp.DataAsync(http, $"open/v1/video?id={id}", token);

        Assert.Equal(10, (int)before["status"]!);
        Assert.Equal((status, msg, string.Empty), ((int)after["status"]!, (string)after["msg"]!, (string)after["video_url"]!));
    }

    [Fact]
    public async Task Audio_UnsupportedFormat_Fails40_ForcedStatus_Reported()
    {
        var (emulator, http, time, token) = await EmulatorHttp.StartAsync();
        await using var _ = emulator;
        using var __ = http;
        var (ogg, _) = await AvatarHttp.UploadAsync(http, time, token, "make_video_audio", "speech.ogg", [1, 2, 3]);
        var body = AvatarHttp.Tts();
        body["audio"] = new JsonObject { ["type"] = "audio", ["file_id"] = ogg, ["volume"] = 100 };

        var id = (string)(await EmulatorHttp.PostAsync(http, "open/v1/create_video", body, token))["data"]!;
        var forced = (string)(await EmulatorHttp.PostAsync(http, "open/v1/create_video", AvatarHttp.Tts(), token))["data"]!;
        emulator.SetVideoStatus(forced, 51, "上传背景文件失败, 请检查网络");
        time.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal((40, "不支持的音频格式,仅支持:audio/x-wav,audio/mpeg,audio/m4a,video/mp4"), Status(await AvatarHttp.DataAsync(http, $"open/v1/video?id={id}", token)));
        Assert.Equal((51, "上传背景文件失败, 请检查网络"), Status(await AvatarHttp.DataAsync(http, $"open/v1/video?id={forced}", token)));
    }

    [Fact]
    public async Task VideoList_CapitalisedListAndPageInfo_NewestFirst()
    {
        var (emulator, http, _, token) = await EmulatorHttp.StartAsync();
        await using var _ = emulator;
        using var __ = http;
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((string)(await EmulatorHttp.PostAsync(http, "open/v1/create_video", AvatarHttp.Tts(), token))["data"]!);
        }

        var page = (JsonObject)(await EmulatorHttp.PostAsync(http, "open/v1/video_list", new JsonObject { ["page"] = 1, ["page_size"] = 2 }, token))["data"]!;
        var last = (JsonObject)(await EmulatorHttp.PostAsync(http, "open/v1/video_list", new JsonObject { ["page"] = 2, ["page_size"] = 2 }, token))["data"]!;

        Assert.Equal(["List", "PageInfo"], page.Select(p => p.Key));
        Assert.Equal([ids[2], ids[1]], page["List"]!.AsArray().Select(v => (string)v!["id"]!));
        Assert.Equal([ids[0]], last["List"]!.AsArray().Select(v => (string)v!["id"]!));
        Assert.Equal("""{"page":1,"size":2,"total_count":3,"total_page":2}""", page["PageInfo"]!.ToJsonString());
        Assert.Equal(3, emulator.CountRequests(EmulatorEndpoint.CreateVideo));
        Assert.Equal(2, emulator.CountRequests(EmulatorEndpoint.ListVideos));
    }

    [Fact]
    public async Task Callback_PostsTheVideoObject_AsGetAnswersIt()
    {
        using var receiver = new AvatarHttp.Receiver();
        var (emulator, http, time, token) = await EmulatorHttp.StartAsync();
        await using var _ = emulator;
        using var __ = http;
        var body = AvatarHttp.Tts();
        body["callback"] = receiver.Url.AbsoluteUri;

        var id = (string)(await EmulatorHttp.PostAsync(http, "open/v1/create_video", body, token))["data"]!;
        time.Advance(TimeSpan.FromSeconds(3));
        var posted = await receiver.FirstBody;
        var got = await AvatarHttp.DataAsync(http, $"open/v1/video?id={id}", token);

        Assert.Equal(got.ToJsonString(), JsonNode.Parse(posted)!.ToJsonString());
        Assert.Equal(30, (int)got["status"]!);
        Assert.Equal(1, emulator.CountRequests(EmulatorEndpoint.Callback));
    }

    [Fact]
    public async Task RateLimit_TheEleventhCreateVideoInAMinute_Is40001_AndAFaultTargetsCreateVideo()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var (emulator, http, _, token) = await EmulatorHttp.StartAsync(new ChanjingEmulatorOptions { EnforceDocumentedRateLimits = true, TimeProvider = time });
        await using var _ = emulator;
        using var __ = http;
        var codes = new List<int>();
        for (var i = 0; i < 11; i++)
        {
            codes.Add((int)(await EmulatorHttp.PostAsync(http, "open/v1/create_video", AvatarHttp.Tts(), token))["code"]!);
        }

        time.Advance(TimeSpan.FromMinutes(1));
        emulator.AddFault(EmulatorEndpoint.CreateVideo, EmulatorFault.WithCode(50000));
        var faulted = (int)(await EmulatorHttp.PostAsync(http, "open/v1/create_video", AvatarHttp.Tts(), token))["code"]!;
        var accepted = (int)(await EmulatorHttp.PostAsync(http, "open/v1/create_video", AvatarHttp.Tts(), token))["code"]!;

        Assert.Equal([.. Enumerable.Repeat(0, 10), 40001], codes);
        Assert.Equal((50000, 0), (faulted, accepted));
        Assert.Equal(11, emulator.VideoCount);
        Assert.Equal(10, ChanjingEmulatorOptions.DocumentedRequestsPerMinute[EmulatorEndpoint.CreateVideo]);
    }

    private static (int, string) Status(JsonObject video) => ((int)video["status"]!, (string)video["msg"]!);

    private static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch.ToList())
        {
            if (value is JsonObject inner && target[key] is JsonObject existing)
            {
                Merge(existing, inner);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }
}
