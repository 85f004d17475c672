using System.Text.Json.Nodes;
using Chanjing.Emulator;
using Chanjing.Sdk.IntegrationTests.Emulator;

namespace Chanjing.Sdk.IntegrationTests.LipSync;

/// <summary><c>client.LipSync</c> and <c>client.AvatarDesign</c> over loopback against the emulator.</summary>
public sealed class LipSyncAndDesignTests
{
    private static string Temp(string name) => Path.Combine(Directory.CreateTempSubdirectory().FullName, name);

    /// <summary>A real MP4 (an AI-creation output of the emulator, portrait) written to a temp file.</summary>
    private static async Task<string> TalkingVideoAsync(ChanjingClient client)
    {
        var task = await client.GenerateAsync(Support.Request("a person talks"), Support.FastWait);
        var saved = await client.DownloadOutputsAsync(task, Directory.CreateTempSubdirectory().FullName);
        var path = Temp("talk.mp4");
        File.Move(saved.Single(), path);
        return path;
    }

    [Fact]
    public async Task LipSync_LocalVideoAndAudio_UploadedWithTheirServices_SizeReadFromTheVideo_Mp4WithBothStreamsAsLongAsTheAudio()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var talk = await TalkingVideoAsync(client);
        var wav = Temp("voice.wav");
        await File.WriteAllBytesAsync(wav, AvatarHttp.Wav(2.5));

        var video = await client.LipSync.GenerateAsync(LipSyncRequest.FromAudio(MediaSource.FromFile(talk), MediaSource.FromFile(wav)), Support.FastWait);
        var saved = (await client.DownloadOutputsAsync(video, Directory.CreateTempSubdirectory().FullName)).Single();
        var (streams, errors) = await AvatarHttp.ProbeAsync(await File.ReadAllBytesAsync(saved), ".mp4");
        var (_, probed, _) = await AvatarHttp.RunAsync("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height", "-of", "csv=p=0", talk);

        Assert.True(video.IsSucceeded, video.ToString());
        Assert.Equal(LipSyncStatus.Succeeded, video.Status);
        Assert.Equal(2500, video.Duration!.Value.TotalMilliseconds);
        Assert.Null(video.ErrorMessage);
        Assert.Equal(["audio", "video"], streams.Select(s => s.Type).Order());
        Assert.InRange(streams.Single(s => s.Type == "audio").Duration, 2.4, 2.6);
        Assert.Equal(string.Empty, errors);
        var uploads = emulator.Journal.Where(r => r.Endpoint == EmulatorEndpoint.CreateUploadUrl).Select(r => r.Query).ToList();
        Assert.Contains(uploads, q => q.Contains("service=lip_sync_video", StringComparison.Ordinal));
        Assert.Contains(uploads, q => q.Contains("service=lip_sync_audio", StringComparison.Ordinal));
        var body = JsonNode.Parse(emulator.Journal.Single(r => r.Endpoint == EmulatorEndpoint.CreateLipSync).Body)!;
        Assert.Equal(probed.Trim(), $"{(int)body["screen_width"]!},{(int)body["screen_height"]!}");
        Assert.Equal(("audio", 100), ((string)body["audio_type"]!, (int)body["volume"]!));
        Assert.Matches("^[0-9a-f]{32}$", (string)body["video_file_id"]!);
        Assert.Matches("^[0-9a-f]{32}$", (string)body["audio_file_id"]!);
    }

    [Fact]
    public async Task LipSync_Text_DocumentedTtsConfig_ListedAndFailuresTyped()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var talk = await TalkingVideoAsync(client);

        var request = LipSyncRequest.FromText(MediaSource.FromFile(talk), AvatarHttp.Text, AvatarHttp.AvatarVoice);
        (request.Model, request.ScreenWidth, request.ScreenHeight) = (LipSyncModel.Pro, 720, 1280);

        var video = await client.LipSync.GenerateAsync(request, Support.FastWait);
        var failed = await Assert.ThrowsAsync<ChanjingTaskFailedException>(() => client.LipSync.GenerateAsync(LipSyncRequest.FromText(MediaSource.FromFile(talk), "20240601", AvatarHttp.AvatarVoice), Support.FastWait));
        var listed = new List<LipSyncVideo>();
        await foreach (var item in client.LipSync.ListAsync())
        {
            listed.Add(item);
        }

        Assert.True(video.IsSucceeded);
        var job = Assert.IsType<LipSyncVideo>(failed.Job);
        Assert.Equal((30, "不支持纯数字文本"), (job.Status.Value, job.ErrorMessage));
        Assert.Equal(2, listed.Count);
        var body = JsonNode.Parse(emulator.Journal.First(r => r.Endpoint == EmulatorEndpoint.CreateLipSync).Body)!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse($$"""{"text":["{{AvatarHttp.Text}}"],"audio_man_id":"{{AvatarHttp.AvatarVoice}}","speed":1,"pitch":1}"""), body["tts_config"]), body.ToJsonString());
        Assert.Equal((720, 1280, 1, "tts"), ((int)body["screen_width"]!, (int)body["screen_height"]!, (int)body["model"]!, (string)body["audio_type"]!));
    }

    [Fact]
    public async Task LipSync_AnswerLost_CandidatesFromTheList_NeverResent_AndAUrlVideoIsRefused()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var talk = await TalkingVideoAsync(client);
        emulator.AddFault(EmulatorEndpoint.CreateLipSync, EmulatorFault.AbortAfterProcessing());

        var error = await Assert.ThrowsAsync<ChanjingSubmitOutcomeUnknownException>(() => client.LipSync.CreateAsync(LipSyncRequest.FromText(MediaSource.FromFile(talk), AvatarHttp.Text, AvatarHttp.AvatarVoice)));
        var url = await Assert.ThrowsAsync<ArgumentException>(() => client.LipSync.CreateAsync(LipSyncRequest.FromText(MediaSource.FromUrl(new Uri("https://cdn.example/talk.mp4")), AvatarHttp.Text, AvatarHttp.AvatarVoice)));

        Assert.Equal(1, emulator.CountRequests(EmulatorEndpoint.CreateLipSync));
        Assert.Single(error.CandidateTaskIds);
        Assert.Contains("client.LipSync.WaitAsync", error.Message, StringComparison.Ordinal);
        Assert.Contains("not a URL", url.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AvatarDesign_PhotoThenMotion_PngsAndAnMp4_ListedWithBothKinds()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);

        var photo = await client.AvatarDesign.GeneratePhotoAsync(new AvatarPhotoRequest("Young adult", "Female") { NumberOfImages = 2, AspectRatio = AspectRatio.Landscape16x9, Detail = "短发，职业装" }, Support.FastWait);
        var motion = await client.AvatarDesign.GenerateMotionAsync(new AvatarMotionRequest(photo.Id, photo.ImageUrls[0]) { Emotion = "微笑", Gesture = true }, Support.FastWait);
        var saved = await client.DownloadOutputsAsync(photo, Directory.CreateTempSubdirectory().FullName);
        var listed = new List<AvatarDesignTask>();
        await foreach (var task in client.AvatarDesign.ListAsync())
        {
            listed.Add(task);
        }

        Assert.Equal(2, photo.ImageUrls.Count);
        Assert.All(saved, path => Assert.EndsWith(".png", path, StringComparison.Ordinal));
        var (streams, _) = await AvatarHttp.ProbeAsync(await File.ReadAllBytesAsync(saved[0]), ".png");
        Assert.True(streams.Single().Width > streams.Single().Height, "16:9 is wider than tall");
        Assert.NotNull(motion.VideoUrl);
        Assert.Equal(AvatarDesignStatus.Success, motion.Status);
        Assert.Contains(listed, t => t is AvatarPhotoTask && t.Id == photo.Id);
        Assert.Contains(listed, t => t is AvatarMotionTask && t.Id == motion.Id);
        var body = JsonNode.Parse(emulator.Journal.Single(r => r.Endpoint == EmulatorEndpoint.CreateAvatarPhoto).Body)!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"age":"Young adult","gender":"Female","number_of_images":2,"detail":"短发，职业装","aspect_ratio":1}"""), body), body.ToJsonString());
    }

    [Fact]
    public async Task AvatarDesign_Lora_AnsweredAsObject_PhotoTasksExist_FailuresTyped_LostAnswerNotReconciled()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var request = new AvatarLoraRequest("我的模型");
        for (var i = 0; i < 5; i++)
        {
            request.Photos.Add(new Uri($"https://cdn.example/me-{i}.jpg"));
        }

        var lora = await client.AvatarDesign.GenerateLoraAsync(request, Support.FastWait);
        var photo = await client.AvatarDesign.WaitPhotoAsync(lora.PhotoTaskIds[0], Support.FastWait);
        var failed = await Assert.ThrowsAsync<ChanjingTaskFailedException>(() => client.AvatarDesign.GeneratePhotoAsync(new AvatarPhotoRequest("Adult", "Male") { Detail = "[emulator:error]" }, Support.FastWait));
        emulator.AddFault(EmulatorEndpoint.CreateAvatarPhoto, EmulatorFault.AbortAfterProcessing());
        var lost = await Assert.ThrowsAsync<ChanjingSubmitOutcomeUnknownException>(() => client.AvatarDesign.CreatePhotoAsync(new AvatarPhotoRequest("Adult", "Male")));

        Assert.Equal(AvatarDesignStatus.Success, lora.Status);
        Assert.True(photo.IsSucceeded);
        Assert.Equal(("Error", "系统内部错误，请稍后重试"), (Assert.IsType<AvatarPhotoTask>(failed.Job).Status.Value, failed.Job.ErrorMessage));
        Assert.Contains("no list of avatar photo tasks, so no reconciliation was possible", lost.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AvatarDesign_BadRequests_RefusedBeforeAnyRequest()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var four = new AvatarLoraRequest("m");
        for (var i = 0; i < 4; i++)
        {
            four.Photos.Add(new Uri($"https://cdn.example/{i}.jpg"));
        }

        var photos = await Assert.ThrowsAsync<ArgumentException>(() => client.AvatarDesign.CreateLoraAsync(four));
        var local = await Assert.ThrowsAsync<ArgumentException>(() => client.AvatarDesign.CreatePhotoAsync(new AvatarPhotoRequest("Adult", "Male") { ReferenceImageUrl = new Uri("file:///tmp/me.png") }));
        var count = await Assert.ThrowsAsync<ArgumentException>(() => client.AvatarDesign.CreatePhotoAsync(new AvatarPhotoRequest("Adult", "Male") { NumberOfImages = 5 }));
        var ratio = await Assert.ThrowsAsync<ArgumentException>(() => client.AvatarDesign.CreatePhotoAsync(new AvatarPhotoRequest("Adult", "Male") { AspectRatio = AspectRatio.Square1x1 }));
        var text = await Assert.ThrowsAsync<ArgumentException>(() => client.AvatarDesign.CreatePhotoAsync(new AvatarPhotoRequest("Adult", "Male") { Background = new string('景', 1501) }));

        Assert.Contains("5 to 50 photo URLs, but holds 4", photos.Message, StringComparison.Ordinal);
        Assert.Contains("is a local file", local.Message, StringComparison.Ordinal);
        Assert.Contains("between 1 and 4, but was 5", count.Message, StringComparison.Ordinal);
        Assert.Contains("9:16 or 16:9", ratio.Message, StringComparison.Ordinal);
        Assert.Contains("1501 characters long; at most 1500", text.Message, StringComparison.Ordinal);
        Assert.Empty(emulator.Journal);
    }
}
