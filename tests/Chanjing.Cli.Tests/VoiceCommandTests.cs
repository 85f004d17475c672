using System.Text.Json;
using Chanjing.Emulator;

namespace Chanjing.Cli.Tests;

/// <summary><c>chanjing voices</c> against an emulator: public voices, a clone's whole life, and its failures.</summary>
public sealed class VoiceCommandTests(TestEmulator service) : IClassFixture<TestEmulator>
{
    [Fact]
    public async Task List_PublicVoices_TableAndJson()
    {
        var json = await CliProcess.RunAsync(service.Environment, "voices", "list", "--json");
        var table = await CliProcess.RunAsync(service.Environment, "voices", "list");

        Assert.True(json.ExitCode == 0, json.ToString());
        var voices = JsonDocument.Parse(json.Stdout).RootElement.GetProperty("voices").EnumerateArray().ToList();
        Assert.Equal(8, voices.Count);
        var james = Assert.Single(voices, v => v.GetProperty("id").GetString() == "c97703bfacef4d5197677d7937437bfd");
        Assert.Equal(("male", "en"), (james.GetProperty("gender").GetString(), james.GetProperty("language").GetString()));
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("c97703bfacef4d5197677d7937437bfd", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("chanjing speak", table.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clone_LocalSample_GetWaitListMine_ThenTheVoiceSpeaks()
    {
        using var temp = new TempDirectory();
        MediaFiles.Wav(temp, "me.wav", TimeSpan.FromSeconds(12));
        service.Emulator.ClearJournal();

        var clone = await CliProcess.RunInAsync(service.Environment, temp.Path, "voices", "clone", "--name", "我的声音", "--sample", "me.wav", "--language", "cn", "--preview-text", "你好，我是新的声音。");

        Assert.True(clone.ExitCode == 0, clone.ToString());
        var id = clone.Stdout.Trim();
        Assert.StartsWith("C-Audio-", id, StringComparison.Ordinal);
        var upload = Assert.Single(service.Emulator.Journal, r => r.Endpoint == EmulatorEndpoint.CreateUploadUrl);
        Assert.Contains("service=prompt_audio", upload.Query, StringComparison.Ordinal);
        var body = JsonDocument.Parse(service.Emulator.Journal.Last(r => r.Endpoint == EmulatorEndpoint.CreateCustomVoice).Body).RootElement;
        Assert.Equal(("我的声音", "cicada3.0-turbo", "你好，我是新的声音。"), (body.GetProperty("name").GetString(), body.GetProperty("model_type").GetString(), body.GetProperty("text").GetString()));

        var get = await CliProcess.RunAsync(service.Environment, "voices", "get", id);
        var wait = await CliProcess.RunAsync(service.Environment, "voices", "wait", id, "--json");
        var mine = await CliProcess.RunAsync(service.Environment, "voices", "list", "--mine", "--json");
        var speak = await CliProcess.RunInAsync(service.Environment, temp.Path, "speak", "用我自己的声音说话。", "--voice", id);

        Assert.True(get.ExitCode == 0, get.ToString());
        Assert.Contains("2 (ready)", get.Stdout, StringComparison.Ordinal);
        Assert.Contains("我的声音", get.Stdout, StringComparison.Ordinal);
        Assert.True(wait.ExitCode == 0, wait.ToString());
        Assert.Equal(("succeeded", 2), (JsonDocument.Parse(wait.Stdout).RootElement.GetProperty("state").GetString(), JsonDocument.Parse(wait.Stdout).RootElement.GetProperty("status").GetInt32()));
        Assert.True(mine.ExitCode == 0, mine.ToString());
        Assert.Contains(JsonDocument.Parse(mine.Stdout).RootElement.GetProperty("voices").EnumerateArray(), v => v.GetProperty("id").GetString() == id);
        Assert.True(speak.ExitCode == 0, speak.ToString());
        Assert.True(File.Exists(Path.Combine(temp.Path, speak.Stdout.Trim())), speak.ToString());
    }

    [Fact]
    public async Task Clone_NoWait_PrintsTheId_ThenWaitPrintsIdAndStatus()
    {
        var clone = await CliProcess.RunAsync(service.Environment, "voices", "clone", "--name", "网上的声音", "--sample", "https://example.com/voice.mp3", "--model", "cicada1.0", "--no-wait");

        Assert.True(clone.ExitCode == 0, clone.ToString());
        var id = clone.Stdout.Trim();
        Assert.Contains($"Created voice {id}", clone.Stderr, StringComparison.Ordinal);
        var wait = await CliProcess.RunAsync(service.Environment, "voices", "wait", id);
        Assert.True(wait.ExitCode == 0, wait.ToString());
        Assert.Equal([id, "2"], wait.Stdout.Trim().Split('\t')[..2]);
        Assert.Equal("cicada1.0", JsonDocument.Parse(service.Emulator.Journal.Last(r => r.Endpoint == EmulatorEndpoint.CreateCustomVoice).Body).RootElement.GetProperty("model_type").GetString());
    }

    [Fact]
    public async Task Clone_SampleTooShort_ExitsThree_WithTheServiceText()
    {
        using var temp = new TempDirectory();
        var sample = MediaFiles.Wav(temp, "short.wav", TimeSpan.FromSeconds(3));

        var result = await CliProcess.RunAsync(service.Environment, "voices", "clone", "--name", "太短", "--sample", sample, "--json");

        Assert.True(result.ExitCode == 3, result.ToString());
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal((4, "failed", "音频有效时长不足10秒，请重新上传"), (root.GetProperty("status").GetInt32(), root.GetProperty("state").GetString(), root.GetProperty("errorMessage").GetString()));
        Assert.Contains("音频有效时长不足10秒", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--sample", "--name", "n", "--sample", "missing.wav")]
    [InlineData("'fr' not recognized", "--name", "n", "--sample", "https://example.com/a.wav", "--language", "fr")]
    [InlineData("--preview-text", "--name", "n", "--sample", "https://example.com/a.wav", "--preview-text", "12345")]
    public async Task Clone_BadOptions_ExitTwo_BeforeAnyRequest(string named, params string[] options)
    {
        var before = service.Emulator.Journal.Count;

        var result = await CliProcess.RunAsync(service.Environment, ["voices", "clone", .. options]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(named, result.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, service.Emulator.Journal.Count);
    }
}
