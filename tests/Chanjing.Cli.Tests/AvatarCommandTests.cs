using System.Text.Json;

namespace Chanjing.Cli.Tests;

/// <summary><c>chanjing avatars</c> against an emulator: public avatars and tags, and a customised avatar's whole life.</summary>
public sealed class AvatarCommandTests(TestEmulator service) : IClassFixture<TestEmulator>
{
    [Fact]
    public async Task List_PublicAvatars_WithFiguresVoiceAndTags()
    {
        var result = await CliProcess.RunAsync(service.Environment, "avatars", "list", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var avatars = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("avatars").EnumerateArray().ToList();
        Assert.Equal(12, avatars.Count);
        Assert.All(avatars, a => Assert.NotEmpty(a.GetProperty("figures").EnumerateArray()));
        Assert.All(avatars, a => Assert.False(string.IsNullOrEmpty(a.GetProperty("voiceId").GetString())));
        var siqi = Assert.Single(avatars, a => a.GetProperty("name").GetString() == "思琪");
        Assert.Equal(["whole_body", "sit_body"], siqi.GetProperty("figures").EnumerateArray().Select(f => f.GetProperty("type").GetString()));
        Assert.Contains(siqi.GetProperty("tags").EnumerateArray(), t => t.GetProperty("id").GetInt64() == 102 && t.GetProperty("name").GetString() == "女");
    }

    [Fact]
    public async Task List_Tags_EveryAvatarCarriesEveryTag_AndTheTableShowsThem()
    {
        var json = await CliProcess.RunAsync(service.Environment, "avatars", "list", "--tag", "102", "--tag", "201", "--json");
        var table = await CliProcess.RunAsync(service.Environment, "avatars", "list", "--tag", "102", "--tag", "201");

        Assert.True(json.ExitCode == 0, json.ToString());
        var avatars = JsonDocument.Parse(json.Stdout).RootElement.GetProperty("avatars").EnumerateArray().ToList();
        Assert.Equal(["思琪", "婉清"], avatars.Select(a => a.GetProperty("name").GetString()));
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("思琪", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("sit_body 1080x1920", table.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("文昊", table.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tags_ListsCategoriesWithTheirTags()
    {
        var result = await CliProcess.RunAsync(service.Environment, "avatars", "tags", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var categories = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("categories").EnumerateArray().ToList();
        var gender = Assert.Single(categories, c => c.GetProperty("name").GetString() == "性别");
        Assert.Equal([101L, 102L], gender.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task Create_GetWaitListMine_SpeakInAVideo_Delete_ThenDeleteAgainExitsOne()
    {
        using var temp = new TempDirectory();
        var source = await MediaFiles.PersonVideoAsync(service.Client, temp, "presenter.mp4");

        var create = await CliProcess.RunAsync(service.Environment, "avatars", "create", "--name", "主播小林", "--video", source, "--json");
        Assert.True(create.ExitCode == 0, create.ToString());
        var created = JsonDocument.Parse(create.Stdout).RootElement;
        var id = created.GetProperty("id").GetString()!;
        Assert.StartsWith("C-", id, StringComparison.Ordinal);
        Assert.Equal(("succeeded", 2, "主播小林"), (created.GetProperty("state").GetString(), created.GetProperty("status").GetInt32(), created.GetProperty("name").GetString()));
        Assert.Contains("%", create.Stderr, StringComparison.Ordinal);

        var get = await CliProcess.RunAsync(service.Environment, "avatars", "get", id);
        var wait = await CliProcess.RunAsync(service.Environment, "avatars", "wait", id);
        var mine = await CliProcess.RunAsync(service.Environment, "avatars", "list", "--mine", "--json");
        var video = await CliProcess.RunInAsync(service.Environment, temp.Path, "video", "create", "--avatar", id, "--text", "大家好，我是小林。", "--json");

        Assert.True(get.ExitCode == 0, get.ToString());
        Assert.Contains("2 (ready)", get.Stdout, StringComparison.Ordinal);
        Assert.True(wait.ExitCode == 0, wait.ToString());
        Assert.Equal(id, wait.Stdout.Trim());
        Assert.True(mine.ExitCode == 0, mine.ToString());
        Assert.Contains(JsonDocument.Parse(mine.Stdout).RootElement.GetProperty("avatars").EnumerateArray(), a => a.GetProperty("id").GetString() == id);
        Assert.True(video.ExitCode == 0, video.ToString());
        Assert.Contains($"Customised avatar {id}", video.Stderr, StringComparison.Ordinal);
        Assert.Single(JsonDocument.Parse(video.Stdout).RootElement.GetProperty("files").EnumerateArray());

        var delete = await CliProcess.RunAsync(service.Environment, "avatars", "delete", id);
        var again = await CliProcess.RunAsync(service.Environment, "avatars", "delete", id, "--json");

        Assert.True(delete.ExitCode == 0, delete.ToString());
        Assert.Equal(id, delete.Stdout.Trim());
        Assert.True(again.ExitCode == 1, again.ToString());
        Assert.Contains($"There is no customised avatar {id} to delete", again.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, JsonDocument.Parse(again.Stdout).RootElement.GetProperty("error").GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public async Task Create_NoWait_PrintsTheId_ThenWaitJsonSaysReady()
    {
        using var temp = new TempDirectory();
        var source = await MediaFiles.PersonVideoAsync(service.Client, temp, "host.mp4");

        var create = await CliProcess.RunAsync(service.Environment, "avatars", "create", "--name", "主播小王", "--video", source, "--train", "figure", "--no-wait");
        var id = create.Stdout.Trim();
        var wait = await CliProcess.RunAsync(service.Environment, "avatars", "wait", id, "--json");

        Assert.True(create.ExitCode == 0, create.ToString());
        Assert.StartsWith("C-", id, StringComparison.Ordinal);
        Assert.True(wait.ExitCode == 0, wait.ToString());
        var avatar = JsonDocument.Parse(wait.Stdout).RootElement;
        Assert.Equal((id, "succeeded"), (avatar.GetProperty("id").GetString(), avatar.GetProperty("state").GetString()));
        Assert.Equal(JsonValueKind.Null, avatar.GetProperty("voiceId").ValueKind); // figure only: no voice was made
    }

    [Fact]
    public async Task Create_RejectedByTheContentCheck_ExitsThree_WithTheReason()
    {
        using var temp = new TempDirectory();
        var source = await MediaFiles.PersonVideoAsync(service.Client, temp, "clip.mp4");

        var result = await CliProcess.RunAsync(service.Environment, "avatars", "create", "--name", "unsafe 主播", "--video", source);

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("视频内容安全审核未通过", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public async Task BadArguments_ExitTwo_AndAMissingAvatarExitsOne()
    {
        var tagWithMine = await CliProcess.RunAsync(service.Environment, "avatars", "list", "--mine", "--tag", "101");
        var missingFile = await CliProcess.RunAsync(service.Environment, "avatars", "create", "--name", "x", "--video", "/nowhere/clip.mp4");
        var missing = await CliProcess.RunAsync(service.Environment, "avatars", "get", "C-missing");

        Assert.True(tagWithMine.ExitCode == 2, tagWithMine.ToString());
        Assert.Contains("--tag", tagWithMine.Stderr, StringComparison.Ordinal);
        Assert.True(missingFile.ExitCode == 2, missingFile.ToString());
        Assert.Contains("--video", missingFile.Stderr, StringComparison.Ordinal);
        Assert.True(missing.ExitCode == 1, missing.ToString());
        Assert.Contains("There is no customised avatar C-missing", missing.Stderr, StringComparison.Ordinal);
    }
}
