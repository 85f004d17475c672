using System.Text.Json;
using Chanjing.Emulator;

namespace Chanjing.Cli.Tests;

/// <summary><c>chanjing lipsync</c> against an emulator: the MP4 with both streams, the body sent, get/wait/list/download, failures.</summary>
public sealed class LipSyncCommandTests(TestEmulator service) : IClassFixture<TestEmulator>
{
    private static JsonElement CreateBody(ChanjingEmulator emulator) =>
        JsonDocument.Parse(emulator.Journal.Last(r => r.Endpoint == EmulatorEndpoint.CreateLipSync).Body).RootElement;

    [Fact]
    public async Task Create_DoneWhen_AnMp4WithBothStreams_AsLongAsTheAudio()
    {
        using var temp = new TempDirectory();
        await MediaFiles.PersonVideoAsync(service.Client, temp, "talk.mp4");
        MediaFiles.Wav(temp, "voice.wav", TimeSpan.FromSeconds(3));

        // The check, verbatim: the tool's own in-process emulator.
        var result = await CliProcess.RunInAsync(null, temp.Path, "lipsync", "create", "--video", "talk.mp4", "--audio", "voice.wav", "--emulator");

        Assert.True(result.ExitCode == 0, result.ToString());
        var saved = result.Stdout.Trim();
        Assert.Equal(".mp4", Path.GetExtension(saved));
        Assert.StartsWith("output", saved, StringComparison.Ordinal);
        var probe = await Probe.RunAsync(Path.Combine(temp.Path, saved));
        Assert.Equal(["audio", "video"], probe.Streams.Select(s => s.Type).Order(StringComparer.Ordinal));
        Assert.All(probe.Streams, s => Assert.Equal(3.0, s.Duration, 0.1));
        Assert.Equal(3.0, probe.Duration, 0.1);
        Assert.Contains("Created lip-sync video ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_TextVoicePro_SendsTheTtsConfig_AndTheJson()
    {
        using var temp = new TempDirectory();
        var video = await MediaFiles.PersonVideoAsync(service.Client, temp, "talk.mp4");
        service.Emulator.ClearJournal();

        var result = await CliProcess.RunInAsync(service.Environment, temp.Path, "lipsync", "create", "--video", video, "--text", "大家好，我换了一段台词。", "--voice", "1a3616ad7e3e4cdbaec29fd9d4904284", "--pro", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        var id = root.GetProperty("id").GetString()!;
        Assert.Equal((20, "succeeded"), (root.GetProperty("status").GetInt32(), root.GetProperty("state").GetString()));
        var file = Assert.Single(root.GetProperty("files").EnumerateArray()).GetString()!;
        Assert.Equal(service.Emulator.GetLipSyncOutputBytes(id, ".mp4"), await File.ReadAllBytesAsync(Path.Combine(temp.Path, file)));
        Assert.True(root.GetProperty("durationSeconds").GetDouble() > 1);
        var body = CreateBody(service.Emulator);
        Assert.Equal(1, body.GetProperty("model").GetInt32());
        var tts = body.GetProperty("tts_config");
        Assert.Equal("1a3616ad7e3e4cdbaec29fd9d4904284", tts.GetProperty("audio_man_id").GetString());
        Assert.Contains("service=lip_sync_video", Assert.Single(service.Emulator.Journal, r => r.Endpoint == EmulatorEndpoint.CreateUploadUrl).Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetWaitListDownload_OfAVideoCreatedWithNoWait()
    {
        using var temp = new TempDirectory();
        await MediaFiles.PersonVideoAsync(service.Client, temp, "talk.mp4");
        MediaFiles.Wav(temp, "voice.wav", TimeSpan.FromSeconds(2));

        var create = await CliProcess.RunInAsync(service.Environment, temp.Path, "lipsync", "create", "--video", "talk.mp4", "--audio", "voice.wav", "--model", "cartoon", "--no-wait");
        Assert.True(create.ExitCode == 0, create.ToString());
        var id = create.Stdout.Trim();
        Assert.Equal(2, CreateBody(service.Emulator).GetProperty("model").GetInt32());

        var wait = await CliProcess.RunAsync(service.Environment, "lipsync", "wait", id);
        var get = await CliProcess.RunAsync(service.Environment, "lipsync", "get", id);
        var list = await CliProcess.RunAsync(service.Environment, "lipsync", "list", "--json");
        var download = await CliProcess.RunInAsync(service.Environment, temp.Path, "lipsync", "download", id, "--output", "clips");

        Assert.True(wait.ExitCode == 0, wait.ToString());
        Assert.Equal([id, "20"], wait.Stdout.Trim().Split('\t')[..2]);
        Assert.True(get.ExitCode == 0, get.ToString());
        Assert.Contains("20 (succeeded)", get.Stdout, StringComparison.Ordinal);
        Assert.Contains("2 s", get.Stdout, StringComparison.Ordinal);
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains(JsonDocument.Parse(list.Stdout).RootElement.GetProperty("videos").EnumerateArray(), v => v.GetProperty("id").GetString() == id);
        Assert.True(download.ExitCode == 0, download.ToString());
        Assert.Equal(Path.Combine("clips", id + ".mp4"), download.Stdout.Trim());
        Assert.Equal(service.Emulator.GetLipSyncOutputBytes(id, ".mp4"), await File.ReadAllBytesAsync(Path.Combine(temp.Path, "clips", id + ".mp4")));
    }

    [Fact]
    public async Task Create_DigitsOnlyText_ExitsThree_AndDownloadSaysWhy()
    {
        using var temp = new TempDirectory();
        var video = await MediaFiles.PersonVideoAsync(service.Client, temp, "talk.mp4");

        var result = await CliProcess.RunAsync(service.Environment, "lipsync", "create", "--video", video, "--text", "20240601", "--voice", "1a3616ad7e3e4cdbaec29fd9d4904284", "--json");

        Assert.True(result.ExitCode == 3, result.ToString());
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal((30, "不支持纯数字文本"), (root.GetProperty("status").GetInt32(), root.GetProperty("errorMessage").GetString()));
        var download = await CliProcess.RunAsync(service.Environment, "lipsync", "download", root.GetProperty("id").GetString()!);
        Assert.True(download.ExitCode == 3, download.ToString());
        Assert.Contains("不支持纯数字文本", download.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--text TEXT --voice ID or --audio FILE", "--video", "VIDEO")]
    [InlineData("--text TEXT --voice ID or --audio FILE", "--video", "VIDEO", "--text", "你好", "--voice", "v", "--audio", "AUDIO")]
    [InlineData("--voice", "--video", "VIDEO", "--text", "你好")]
    [InlineData("--voice speaks --text", "--video", "VIDEO", "--audio", "AUDIO", "--voice", "v")]
    [InlineData("--pro", "--video", "VIDEO", "--audio", "AUDIO", "--pro", "--model", "cartoon")]
    [InlineData("--video 'missing.mp4'", "--video", "missing.mp4", "--audio", "AUDIO")]
    public async Task Create_BadOptions_ExitTwo_BeforeAnyRequest(string named, params string[] options)
    {
        using var temp = new TempDirectory();
        var video = temp.File("talk.mp4");
        await File.WriteAllBytesAsync(video, [0, 0, 0, 8]);
        var audio = MediaFiles.Wav(temp, "voice.wav", TimeSpan.FromSeconds(1));
        var before = service.Emulator.Journal.Count;

        var result = await CliProcess.RunAsync(service.Environment, ["lipsync", "create", .. options.Select(o => o == "VIDEO" ? video : o == "AUDIO" ? audio : o)]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(named, result.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, service.Emulator.Journal.Count);
    }
}
