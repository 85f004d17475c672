using System.Text.Json.Nodes;
using Chanjing.Emulator;
using Chanjing.Sdk.IntegrationTests.Emulator;
using Chanjing.Sdk.TestShared;

namespace Chanjing.Sdk.IntegrationTests.AvatarVideos;

/// <summary><c>client.AvatarVideos</c> over loopback against the emulator: every endpoint, the wire body, uploads, every status path.</summary>
public sealed class AvatarVideoClientTests
{
    private static async Task<(PublicAvatar Avatar, AvatarFigure Figure)> SitBodyAsync(ChanjingClient client)
    {
        await foreach (var avatar in client.Avatars.ListPublicAsync())
        {
            if (avatar.Id == AvatarHttp.Avatar)
            {
                return (avatar, avatar.Figures.First(f => f.Type == AvatarFigureType.SitBody));
            }
        }

        throw new InvalidOperationException("the emulator's catalogue lacks the test avatar");
    }

    private static JsonObject SentBody(ChanjingEmulator emulator) =>
        JsonNode.Parse(emulator.Journal.Last(r => r.Endpoint == EmulatorEndpoint.CreateVideo).Body)!.AsObject();

    [Fact]
    public async Task GenerateAsync_ScriptWithSubtitles_PlayableMp4WithSoundAsLongAsTheSpeech_AndTheDocumentedBody()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var (avatar, figure) = await SitBodyAsync(client);
        var request = new AvatarVideoRequest(VideoAvatar.FromFigure(avatar, figure), AvatarVideoAudio.FromText(AvatarHttp.Text, avatar.VoiceId!))
        {
            Subtitles = new AvatarVideoSubtitles(),
        };
        var seen = new List<AvatarVideo>();

        var video = await client.AvatarVideos.GenerateAsync(request, Support.FastWait, new SynchronousProgress<AvatarVideo>(seen.Add));
        var directory = Directory.CreateTempSubdirectory().FullName;
        var saved = await client.DownloadOutputsAsync(video, directory);
        var (streams, errors) = await AvatarHttp.ProbeAsync(await File.ReadAllBytesAsync(saved.Single()), ".mp4");

        Assert.True(video.IsSucceeded, video.ToString());
        Assert.Equal(AvatarVideoStatus.Succeeded, video.Status);
        Assert.Equal(100, video.Progress);
        Assert.NotNull(video.CoverUrl);
        Assert.NotNull(video.SubtitleTimelineUrl);
        Assert.Equal(Math.Round(AvatarHttp.TextSeconds), video.Duration!.Value.TotalSeconds, 0);
        Assert.Equal(video.Id, video.RawJson.GetProperty("id").GetString());
        Assert.Equal(AvatarVideoStatus.Generating, seen[0].Status);
        Assert.Equal(video.Id + ".mp4", Path.GetFileName(saved.Single()));
        Assert.Equal(["audio", "video"], streams.Select(s => s.Type).Order());
        Assert.InRange(streams.Single(s => s.Type == "audio").Duration, AvatarHttp.TextSeconds - 0.1, AvatarHttp.TextSeconds + 0.1);
        Assert.Equal(string.Empty, errors);
        var body = SentBody(emulator);
        Assert.Equal(
            JsonNode.Parse("""
            {"person":{"id":"AVATAR","x":0,"y":0,"width":WIDTH,"height":HEIGHT,"figure_type":"sit_body"},
             "audio":{"type":"tts","volume":100,"language":"cn","tts":{"text":["TEXT"],"speed":1,"audio_man":"VOICE","pitch":1}},
             "subtitle_config":{"show":true,"x":31,"y":1521,"width":1000,"height":200,"font_size":64,"color":"#FFFFFF","stroke_width":7,"asr_type":0},
             "screen_width":1080,"screen_height":1920,"resolution_rate":0}
            """.Replace("AVATAR", avatar.Id).Replace("WIDTH", figure.Width.ToString(System.Globalization.CultureInfo.InvariantCulture)).Replace("HEIGHT", figure.Height.ToString(System.Globalization.CultureInfo.InvariantCulture))
               .Replace("TEXT", AvatarHttp.Text).Replace("VOICE", avatar.VoiceId))!.ToJsonString(),
            body.ToJsonString());
        Assert.Equal(1, emulator.CountRequests(EmulatorEndpoint.CreateVideo));
    }

    [Fact]
    public async Task CreateAsync_LocalAudioAndBackground_UploadedWithTheirServices_SentAsFileIds()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var directory = Directory.CreateTempSubdirectory().FullName;
        var wav = Path.Combine(directory, "voice.wav");
        await File.WriteAllBytesAsync(wav, AvatarHttp.Wav(2.5));
        var request = new AvatarVideoRequest(VideoAvatar.Public(AvatarHttp.Avatar, AvatarFigureType.CircleView, 728, 728), AvatarVideoAudio.FromMedia(MediaSource.FromFile(wav)))
        {
            ScreenWidth = 720,
            ScreenHeight = 720,
            Background = MediaSource.FromStream(new MemoryStream(Support.Png(72, 72)), "bg.png"),
            Subtitles = new AvatarVideoSubtitles(),
            Playback = AvatarPlayback.Reverse,
            RandomDriveMode = true,
            CallbackUrl = new Uri("http://127.0.0.1:9/cb"),
        };

        var id = await client.AvatarVideos.CreateAsync(request);
        var video = await client.AvatarVideos.WaitAsync(id, Support.FastWait);

        Assert.Equal(3, video.Duration!.Value.TotalSeconds);
        var uploads = emulator.Journal.Where(r => r.Endpoint == EmulatorEndpoint.CreateUploadUrl).Select(r => r.Query).ToList();
        Assert.Equal(2, uploads.Count);
        Assert.Contains("service=make_video_audio", uploads[0], StringComparison.Ordinal);
        Assert.Contains("service=make_video_background", uploads[1], StringComparison.Ordinal);
        var body = SentBody(emulator);
        Assert.Matches("^[0-9a-f]{32}$", (string)body["audio"]!["file_id"]!);
        Assert.Equal("audio", (string)body["audio"]!["type"]!);
        Assert.Null(body["audio"]!["tts"]);
        Assert.Matches("^[0-9a-f]{32}$", (string)body["bg"]!["file_id"]!);
        Assert.Equal((0, 0, 720, 720), ((int)body["bg"]!["x"]!, (int)body["bg"]!["y"]!, (int)body["bg"]!["width"]!, (int)body["bg"]!["height"]!));
        // The documented 1080x1920 box, scaled to the 720x720 canvas.
        Assert.Equal((21, 570, 667, 75, 43), ((int)body["subtitle_config"]!["x"]!, (int)body["subtitle_config"]!["y"]!, (int)body["subtitle_config"]!["width"]!, (int)body["subtitle_config"]!["height"]!, (int)body["subtitle_config"]!["font_size"]!));
        // drive_mode and backway both where the docs put them (person) and where Chanjing's script does (top level).
        Assert.Equal(("random", 2, "random", 2), ((string)body["person"]!["drive_mode"]!, (int)body["person"]!["backway"]!, (string)body["drive_mode"]!, (int)body["backway"]!));
        Assert.Equal("http://127.0.0.1:9/cb", (string)body["callback"]!);
    }

    [Theory]
    [InlineData("20240601", 40, "不支持纯数字文本", false)]
    [InlineData("你好 [emulator:no-credits]", 40, "蝉豆不足扣费失败", true)]
    [InlineData("你好 [emulator:fail]", 50, "视频合成失败，请稍后重试", false)]
    public async Task GenerateAsync_FailedVideo_TypedFailureWithTheServiceText(string text, int status, string message, bool billing)
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var request = new AvatarVideoRequest(VideoAvatar.Public(AvatarHttp.Avatar, AvatarFigureType.SitBody, 1080, 1920), AvatarVideoAudio.FromText(text, AvatarHttp.AvatarVoice));

        var error = await Assert.ThrowsAsync<ChanjingTaskFailedException>(() => client.AvatarVideos.GenerateAsync(request, Support.FastWait));

        var video = Assert.IsType<AvatarVideo>(error.Job);
        Assert.Equal((status, message), (video.Status.Value, video.ErrorMessage));
        Assert.True(video.Status.IsFailed);
        Assert.Null(error.Task);
        Assert.Equal(video.Id, error.TaskId);
        Assert.Equal(message, error.ServiceMessage);
        Assert.Equal(billing, error.IsBillingFailure);
        Assert.Equal(billing, video.IsBillingFailure);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(1, emulator.CountRequests(EmulatorEndpoint.CreateVideo));
    }

    [Fact]
    public async Task WaitAsync_UnknownStatus_PolledThrough_ThenSucceeds()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var id = await client.AvatarVideos.CreateAsync(new AvatarVideoRequest(VideoAvatar.Public(AvatarHttp.Avatar, AvatarFigureType.SitBody, 1080, 1920), AvatarVideoAudio.FromText(AvatarHttp.Text, AvatarHttp.AvatarVoice)));
        emulator.SetVideoStatus(id, 20);
        var seen = new List<AvatarVideo>();
        var reported = new TaskCompletionSource();
        var wait = client.AvatarVideos.WaitAsync(id, Support.FastWait, new SynchronousProgress<AvatarVideo>(v =>
        {
            seen.Add(v);
            reported.TrySetResult();
        }));
        await reported.Task.WaitAsync(TimeSpan.FromSeconds(10));
        emulator.SetVideoStatus(id, 30);

        var video = await wait.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(20, seen[0].Status.Value);
        Assert.False(seen[0].Status.IsKnown);
        Assert.True(video.IsSucceeded);
    }

    [Fact]
    public async Task WaitAsync_DeadlinePasses_TimeoutNamesTheVideoAndHowToResume()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var id = await client.AvatarVideos.CreateAsync(new AvatarVideoRequest(VideoAvatar.Public(AvatarHttp.Avatar, AvatarFigureType.SitBody, 1080, 1920), AvatarVideoAudio.FromText(AvatarHttp.Text, AvatarHttp.AvatarVoice)));
        emulator.SetVideoStatus(id, 10);

        var error = await Assert.ThrowsAsync<ChanjingWaitTimeoutException>(() => client.AvatarVideos.WaitAsync(id, new WaitOptions { PollInterval = TimeSpan.FromMilliseconds(20), Timeout = TimeSpan.FromMilliseconds(300) }));

        Assert.Equal(id, error.TaskId);
        Assert.Equal(AvatarVideoStatus.Generating, Assert.IsType<AvatarVideo>(error.LastKnownJob).Status);
        Assert.Null(error.LastKnownTask);
        Assert.Contains($"client.AvatarVideos.WaitAsync(\"{id}\")", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitAsync_Cancelled_StopsAtOnce()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var id = await client.AvatarVideos.CreateAsync(new AvatarVideoRequest(VideoAvatar.Public(AvatarHttp.Avatar, AvatarFigureType.SitBody, 1080, 1920), AvatarVideoAudio.FromText(AvatarHttp.Text, AvatarHttp.AvatarVoice)));
        emulator.SetVideoStatus(id, 10);
        using var cancel = new CancellationTokenSource();
        var polled = new TaskCompletionSource();
        var wait = client.AvatarVideos.WaitAsync(id, new WaitOptions { PollInterval = TimeSpan.FromMinutes(1), MaxPollInterval = TimeSpan.FromMinutes(1), Timeout = TimeSpan.FromMinutes(10) }, new SynchronousProgress<AvatarVideo>(_ => polled.TrySetResult()), cancel.Token);
        await polled.Task.WaitAsync(TimeSpan.FromSeconds(10));

        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(1, emulator.CountRequests(EmulatorEndpoint.GetVideo));
    }

    [Fact]
    public async Task ListAsync_CapitalisedPages_EveryVideoOnceNewestFirst()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var created = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            created.Add(await client.AvatarVideos.CreateAsync(new AvatarVideoRequest(VideoAvatar.Public(AvatarHttp.Avatar, AvatarFigureType.SitBody, 1080, 1920), AvatarVideoAudio.FromText(AvatarHttp.Text + i, AvatarHttp.AvatarVoice))));
        }

        var listed = new List<AvatarVideo>();
        await foreach (var video in client.AvatarVideos.ListAsync())
        {
            listed.Add(video);
        }

        Assert.Equal(Enumerable.Reverse(created), listed.Select(v => v.Id));
        Assert.All(listed, v => Assert.NotNull(v.CreatedAt));
        var page = JsonNode.Parse(emulator.Journal.Single(r => r.Endpoint == EmulatorEndpoint.ListVideos).Body)!;
        Assert.Equal((1, 50), ((int)page["page"]!, (int)page["page_size"]!));
    }

    [Fact]
    public async Task CreateAsync_AnswerLost_NeverResent_CandidatesAreTheNewVideoNotAnEarlierOne()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var request = new AvatarVideoRequest(VideoAvatar.Public(AvatarHttp.Avatar, AvatarFigureType.SitBody, 1080, 1920), AvatarVideoAudio.FromText(AvatarHttp.Text, AvatarHttp.AvatarVoice));
        var earlier = await client.AvatarVideos.CreateAsync(request);
        emulator.AddFault(EmulatorEndpoint.CreateVideo, EmulatorFault.AbortAfterProcessing());

        var error = await Assert.ThrowsAsync<ChanjingSubmitOutcomeUnknownException>(() => client.AvatarVideos.CreateAsync(request));

        var listed = new List<string>();
        await foreach (var video in client.AvatarVideos.ListAsync())
        {
            listed.Add(video.Id);
        }

        var lost = Assert.Single(listed, id => id != earlier);
        Assert.Equal([lost], error.CandidateTaskIds);
        Assert.Equal(2, emulator.CountRequests(EmulatorEndpoint.CreateVideo));
        Assert.Contains("client.AvatarVideos.WaitAsync", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(earlier, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_ServiceRefuses_TypedErrorAndOneRequest_ServerErrorIsAnUnknownOutcome()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var request = new AvatarVideoRequest(VideoAvatar.Public(AvatarHttp.Avatar, AvatarFigureType.SitBody, 1080, 1920), AvatarVideoAudio.FromText(AvatarHttp.Text, AvatarHttp.AvatarVoice));
        emulator.AddFault(EmulatorEndpoint.CreateVideo, EmulatorFault.WithCode(40000, "参数错误"));
        emulator.AddFault(EmulatorEndpoint.CreateVideo, EmulatorFault.WithCode(50000));

        var refused = await Assert.ThrowsAsync<ChanjingInvalidParameterException>(() => client.AvatarVideos.CreateAsync(request));
        var unknown = await Assert.ThrowsAsync<ChanjingSubmitOutcomeUnknownException>(() => client.AvatarVideos.CreateAsync(request));

        Assert.Equal("参数错误", refused.ServiceMessage);
        Assert.Empty(unknown.CandidateTaskIds);
        Assert.Equal(2, emulator.CountRequests(EmulatorEndpoint.CreateVideo));
    }

    [Fact]
    public async Task GetAsync_MissingVideo_TypedNotFound_AndAWaitOnItEndsWithIt()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);

        var error = await Assert.ThrowsAsync<ChanjingNotFoundException>(() => client.AvatarVideos.GetAsync("no-such-video"));
        var wait = await Assert.ThrowsAsync<ChanjingNotFoundException>(() => client.AvatarVideos.WaitAsync("no-such-video", Support.FastWait));

        Assert.Equal(("视频不存在", "no-such-video", "no-such-video", 40000), (error.ServiceMessage, error.ResourceId, error.TaskId, error.Code));
        Assert.Equal("no-such-video", wait.TaskId);
        Assert.Equal(1, emulator.CountRequests(EmulatorEndpoint.GetVideo) - 1);
    }
}
