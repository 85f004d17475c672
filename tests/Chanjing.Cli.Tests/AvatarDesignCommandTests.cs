using System.Text.Json;
using Chanjing.Emulator;

namespace Chanjing.Cli.Tests;

/// <summary><c>chanjing avatar-design</c> against an emulator: photos saved, a motion video from one, a LoRA, get/wait by kind, failures.</summary>
public sealed class AvatarDesignCommandTests(TestEmulator service) : IClassFixture<TestEmulator>
{
    [Fact]
    public async Task Photo_ThenMotionFromIt_SavesThePngsAndTheMp4()
    {
        using var temp = new TempDirectory();

        var photo = await CliProcess.RunInAsync(service.Environment, temp.Path, "avatar-design", "photo", "--age", "Young adult", "--gender", "female", "--count", "2", "--aspect-ratio", "16:9", "--detail", "短发，职业装", "--json");

        Assert.True(photo.ExitCode == 0, photo.ToString());
        var root = JsonDocument.Parse(photo.Stdout).RootElement;
        var photoId = root.GetProperty("id").GetString()!;
        Assert.Equal(("photo", "Success", "succeeded"), (root.GetProperty("kind").GetString(), root.GetProperty("status").GetString(), root.GetProperty("state").GetString()));
        var files = root.GetProperty("files").EnumerateArray().Select(f => f.GetString()!).ToList();
        Assert.Equal([Path.Combine("output", photoId + "-1.png"), Path.Combine("output", photoId + "-2.png")], files);
        Assert.Equal(service.Emulator.GetAvatarDesignOutputBytes(photoId, 1), await File.ReadAllBytesAsync(Path.Combine(temp.Path, files[1])));
        var body = JsonDocument.Parse(service.Emulator.Journal.Last(r => r.Endpoint == EmulatorEndpoint.CreateAvatarPhoto).Body).RootElement;
        Assert.Equal(("Female", 2, 1), (body.GetProperty("gender").GetString(), body.GetProperty("number_of_images").GetInt32(), body.GetProperty("aspect_ratio").GetInt32()));
        var picture = root.GetProperty("outputUrls")[0].GetString()!;

        var motion = await CliProcess.RunInAsync(service.Environment, temp.Path, "avatar-design", "motion", "--photo-task", photoId, "--photo", picture, "--emotion", "微笑", "--gesture", "--output", "motion");

        Assert.True(motion.ExitCode == 0, motion.ToString());
        var saved = motion.Stdout.Trim();
        Assert.Equal(".mp4", Path.GetExtension(saved));
        Assert.StartsWith("motion", saved, StringComparison.Ordinal);
        var probe = await Probe.RunAsync(Path.Combine(temp.Path, saved));
        Assert.Contains(probe.Streams, s => s.Type == "video");
        var motionBody = JsonDocument.Parse(service.Emulator.Journal.Last(r => r.Endpoint == EmulatorEndpoint.CreateAvatarMotion).Body).RootElement;
        Assert.Equal((photoId, picture, true), (motionBody.GetProperty("photo_unique_id").GetString(), motionBody.GetProperty("photo_path").GetString(), motionBody.GetProperty("gesture").GetBoolean()));
    }

    [Fact]
    public async Task GetAndWait_ByKind_PhotoByDefault_MotionAndLora()
    {
        using var temp = new TempDirectory();
        var photo = await CliProcess.RunAsync(service.Environment, "avatar-design", "photo", "--age", "Adult", "--gender", "male", "--no-wait");
        Assert.True(photo.ExitCode == 0, photo.ToString());
        var photoId = photo.Stdout.Trim();

        var waitPhoto = await CliProcess.RunInAsync(service.Environment, temp.Path, "avatar-design", "wait", photoId, "--output", "pics");
        var getPhoto = await CliProcess.RunAsync(service.Environment, "avatar-design", "get", photoId);
        Assert.True(waitPhoto.ExitCode == 0, waitPhoto.ToString());
        Assert.Equal(Path.Combine("pics", photoId + ".png"), waitPhoto.Stdout.Trim());
        Assert.True(getPhoto.ExitCode == 0, getPhoto.ToString());
        Assert.Contains("Success", getPhoto.Stdout, StringComparison.Ordinal);
        var url = getPhoto.Stdout.Split('\n').Single(l => l.StartsWith("output:", StringComparison.Ordinal))["output:".Length..].Trim();

        var motion = await CliProcess.RunAsync(service.Environment, "avatar-design", "motion", "--photo-task", photoId, "--photo", url, "--no-wait", "--json");
        Assert.True(motion.ExitCode == 0, motion.ToString());
        var motionRoot = JsonDocument.Parse(motion.Stdout).RootElement;
        var motionId = motionRoot.GetProperty("id").GetString()!;
        Assert.Equal($"chanjing avatar-design wait {motionId} --kind motion", motionRoot.GetProperty("resumeCommand").GetString());
        var waitMotion = await CliProcess.RunAsync(service.Environment, "avatar-design", "wait", motionId, "--kind", "motion");
        var getMotion = await CliProcess.RunAsync(service.Environment, "avatar-design", "get", motionId, "--kind", "motion", "--json");
        var asPhoto = await CliProcess.RunAsync(service.Environment, "avatar-design", "get", motionId);
        Assert.True(waitMotion.ExitCode == 0, waitMotion.ToString());
        Assert.Equal([motionId, "Success"], waitMotion.Stdout.Trim().Split('\t')[..2]);
        Assert.EndsWith(".mp4", waitMotion.Stdout.Trim(), StringComparison.Ordinal);
        Assert.Equal("motion", JsonDocument.Parse(getMotion.Stdout).RootElement.GetProperty("kind").GetString());
        Assert.NotEqual(0, asPhoto.ExitCode);
    }

    [Fact]
    public async Task Lora_FivePhotos_PrintsItsId_AndGetNamesItsPhotoTask()
    {
        var photos = Enumerable.Range(1, 5).SelectMany(i => new[] { "--photo", $"https://example.com/me-{i}.jpg" }).ToArray();

        var lora = await CliProcess.RunAsync(service.Environment, ["avatar-design", "lora", "--name", "我的形象", .. photos]);

        Assert.True(lora.ExitCode == 0, lora.ToString());
        var id = lora.Stdout.Trim();
        Assert.Contains("(photo task)", lora.Stderr, StringComparison.Ordinal);
        var get = await CliProcess.RunAsync(service.Environment, "avatar-design", "get", id, "--kind", "lora", "--json");
        var wait = await CliProcess.RunAsync(service.Environment, "avatar-design", "wait", id, "--kind", "lora");
        Assert.True(get.ExitCode == 0, get.ToString());
        var root = JsonDocument.Parse(get.Stdout).RootElement;
        Assert.Equal(("lora", "Success"), (root.GetProperty("kind").GetString(), root.GetProperty("status").GetString()));
        var photoTask = Assert.Single(root.GetProperty("photoTaskIds").EnumerateArray()).GetString()!;
        Assert.True((await service.Client.AvatarDesign.GetPhotoAsync(photoTask)).IsSucceeded);
        Assert.True(wait.ExitCode == 0, wait.ToString());
        Assert.Equal(id, wait.Stdout.Trim());
        var body = JsonDocument.Parse(service.Emulator.Journal.Last(r => r.Endpoint == EmulatorEndpoint.CreateLora).Body).RootElement;
        Assert.Equal(5, body.GetProperty("photos").GetArrayLength());
    }

    [Fact]
    public async Task Photo_Failed_ExitsThree_WithTheServiceText()
    {
        using var temp = new TempDirectory();

        var result = await CliProcess.RunInAsync(service.Environment, temp.Path, "avatar-design", "photo", "--age", "Adult", "--gender", "female", "--detail", "红裙 [emulator:fail]", "--json");

        Assert.True(result.ExitCode == 3, result.ToString());
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(("Fail", "生成失败，请稍后重试"), (root.GetProperty("status").GetString(), root.GetProperty("errorMessage").GetString()));
        Assert.Empty(temp.Files("output"));
    }

    [Theory]
    [InlineData("--gender must be male or female", "photo", "--age", "Adult", "--gender", "other")]
    [InlineData("--count", "photo", "--age", "Adult", "--gender", "male", "--count", "5")]
    [InlineData("--photo must be a public http(s) URL", "motion", "--photo-task", "abc", "--photo", "me.png")]
    [InlineData("--photo", "lora", "--name", "n", "--photo", "https://example.com/1.jpg")]
    [InlineData("'video' not recognized", "get", "abc", "--kind", "video")]
    public async Task BadOptions_ExitTwo_BeforeAnyRequest(string named, params string[] options)
    {
        var before = service.Emulator.Journal.Count;

        var result = await CliProcess.RunAsync(service.Environment, ["avatar-design", .. options]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(named, result.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, service.Emulator.Journal.Count);
    }
}
