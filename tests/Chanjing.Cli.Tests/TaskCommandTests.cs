using System.Text.Json;
using Chanjing.Sdk;

namespace Chanjing.Cli.Tests;

/// <summary><c>chanjing task get|wait|download|list</c>, <c>upload</c> and <c>models</c> against an emulator.</summary>
public sealed class TaskCommandTests(TestEmulator service) : IClassFixture<TestEmulator>
{
    private Task<string> SubmitAsync(string prompt) => service.Client.SubmitAsync(new TextToVideoRequest
    {
        ModelCode = ChanjingModels.HappyHorseTextToVideo,
        Prompt = prompt,
        AspectRatio = AspectRatio.Portrait9x16,
        Clarity = VideoClarity.P720,
        DurationSeconds = 5,
    });

    [Fact]
    public async Task TaskWait_ManyIds_PrintsALinePerTask_AndExitsThreeWhenOneFailed()
    {
        var ids = new[] { await SubmitAsync("one"), await SubmitAsync("[emulator:fail] two"), await SubmitAsync("three") };

        var result = await CliProcess.RunAsync(service.Environment, ["task", "wait", .. ids]);

        Assert.True(result.ExitCode == 3, result.ToString());
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).ToArray();
        Assert.Equal(3, lines.Length);
        Assert.Equal(ids.Order(), lines.Select(l => l[0]).Order());
        Assert.Equal("Error", lines.Single(l => l[0] == ids[1])[1]);
        Assert.All(lines.Where(l => l[0] != ids[1]), l =>
        {
            Assert.Equal("Success", l[1]);
            Assert.StartsWith("http://", l[2], StringComparison.Ordinal);
        });
        Assert.Contains("1 of 3 tasks failed", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TaskWait_Json_OneDocumentWithEveryTask()
    {
        var ids = new[] { await SubmitAsync("json one"), await SubmitAsync("json two") };

        var result = await CliProcess.RunAsync(service.Environment, ["task", "wait", .. ids, "--json"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        var tasks = document.RootElement.GetProperty("tasks").EnumerateArray().ToArray();
        Assert.Equal(ids.Order(), tasks.Select(t => t.GetProperty("taskId").GetString()!).Order());
        Assert.All(tasks, t => Assert.Equal("Success", t.GetProperty("status").GetString()));
        Assert.Empty(document.RootElement.GetProperty("unfinished").EnumerateArray());
    }

    [Fact]
    public async Task TaskGet_TaskDownload_TaskList_ShowTheSameTask()
    {
        using var temp = new TempDirectory();
        var id = await SubmitAsync("get and download");
        await service.Client.WaitForCompletionAsync(id, new WaitOptions { PollInterval = TimeSpan.FromMilliseconds(100), MaxPollInterval = TimeSpan.FromMilliseconds(200) });

        var get = await CliProcess.RunAsync(service.Environment, "task", "get", id, "--json");
        Assert.True(get.ExitCode == 0, get.ToString());
        using (var document = JsonDocument.Parse(get.Stdout))
        {
            Assert.Equal(id, document.RootElement.GetProperty("taskId").GetString());
            Assert.Equal("Success", document.RootElement.GetProperty("status").GetString());
            Assert.Single(document.RootElement.GetProperty("outputUrls").EnumerateArray());
        }

        var plain = await CliProcess.RunAsync(service.Environment, "task", "get", id);
        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.Contains("status:   Success", plain.Stdout, StringComparison.Ordinal);
        Assert.Contains("output:   http://", plain.Stdout, StringComparison.Ordinal);

        var download = await CliProcess.RunInAsync(service.Environment, temp.Path, "task", "download", id, "--output", "saved", "--json");
        Assert.True(download.ExitCode == 0, download.ToString());
        using (var document = JsonDocument.Parse(download.Stdout))
        {
            var file = Assert.Single(document.RootElement.GetProperty("files").EnumerateArray()).GetString()!;
            Assert.Equal(service.Emulator.GetOutputBytes(id), await File.ReadAllBytesAsync(Path.Combine(temp.Path, file)));
        }

        var list = await CliProcess.RunAsync(service.Environment, "task", "list", "--json", "--limit", "50");
        Assert.True(list.ExitCode == 0, list.ToString());
        using (var document = JsonDocument.Parse(list.Stdout))
        {
            Assert.Contains(document.RootElement.GetProperty("tasks").EnumerateArray(), t => t.GetProperty("taskId").GetString() == id);
        }

        var table = await CliProcess.RunAsync(service.Environment, "task", "list", "--success");
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains(id, table.Stdout, StringComparison.Ordinal);
        Assert.Contains("Status", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("happyhorse-1.0-t2v", table.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TaskDownload_FailedTask_ExitsThree()
    {
        var id = await SubmitAsync("[emulator:fail] nothing to save");
        await foreach (var _ in service.Client.WaitForAllAsync([id], new WaitOptions { PollInterval = TimeSpan.FromMilliseconds(100), MaxPollInterval = TimeSpan.FromMilliseconds(200) }))
        {
        }

        var result = await CliProcess.RunAsync(service.Environment, "task", "download", id);

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public async Task TaskList_ImageType_TableHasTheImageTasks()
    {
        var id = await service.Client.SubmitAsync(new ImageGenerationRequest { ModelCode = ChanjingModels.DoubaoSeedream45, Prompt = "a kite", NumberOfImages = 1 });

        var result = await CliProcess.RunAsync(service.Environment, "task", "list", "--type", "image", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        var task = Assert.Single(document.RootElement.GetProperty("tasks").EnumerateArray(), t => t.GetProperty("taskId").GetString() == id);
        Assert.Equal("image", task.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Upload_PrintsTheUrl_ThatServesTheFile()
    {
        using var temp = new TempDirectory();
        var image = temp.WritePng("frame.png");

        var result = await CliProcess.RunInAsync(service.Environment, temp.Path, "upload", "frame.png");

        Assert.True(result.ExitCode == 0, result.ToString());
        var url = result.Stdout.Trim();
        Assert.StartsWith(service.Emulator.BaseAddress.AbsoluteUri, url, StringComparison.Ordinal);
        using var http = new HttpClient();
        Assert.Equal(await File.ReadAllBytesAsync(image), await http.GetByteArrayAsync(url));
    }

    [Fact]
    public async Task Models_TableAndJson_ListEveryKnownModel()
    {
        var table = await CliProcess.RunAsync(null, "models");
        var json = await CliProcess.RunAsync(null, "models", "--json");

        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.True(json.ExitCode == 0, json.ToString());
        Assert.All(ChanjingModels.Known, m => Assert.Contains(m.Code, table.Stdout, StringComparison.Ordinal));
        using var document = JsonDocument.Parse(json.Stdout);
        var models = document.RootElement.GetProperty("models").EnumerateArray().ToArray();
        Assert.Equal(ChanjingModels.Known.Count, models.Length);
        var r2v = models.Single(m => m.GetProperty("code").GetString() == ChanjingModels.HappyHorseReferenceToVideo);
        Assert.Equal("video", r2v.GetProperty("type").GetString());
        Assert.Equal(nameof(ReferenceVideoRequest), r2v.GetProperty("family").GetString());
        Assert.Contains(r2v.GetProperty("requiredFields").EnumerateArray(), f => f.GetString() == "ref_img_url");
    }

    // Here, not beside the other --timeout tests: that class also fetches a token with app id + secret, which
    // invalidates the fixed token this test's client and tool use.
    [Fact]
    public async Task Timeout_AtTheLongestWait_IsAccepted()
    {
        var id = await service.Client.SubmitAsync(new Chanjing.Sdk.TextToVideoRequest { ModelCode = "happyhorse-1.0-t2v", Prompt = "long wait allowed", AspectRatio = Chanjing.Sdk.AspectRatio.Square1x1, Clarity = Chanjing.Sdk.VideoClarity.P720, DurationSeconds = 5 });

        var result = await CliProcess.RunAsync(service.Environment, "task", "wait", id, "--timeout", "168h");

        Assert.True(result.ExitCode == 0, result.ToString());
    }
}
