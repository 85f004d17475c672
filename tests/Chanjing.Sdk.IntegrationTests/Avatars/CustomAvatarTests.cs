using System.Text.Json.Nodes;
using Chanjing.Emulator;
using Chanjing.Sdk.TestShared;

namespace Chanjing.Sdk.IntegrationTests.Avatars;

/// <summary>Customised avatars over loopback against the emulator: create from a local video, wait, list, use in a video, delete.</summary>
public sealed class CustomAvatarTests
{
    /// <summary>A real MP4 (an AI-creation output of the emulator) written to a temp file.</summary>
    private static async Task<string> SourceVideoAsync(ChanjingClient client)
    {
        var task = await client.GenerateAsync(Support.Request("a presenter talks"), Support.FastWait);
        var directory = Directory.CreateTempSubdirectory().FullName;
        var saved = await client.DownloadOutputsAsync(task, directory);
        var path = Path.Combine(directory, "presenter.mp4");
        File.Move(saved.Single(), path);
        return path;
    }

    [Fact]
    public async Task GenerateAsync_LocalVideo_UploadedAsCustomisedPerson_ReadyAvatarSpeaksInAVideo_ThenDeleted()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var source = await SourceVideoAsync(client);
        var seen = new List<CustomAvatar>();

        var avatar = await client.Avatars.GenerateAsync(new CustomAvatarRequest("主播小林", MediaSource.FromFile(source)) { TrainType = "both", CallbackUrl = new Uri("http://127.0.0.1:9/cb") }, Support.FastWait, new SynchronousProgress<CustomAvatar>(seen.Add));
        var listed = new List<CustomAvatar>();
        await foreach (var item in client.Avatars.ListAsync())
        {
            listed.Add(item);
        }

        var video = await client.AvatarVideos.GenerateAsync(new AvatarVideoRequest(VideoAvatar.FromCustom(avatar), AvatarVideoAudio.FromText("大家好，我是小林。", avatar.VoiceId!)), Support.FastWait);
        await client.Avatars.DeleteAsync(avatar.Id);
        var again = await Assert.ThrowsAsync<ChanjingNotFoundException>(() => client.Avatars.DeleteAsync(avatar.Id));

        Assert.StartsWith("C-", avatar.Id, StringComparison.Ordinal);
        Assert.Equal(("主播小林", CustomAvatarStatus.Ready, 100), (avatar.Name, avatar.Status, avatar.Progress));
        Assert.True(avatar.IsUsable);
        Assert.NotNull(avatar.PreviewVideoUrl);
        Assert.NotNull(avatar.CoverUrl);
        Assert.True(avatar.Width > 0 && avatar.Height > 0);
        Assert.Equal([avatar.PreviewVideoUrl!], avatar.OutputUrls);
        Assert.Equal(CustomAvatarStatus.InProduction, seen[0].Status);
        Assert.Equal(avatar.Id, Assert.Single(listed).Id);
        Assert.True(video.IsSucceeded);
        Assert.Equal(avatar.Id, again.ResourceId);
        Assert.Equal("定制数字人不存在", again.ServiceMessage);
        var upload = emulator.Journal.Last(r => r.Endpoint == EmulatorEndpoint.CreateUploadUrl);
        Assert.Contains("service=customised_person", upload.Query, StringComparison.Ordinal);
        var body = JsonNode.Parse(emulator.Journal.Single(r => r.Endpoint == EmulatorEndpoint.CreateCustomisedPerson).Body)!;
        Assert.Equal(("主播小林", "both", false, 0, "http://127.0.0.1:9/cb"), ((string)body["name"]!, (string)body["train_type"]!, (bool)body["error_skip"]!, (int)body["resolution_rate"]!, (string)body["callback"]!));
        Assert.Matches("^[0-9a-f]{32}$", (string)body["file_id"]!);
    }

    [Theory]
    [InlineData("unsafe 主播", 4, "视频内容安全审核未通过，请更换素材后重试")]
    [InlineData("主播 [emulator:fail]", 5, "系统内部错误，请稍后重试")]
    public async Task GenerateAsync_FailedAvatar_TypedFailureWithTheReason(string name, int status, string reason)
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var source = await SourceVideoAsync(client);

        var error = await Assert.ThrowsAsync<ChanjingTaskFailedException>(() => client.Avatars.GenerateAsync(new CustomAvatarRequest(name, MediaSource.FromFile(source)), Support.FastWait));

        var avatar = Assert.IsType<CustomAvatar>(error.Job);
        Assert.Equal((status, reason), (avatar.Status.Value, avatar.ErrorMessage));
        Assert.Equal(reason, error.ServiceMessage);
        Assert.Equal(avatar.Id, error.TaskId);
    }

    [Fact]
    public async Task CreateAsync_AnswerLost_CandidatesAreOnlyAvatarsOfThatName()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var source = await SourceVideoAsync(client);
        var other = await client.Avatars.CreateAsync(new CustomAvatarRequest("另一个", MediaSource.FromFile(source)));
        emulator.AddFault(EmulatorEndpoint.CreateCustomisedPerson, EmulatorFault.AbortAfterProcessing());

        var error = await Assert.ThrowsAsync<ChanjingSubmitOutcomeUnknownException>(() => client.Avatars.CreateAsync(new CustomAvatarRequest("主播小林", MediaSource.FromFile(source))));

        var mine = new List<string>();
        await foreach (var avatar in client.Avatars.ListAsync())
        {
            if (avatar.Name == "主播小林")
            {
                mine.Add(avatar.Id);
            }
        }

        Assert.Equal(mine, error.CandidateTaskIds);
        Assert.DoesNotContain(other, error.CandidateTaskIds);
        Assert.Equal(2, emulator.CountRequests(EmulatorEndpoint.CreateCustomisedPerson));
    }

    [Fact]
    public async Task CreateAsync_UrlOrWrongTypeOrMissingName_RefusedBeforeAnyRequest()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var picture = Path.Combine(Directory.CreateTempSubdirectory().FullName, "me.png");
        await File.WriteAllBytesAsync(picture, Support.Png(8, 8));

        var url = await Assert.ThrowsAsync<ArgumentException>(() => client.Avatars.CreateAsync(new CustomAvatarRequest("me", MediaSource.FromUrl(new Uri("https://cdn.example/me.mp4")))));
        var type = await Assert.ThrowsAsync<ArgumentException>(() => client.Avatars.CreateAsync(new CustomAvatarRequest("me", MediaSource.FromFile(picture))));
        var name = await Assert.ThrowsAsync<ArgumentException>(() => client.Avatars.CreateAsync(new CustomAvatarRequest(" ", MediaSource.FromFileId("f-1"))));
        var train = await Assert.ThrowsAsync<ArgumentException>(() => client.Avatars.CreateAsync(new CustomAvatarRequest("me", MediaSource.FromFileId("f-1")) { TrainType = "face" }));

        Assert.Contains("takes only an uploaded file's id here, not a URL", url.Message, StringComparison.Ordinal);
        Assert.Contains("mp4, mov or webm", type.Message, StringComparison.Ordinal);
        Assert.Contains("request.Name", name.Message, StringComparison.Ordinal);
        Assert.Contains("figure, voice or both", train.Message, StringComparison.Ordinal);
        Assert.Empty(emulator.Journal);
    }

    [Fact]
    public async Task WaitAsync_FileRejectedByContentCheck_TypedFileFailure()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var source = await SourceVideoAsync(client);
        var unsafeCopy = Path.Combine(Path.GetDirectoryName(source)!, "unsafe.mp4");
        File.Copy(source, unsafeCopy);

        var error = await Assert.ThrowsAsync<ChanjingFileProcessingException>(() => client.Avatars.CreateAsync(new CustomAvatarRequest("me", MediaSource.FromFile(unsafeCopy))));

        Assert.Equal(98, error.FileStatus);
        Assert.Equal(0, emulator.CountRequests(EmulatorEndpoint.CreateCustomisedPerson));
    }

    [Fact]
    public async Task DeleteAsync_FirstAnswerLost_RetryFindsItGone_IsADeleteNotANotFound()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var avatar = await client.Avatars.GenerateAsync(new CustomAvatarRequest("主播", MediaSource.FromFile(await SourceVideoAsync(client))), Support.FastWait);
        emulator.AddFault(EmulatorEndpoint.DeleteCustomisedPerson, EmulatorFault.AbortAfterProcessing());

        await client.Avatars.DeleteAsync(avatar.Id);

        Assert.Equal(2, emulator.CountRequests(EmulatorEndpoint.DeleteCustomisedPerson));
        var gone = await Assert.ThrowsAsync<ChanjingNotFoundException>(() => client.Avatars.GetAsync(avatar.Id));
        Assert.Equal("定制数字人不存在", gone.ServiceMessage);
    }
}

