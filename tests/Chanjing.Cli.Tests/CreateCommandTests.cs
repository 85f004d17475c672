using System.Text.Json;

namespace Chanjing.Cli.Tests;

/// <summary><c>chanjing create</c> against an emulator: exit codes, the JSON document, the files saved.</summary>
public sealed class CreateCommandTests(TestEmulator service) : IClassFixture<TestEmulator>
{
    [Fact]
    public async Task Create_Json_PrintsOneDocumentWithTheSavedVideo()
    {
        using var temp = new TempDirectory();

        var result = await CliProcess.RunInAsync(service.Environment, temp.Path, "create", "--model", "happyhorse-1.0-t2v", "--prompt", "a horse on the grassland", "--output", "out", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        var root = document.RootElement;
        var taskId = root.GetProperty("taskId").GetString();
        Assert.False(string.IsNullOrEmpty(taskId));
        Assert.Equal("Success", root.GetProperty("status").GetString());
        Assert.Equal("video", root.GetProperty("type").GetString());
        Assert.Equal("happyhorse-1.0-t2v", root.GetProperty("model").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("errorMessage").ValueKind);
        var url = Assert.Single(root.GetProperty("outputUrls").EnumerateArray()).GetString();
        Assert.StartsWith("http://", url, StringComparison.Ordinal);
        var file = Assert.Single(root.GetProperty("files").EnumerateArray()).GetString()!;
        var saved = Path.Combine(temp.Path, file);
        Assert.Equal(".mp4", Path.GetExtension(saved));
        Assert.Equal(service.Emulator.GetOutputBytes(taskId!), await File.ReadAllBytesAsync(saved));
        Assert.Contains($"Submitted task {taskId}", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Success", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_ImageModelWithCount_SavesEveryImage_AndPrintsThePaths()
    {
        using var temp = new TempDirectory();

        var result = await CliProcess.RunInAsync(service.Environment, temp.Path, "create", "--model", "doubao-seedream-4.5", "--prompt", "a tea house", "--count", "2", "--output", "images");

        Assert.True(result.ExitCode == 0, result.ToString());
        var paths = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(2, paths.Length);
        Assert.All(paths, p => Assert.Equal(".png", Path.GetExtension(p)));
        Assert.All(paths, p => Assert.True(new FileInfo(Path.Combine(temp.Path, p)).Length > 0, p));
        Assert.Equal(2, temp.Files("images").Length);
        Assert.Contains("Saved", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_LocalImage_IsUploadedAndSentAsItsUrl()
    {
        using var temp = new TempDirectory();
        var image = temp.WritePng("horse.png");
        service.Emulator.ClearJournal();

        var result = await CliProcess.RunInAsync(service.Environment, temp.Path, "create", "--model", "happyhorse-1.0-r2v", "--prompt", "the horse gallops", "--image", "horse.png", "--image", "https://res.chanjing.cc/ref2.jpg", "--duration", "10", "--output", "out", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Uploading 1 local file", result.Stderr, StringComparison.Ordinal);
        var submit = Assert.Single(service.Emulator.Journal, r => r.Endpoint == Chanjing.Emulator.EmulatorEndpoint.Submit);
        using var body = JsonDocument.Parse(submit.Body);
        var references = body.RootElement.GetProperty("ref_img_url").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Equal(2, references.Length);
        Assert.StartsWith(service.Emulator.BaseAddress.AbsoluteUri, references[0], StringComparison.Ordinal);
        Assert.Equal("https://res.chanjing.cc/ref2.jpg", references[1]);
        Assert.Equal(10, body.RootElement.GetProperty("video_duration").GetInt32());
        Assert.DoesNotContain(image, submit.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_FramesAndFields_AreSentAsTheModelsBody()
    {
        using var temp = new TempDirectory();
        service.Emulator.ClearJournal();

        var result = await CliProcess.RunInAsync(service.Environment, temp.Path, "create", "--model", "tx_kling2.5", "--prompt", "a door opens", "--start-frame", "https://res.chanjing.cc/a.png", "--end-frame", "https://res.chanjing.cc/b.png", "--duration", "5", "--quality", "pro", "--field", "style=\"anime\"", "--field", "seed=42", "--no-wait");

        Assert.True(result.ExitCode == 0, result.ToString());
        var submit = Assert.Single(service.Emulator.Journal, r => r.Endpoint == Chanjing.Emulator.EmulatorEndpoint.Submit);
        using var body = JsonDocument.Parse(submit.Body);
        Assert.Equal("https://res.chanjing.cc/a.png", body.RootElement.GetProperty("start_frame").GetString());
        Assert.Equal("https://res.chanjing.cc/b.png", body.RootElement.GetProperty("end_frame").GetString());
        Assert.Equal("pro", body.RootElement.GetProperty("quality_mode").GetString());
        Assert.Equal("anime", body.RootElement.GetProperty("style").GetString());
        Assert.Equal(42, body.RootElement.GetProperty("seed").GetInt32());
    }

    [Fact]
    public async Task Create_NoWait_PrintsOnlyTheTaskId()
    {
        var result = await CliProcess.RunAsync(service.Environment, "create", "--model", "happyhorse-1.0-t2v", "--prompt", "a horse", "--no-wait");

        Assert.True(result.ExitCode == 0, result.ToString());
        var id = result.Stdout.Trim();
        Assert.DoesNotContain('\n', id);
        var task = await service.Client.GetTaskAsync(id);
        Assert.Equal(id, task.Id);
    }

    [Fact]
    public async Task Create_TaskFails_ExitsThree_WithTheErrorInTheDocument()
    {
        var result = await CliProcess.RunAsync(service.Environment, "create", "--model", "happyhorse-1.0-t2v", "--prompt", "[emulator:fail] a horse", "--json");

        Assert.True(result.ExitCode == 3, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        Assert.Equal("Error", document.RootElement.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(document.RootElement.GetProperty("errorMessage").GetString()));
        Assert.Empty(document.RootElement.GetProperty("files").EnumerateArray());
        Assert.Contains("ended as Error", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_InProcessEmulator_NeedsNoCredentials()
    {
        using var temp = new TempDirectory();

        var result = await CliProcess.RunInAsync(null, temp.Path, "create", "--emulator", "--model", "doubao-seedream-3.0-t2i", "--prompt", "a lantern", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        Assert.Equal("Success", document.RootElement.GetProperty("status").GetString());
        var file = Assert.Single(document.RootElement.GetProperty("files").EnumerateArray()).GetString()!;
        Assert.True(File.Exists(Path.Combine(temp.Path, file)));
    }
}

/// <summary>Waits that end at the deadline: exit 4, the task keeps running, the resume command is printed.</summary>
public sealed class WaitTimeoutTests(TestEmulator service) : IClassFixture<TestEmulator>
{
    [Fact]
    public async Task Create_Timeout_ExitsFour_AndPrintsTheResumeCommand()
    {
        service.SlowTasks();

        var result = await CliProcess.RunAsync(service.Environment, "create", "--model", "happyhorse-1.0-t2v", "--prompt", "a slow horse", "--timeout", "1500ms", "--json");

        Assert.True(result.ExitCode == 4, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        var taskId = document.RootElement.GetProperty("taskId").GetString()!;
        Assert.Equal($"chanjing task wait {taskId}", document.RootElement.GetProperty("resumeCommand").GetString());
        Assert.Contains($"chanjing task wait {taskId}", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("keeps running", result.Stderr, StringComparison.Ordinal);
        Assert.False((await service.Client.GetTaskAsync(taskId)).Status.IsTerminal);
    }

    [Fact]
    public async Task TaskWait_Timeout_ExitsFour_NamingTheUnfinishedTasks()
    {
        service.SlowTasks();
        var first = await service.Client.SubmitAsync(new Chanjing.Sdk.TextToVideoRequest { ModelCode = "happyhorse-1.0-t2v", Prompt = "slow one", AspectRatio = Chanjing.Sdk.AspectRatio.Landscape16x9, Clarity = Chanjing.Sdk.VideoClarity.P720, DurationSeconds = 5 });
        var second = await service.Client.SubmitAsync(new Chanjing.Sdk.TextToVideoRequest { ModelCode = "happyhorse-1.0-t2v", Prompt = "slow two", AspectRatio = Chanjing.Sdk.AspectRatio.Landscape16x9, Clarity = Chanjing.Sdk.VideoClarity.P720, DurationSeconds = 5 });

        var result = await CliProcess.RunAsync(service.Environment, "task", "wait", first, second, "--timeout", "1s");

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Contains($"chanjing task wait {first} {second}", result.Stderr, StringComparison.Ordinal);
    }
}
