using System.Text.Json;
using Chanjing.Emulator;
using Chanjing.Sdk;

namespace Chanjing.Cli.Tests;

/// <summary><c>chanjing video</c> against an emulator: the MP4 saved, the body sent, the ids printed, failures and their exit codes.</summary>
public sealed class VideoCommandTests(TestEmulator service) : IClassFixture<TestEmulator>
{
    private const string Script = "大家好，欢迎来到蝉镜。今天我们聊聊数字人。";

    private async Task<PublicAvatar> AvatarAsync(string name)
    {
        await foreach (var avatar in service.Client.Avatars.ListPublicAsync())
        {
            if (avatar.Name == name)
            {
                return avatar;
            }
        }

        throw new InvalidOperationException($"No public avatar {name}.");
    }

    private static JsonElement CreateBody(ChanjingEmulator emulator) =>
        JsonDocument.Parse(emulator.Journal.Last(r => r.Endpoint == EmulatorEndpoint.CreateVideo).Body).RootElement;

    [Fact]
    public async Task Create_PublicAvatarWithSubtitles_SavesTheMp4InOutput_WithItsFigureAndOwnVoice()
    {
        using var temp = new TempDirectory();
        var avatar = await AvatarAsync("思琪");

        var result = await CliProcess.RunInAsync(service.Environment, temp.Path, "video", "create", "--avatar", avatar.Id, "--text", Script, "--subtitles", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        var id = root.GetProperty("id").GetString()!;
        Assert.Equal((30, "succeeded"), (root.GetProperty("status").GetInt32(), root.GetProperty("state").GetString()));
        Assert.True(root.GetProperty("durationSeconds").GetDouble() >= 1);
        var file = Assert.Single(root.GetProperty("files").EnumerateArray()).GetString()!;
        Assert.Equal(Path.Combine("output", id + ".mp4"), file);
        Assert.Equal(service.Emulator.GetVideoOutputBytes(id), await File.ReadAllBytesAsync(Path.Combine(temp.Path, file)));
        var body = CreateBody(service.Emulator);
        var person = body.GetProperty("person");
        var figure = avatar.Figures[0];
        Assert.Equal((avatar.Id, figure.Type.Value, figure.Width, figure.Height), (person.GetProperty("id").GetString(), person.GetProperty("figure_type").GetString(), person.GetProperty("width").GetInt32(), person.GetProperty("height").GetInt32()));
        Assert.Equal(avatar.VoiceId, body.GetProperty("audio").GetProperty("tts").GetProperty("audio_man").GetString());
        Assert.True(body.GetProperty("subtitle_config").GetProperty("show").GetBoolean());
        Assert.Equal((1080, 1920), (body.GetProperty("screen_width").GetInt32(), body.GetProperty("screen_height").GetInt32()));
        Assert.Contains($"Created video {id}", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("%", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_FigureVoiceSizeBackgroundAndLocalAudio_AreSentAsAsked()
    {
        using var temp = new TempDirectory();
        var avatar = await AvatarAsync("俊杰");
        var wav = MediaFiles.Wav(temp, "speech.wav", TimeSpan.FromSeconds(2));
        service.Emulator.ClearJournal();

        var result = await CliProcess.RunInAsync(service.Environment, temp.Path, "video", "create", "--avatar", avatar.Id, "--figure", "circle_view", "--audio", "speech.wav", "--background", "#112233", "--size", "1920x1080", "--output", "clips");

        Assert.True(result.ExitCode == 0, result.ToString());
        var saved = result.Stdout.Trim();
        Assert.StartsWith("clips", saved, StringComparison.Ordinal);
        Assert.True(new FileInfo(Path.Combine(temp.Path, saved)).Length > 0, saved);
        var upload = Assert.Single(service.Emulator.Journal, r => r.Endpoint == EmulatorEndpoint.CreateUploadUrl);
        Assert.Contains("service=make_video_audio", upload.Query, StringComparison.Ordinal);
        var body = CreateBody(service.Emulator);
        Assert.Equal("circle_view", body.GetProperty("person").GetProperty("figure_type").GetString());
        Assert.Equal("audio", body.GetProperty("audio").GetProperty("type").GetString());
        Assert.Equal("#112233", body.GetProperty("bg_color").GetString());
        Assert.False(body.GetProperty("subtitle_config").GetProperty("show").GetBoolean());
        Assert.Equal((1920, 1080), (body.GetProperty("screen_width").GetInt32(), body.GetProperty("screen_height").GetInt32()));
        Assert.DoesNotContain(wav, upload.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_NoWait_PrintsOnlyTheVideoId()
    {
        var avatar = await AvatarAsync("文昊");

        var result = await CliProcess.RunAsync(service.Environment, "video", "create", "--avatar", avatar.Id, "--text", Script, "--voice", "c97703bfacef4d5197677d7937437bfd", "--no-wait");

        Assert.True(result.ExitCode == 0, result.ToString());
        var id = result.Stdout.Trim();
        Assert.DoesNotContain('\n', id);
        Assert.Equal(id, (await service.Client.AvatarVideos.GetAsync(id)).Id);
        Assert.Equal("c97703bfacef4d5197677d7937437bfd", CreateBody(service.Emulator).GetProperty("audio").GetProperty("tts").GetProperty("audio_man").GetString());
    }

    [Fact]
    public async Task WaitGetListDownload_OfAVideoCreatedElsewhere()
    {
        using var temp = new TempDirectory();
        var avatar = await AvatarAsync("国栋");
        var id = await service.Client.AvatarVideos.CreateAsync(new AvatarVideoRequest(VideoAvatar.FromFigure(avatar, avatar.Figures[0]), AvatarVideoAudio.FromText(Script, avatar.VoiceId!)));

        var wait = await CliProcess.RunAsync(service.Environment, "video", "wait", id);
        var get = await CliProcess.RunAsync(service.Environment, "video", "get", id, "--json");
        var list = await CliProcess.RunAsync(service.Environment, "video", "list", "--json");
        var download = await CliProcess.RunInAsync(service.Environment, temp.Path, "video", "download", id);

        Assert.True(wait.ExitCode == 0, wait.ToString());
        Assert.Equal([id, "30"], wait.Stdout.Trim().Split('\t')[..2]);
        Assert.True(get.ExitCode == 0, get.ToString());
        var video = JsonDocument.Parse(get.Stdout).RootElement;
        Assert.Equal((id, 30), (video.GetProperty("id").GetString(), video.GetProperty("status").GetInt32()));
        Assert.StartsWith("http://", video.GetProperty("videoUrl").GetString(), StringComparison.Ordinal);
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains(JsonDocument.Parse(list.Stdout).RootElement.GetProperty("videos").EnumerateArray(), v => v.GetProperty("id").GetString() == id);
        Assert.True(download.ExitCode == 0, download.ToString());
        Assert.Equal(Path.Combine("output", id + ".mp4"), download.Stdout.Trim());
        Assert.Equal(service.Emulator.GetVideoOutputBytes(id), await File.ReadAllBytesAsync(Path.Combine(temp.Path, "output", id + ".mp4")));
    }

    [Fact]
    public async Task Create_DigitsOnlyText_ExitsThree_WithTheServiceText()
    {
        var avatar = await AvatarAsync("雅婷");

        var result = await CliProcess.RunAsync(service.Environment, "video", "create", "--avatar", avatar.Id, "--text", "20240601", "--json");

        Assert.True(result.ExitCode == 3, result.ToString());
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal((40, "failed", "不支持纯数字文本"), (root.GetProperty("status").GetInt32(), root.GetProperty("state").GetString(), root.GetProperty("errorMessage").GetString()));
        Assert.False(root.GetProperty("billingFailure").GetBoolean());
        Assert.Empty(root.GetProperty("files").EnumerateArray());
        Assert.Contains("不支持纯数字文本", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("top up", result.Stderr, StringComparison.Ordinal);

        var download = await CliProcess.RunAsync(service.Environment, "video", "download", root.GetProperty("id").GetString()!);
        Assert.True(download.ExitCode == 3, download.ToString());
        Assert.Contains("不支持纯数字文本", download.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_NotEnoughCredits_ExitsThree_AndSaysTopUp()
    {
        var avatar = await AvatarAsync("雅婷");

        var result = await CliProcess.RunAsync(service.Environment, "video", "create", "--avatar", avatar.Id, "--text", "你好 [emulator:no-credits]", "--json");

        Assert.True(result.ExitCode == 3, result.ToString());
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal("蝉豆不足扣费失败", root.GetProperty("errorMessage").GetString());
        Assert.True(root.GetProperty("billingFailure").GetBoolean());
        Assert.Contains("top up", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_AnswerLost_ExitsOne_ListingCandidates_AndHowToWaitForOne()
    {
        var avatar = await AvatarAsync("浩然");
        service.Emulator.AddFault(EmulatorEndpoint.CreateVideo, EmulatorFault.AbortAfterProcessing());

        var result = await CliProcess.RunAsync(service.Environment, "video", "create", "--avatar", avatar.Id, "--text", $"丢失的回答 {Guid.NewGuid():N}", "--json");

        Assert.True(result.ExitCode == 1, result.ToString());
        var error = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("error");
        Assert.False(error.TryGetProperty("taskId", out _), result.ToString());
        var candidates = error.GetProperty("candidateTaskIds").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.NotEmpty(candidates);
        Assert.Contains($"chanjing video wait {candidates[0]}", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("chanjing video list", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(candidates[0], (await service.Client.AvatarVideos.GetAsync(candidates[0])).Id);
    }

    [Theory]
    [InlineData("--text and --audio", "--text", "你好", "--audio", "https://example.com/a.wav")]
    [InlineData("--text TEXT", "--size", "1080x1920")]
    [InlineData("--size", "--text", "你好", "--size", "wide")]
    [InlineData("--background", "--text", "你好", "--background", "#12345")]
    [InlineData("--audio", "--audio", "missing.wav")]
    public async Task Create_BadOptions_ExitTwo_BeforeAnyRequest(string named, params string[] options)
    {
        var before = service.Emulator.Journal.Count;

        var result = await CliProcess.RunAsync(service.Environment, ["video", "create", "--avatar", "d85e50ecab2e4401afa8718643e42cc7", .. options]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(named, result.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, service.Emulator.Journal.Count);
    }

    [Fact]
    public async Task Create_UnknownAvatarOrFigure_SaysWhichAndCreatesNothing()
    {
        var avatar = await AvatarAsync("嘉怡");
        var videos = service.Emulator.VideoCount;

        var unknown = await CliProcess.RunAsync(service.Environment, "video", "create", "--avatar", "no-such-avatar", "--text", "你好");
        var figure = await CliProcess.RunAsync(service.Environment, "video", "create", "--avatar", avatar.Id, "--figure", "circle_view", "--text", "你好");

        Assert.True(unknown.ExitCode == 1, unknown.ToString());
        Assert.Contains("No avatar has the id no-such-avatar", unknown.Stderr, StringComparison.Ordinal);
        Assert.True(figure.ExitCode == 2, figure.ToString());
        Assert.Contains("whole_body", figure.Stderr, StringComparison.Ordinal);
        Assert.Equal(videos, service.Emulator.VideoCount);
    }
}

/// <summary>A video wait that reaches its deadline: exit 4, the video keeps running, and <c>chanjing video wait ID</c> resumes it.</summary>
public sealed class VideoWaitTimeoutTests(TestEmulator service) : IClassFixture<TestEmulator>
{
    [Fact]
    public async Task Create_Timeout_ExitsFour_WithTheVideoWaitCommand()
    {
        service.SlowTasks();

        var result = await CliProcess.RunAsync(service.Environment, "video", "create", "--avatar", "d85e50ecab2e4401afa8718643e42cc7", "--text", "很长的视频。", "--timeout", "1500ms", "--json");

        Assert.True(result.ExitCode == 4, result.ToString());
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        var id = root.GetProperty("id").GetString()!;
        Assert.Equal($"chanjing video wait {id}", root.GetProperty("resumeCommand").GetString());
        Assert.Contains($"chanjing video wait {id}", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("keeps running", result.Stderr, StringComparison.Ordinal);
        Assert.False((await service.Client.AvatarVideos.GetAsync(id)).IsFinished);
    }

    [Fact]
    public async Task Create_Interrupted_SaysTheVideoKeepsRunning_AndHowToResume()
    {
        service.SlowTasks();
        using var process = System.Diagnostics.Process.Start(CliProcess.StartInfo(service.Environment, null, "video", "create", "--avatar", "d85e50ecab2e4401afa8718643e42cc7", "--text", "一段很长的讲解。"))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var seen = await InterruptTests.ReadUntilAsync(process.StandardError, "Created video ");
        var id = seen[(seen.LastIndexOf("Created video ", StringComparison.Ordinal) + "Created video ".Length)..].Split('\n')[0].Trim();

        CliProcess.Interrupt(process);
        var rest = await process.StandardError.ReadToEndAsync().WaitAsync(CliProcess.Bound);
        await process.WaitForExitAsync().WaitAsync(CliProcess.Bound);

        Assert.True(process.ExitCode == 130, $"exit {process.ExitCode}\n{seen}{rest}");
        Assert.Contains("keeps running", rest, StringComparison.Ordinal);
        Assert.Contains($"chanjing video wait {id}", rest, StringComparison.Ordinal);
        Assert.Equal(string.Empty, await stdout);
        Assert.False((await service.Client.AvatarVideos.GetAsync(id)).IsFinished);
    }
}
