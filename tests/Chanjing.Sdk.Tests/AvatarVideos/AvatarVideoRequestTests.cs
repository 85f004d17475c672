using System.Text.Json;
using System.Text.Json.Nodes;
using Chanjing.Sdk.Tests.TestSupport;

namespace Chanjing.Sdk.Tests.AvatarVideos;

/// <summary>Every documented limit of an avatar video checked before any request, and the documented example body sent as documented.</summary>
public sealed class AvatarVideoRequestTests
{
    private static AvatarVideoRequest Valid() =>
        new(VideoAvatar.Public("a-1", AvatarFigureType.SitBody, 1080, 1920), AvatarVideoAudio.FromText("你好，这是一个测试。", "voice-1"));

    private static CustomAvatar ReadyCustom(bool supports4K) => ProductReaders.ReadCustomAvatar(JsonDocument.Parse(
        $$"""{"id":"C-1","name":"me","status":2,"progress":100,"width":1080,"height":1920,"support_4k":{{(supports4K ? "true" : "false")}}}""").RootElement);

    public static TheoryData<string, Action<AvatarVideoRequest>> BadRequests() => new()
    {
        { "Audio.Text is 4000 characters long", r => r.Audio = AvatarVideoAudio.FromText(new string('字', 4000), "voice-1") },
        { "Audio.Text must not be empty", r => r.Audio = AvatarVideoAudio.FromText("  ", "voice-1") },
        { "Audio.VoiceId", r => r.Audio = AvatarVideoAudio.FromText("你好", "") },
        { "Audio.Speed must be between 0.5 and 2, but was 0.4", r => r.Audio.Speed = 0.4 },
        { "Audio.Speed must be between 0.5 and 2, but was 2.5", r => r.Audio.Speed = 2.5 },
        { "Audio.Speed must be between 0.5 and 2, but was NaN", r => r.Audio.Speed = double.NaN },
        { "Audio.Pitch must be between 0.1 and 3", r => r.Audio.Pitch = 0 },
        { "Audio.Volume must be between 1 and 100, but was 0", r => r.Audio.Volume = 0 },
        { "Audio.Volume must be between 1 and 100, but was 101", r => r.Audio.Volume = 101 },
        { "Audio.Media is required", r => r.Audio = AvatarVideoAudio.FromMedia(default) },
        { "Audio.Media must be .wav, .mp3, .m4a, .mp4", r => r.Audio = AvatarVideoAudio.FromMedia(MediaSource.FromUrl(new Uri("https://cdn.example/voice.ogg"))) },
        { "the file '/no/such/voice.wav' does not exist", r => r.Audio = AvatarVideoAudio.FromMedia(MediaSource.FromFile("/no/such/voice.wav")) },
        { "BackgroundColor must be a colour as #RRGGBB, but was 'red'", r => r.BackgroundColor = "red" },
        { "Background must be .jpg, .jpeg, .png", r => r.Background = MediaSource.FromUrl(new Uri("https://cdn.example/bg.gif")) },
        { "ScreenWidth must be between 1 and 8192, but was 0", r => r.ScreenWidth = 0 },
        { "Avatar.Height must be between 1 and 8192", r => r.Avatar.Height = -1 },
        { "does not fit the 1080x1920 canvas", r => r.Subtitles = new AvatarVideoSubtitles { Y = 1800 } },
        { "does not fit the 720x1280 canvas", r => (r.ScreenWidth, r.ScreenHeight, r.Subtitles) = (720, 1280, new AvatarVideoSubtitles { Width = 1000 }) },
        { "Subtitles.Color must be a colour as #RRGGBB", r => r.Subtitles = new AvatarVideoSubtitles { Color = "#FFF" } },
        { "WatermarkPosition is BottomRight but ComplianceWatermark is off", r => r.WatermarkPosition = WatermarkPosition.BottomRight },
        { "TransparentBackground renders without subtitles and background", r => (r.TransparentBackground, r.Subtitles) = (true, new AvatarVideoSubtitles()) },
        { "CallbackUrl must be an absolute http(s) URL", r => r.CallbackUrl = new Uri("ftp://example.com/cb") },
        { "AdditionalFields holds 'person'", r => r.AdditionalFields["person"] = new JsonObject() },
        { "does not support 4K", r => (r.Avatar, r.Use4K) = (VideoAvatar.FromCustom(ReadyCustom(supports4K: false)), true) },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task CreateAsync_BreaksADocumentedLimit_RefusedNamingItBeforeAnyRequest(string expected, Action<AvatarVideoRequest> spoil)
    {
        var handler = new LambdaHandler((_, _) => throw new InvalidOperationException("no request may be sent"));
        using var client = handler.CreateClient();
        var request = Valid();
        spoil(request);

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => client.AvatarVideos.CreateAsync(request));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, handler.Count);
    }

    [Fact]
    public void VideoAvatar_FigureOfAnotherAvatar_OrUnreadyCustomAvatar_Refused()
    {
        var unready = ProductReaders.ReadCustomAvatar(JsonDocument.Parse("""{"id":"C-2","status":1,"progress":40}""").RootElement);

        Assert.Contains("not ready", Assert.Throws<ArgumentException>(() => VideoAvatar.FromCustom(unready)).Message, StringComparison.Ordinal);
        Assert.Contains("framing", Assert.Throws<ArgumentException>(() => VideoAvatar.Public("a-1", default, 1080, 1920)).Message, StringComparison.Ordinal);
        Assert.Equal((1080, 1920, true), (VideoAvatar.FromCustom(ReadyCustom(true)).Width, VideoAvatar.FromCustom(ReadyCustom(true)).Height, VideoAvatar.FromCustom(ReadyCustom(true)).Supports4K));
    }

    [Fact]
    public async Task CreateAsync_TheDocumentedExample_SentAsDocumented()
    {
        // products doc 5.5: the reference example (TTS mode, a public person's figure type).
        const string documented = """
            {"person":{"id":"C-ef91f3a6db3144ffb5d6c581ff13c7ec","figure_type":"sit_body","x":0,"y":0,"width":1080,"height":1920},
             "audio":{"type":"tts","volume":100,"language":"cn",
                      "tts":{"text":["你好，这是一个测试。"],"speed":1,"audio_man":"C-0ae461135d8a4eb2b59c853162ea9848","pitch":1}},
             "bg_color":"#EDEDED","screen_width":1080,"screen_height":1920,"model":0,"resolution_rate":0,
             "subtitle_config":{"show":true,"x":31,"y":1521,"width":1000,"height":200,"font_size":64,"color":"#FFFFFF","stroke_width":7,"asr_type":0}}
            """;
        string? sent = null;
        var handler = new LambdaHandler(async (request, ct) =>
        {
            sent = await request.Content!.ReadAsStringAsync(ct);
            return Wire.Ok(JsonValue.Create("video-1"));
        });
        using var client = handler.CreateClient();
        var request = new AvatarVideoRequest(
            VideoAvatar.Public("C-ef91f3a6db3144ffb5d6c581ff13c7ec", AvatarFigureType.SitBody, 1080, 1920),
            AvatarVideoAudio.FromText("你好，这是一个测试。", "C-0ae461135d8a4eb2b59c853162ea9848"))
        {
            BackgroundColor = "#EDEDED",
            Model = AvatarVideoModel.Basic,
            Subtitles = new AvatarVideoSubtitles(),
        };

        var id = await client.AvatarVideos.CreateAsync(request);

        Assert.Equal("video-1", id);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(documented), JsonNode.Parse(sent!)), sent);
    }

    [Fact]
    public async Task CreateAsync_4KCanvas_4KSubtitleDefaults_HiddenSubtitlesSendOnlyShow()
    {
        var sent = new List<JsonObject>();
        var handler = new LambdaHandler(async (request, ct) =>
        {
            sent.Add(JsonNode.Parse(await request.Content!.ReadAsStringAsync(ct))!.AsObject());
            return Wire.Ok(JsonValue.Create("video-" + sent.Count));
        });
        using var client = handler.CreateClient();
        var fourK = Valid();
        (fourK.Avatar, fourK.Use4K, fourK.ScreenWidth, fourK.ScreenHeight, fourK.Subtitles) = (VideoAvatar.FromCustom(ReadyCustom(true)), true, 2160, 3840, new AvatarVideoSubtitles());
        var hidden = Valid();
        hidden.Subtitles = AvatarVideoSubtitles.Hidden;

        await client.AvatarVideos.CreateAsync(fourK);
        await client.AvatarVideos.CreateAsync(hidden);

        Assert.Equal("""{"show":true,"x":80,"y":2840,"width":2000,"height":1000,"font_size":150,"color":"#FFFFFF","stroke_width":7,"asr_type":0}""", sent[0]["subtitle_config"]!.ToJsonString());
        Assert.Equal(1, (int)sent[0]["resolution_rate"]!);
        Assert.Null(sent[0]["person"]!["figure_type"]);
        Assert.Equal("""{"show":false}""", sent[1]["subtitle_config"]!.ToJsonString());
    }

    [Fact]
    public async Task WaitAsync_Status30WithoutVideoUrl_IsATypedFailureNotASuccess()
    {
        var handler = new LambdaHandler((_, _) => Task.FromResult(Wire.Ok(JsonNode.Parse("""{"id":"v-1","status":30,"progress":100,"msg":"","video_url":"","duration":3,"unknown_field":{"kept":true}}"""))));
        using var client = handler.CreateClient();

        var error = await Assert.ThrowsAsync<ChanjingTaskFailedException>(() => client.AvatarVideos.WaitAsync("v-1", new WaitOptions { Timeout = TimeSpan.FromSeconds(10) }));

        var video = Assert.IsType<AvatarVideo>(error.Job);
        Assert.True(video.IsFinished);
        Assert.False(video.IsSucceeded);
        Assert.Empty(video.OutputUrls);
        Assert.Equal(TimeSpan.FromSeconds(3), video.Duration);
        Assert.True(video.RawJson.GetProperty("unknown_field").GetProperty("kept").GetBoolean());
        Assert.Equal(1, handler.Count);
    }
}
