using System.Globalization;
using System.Text.Json;
using Chanjing.Emulator;
using Chanjing.Sdk;

namespace Chanjing.Cli.Tests;

/// <summary><c>chanjing speak</c> and <c>chanjing speech</c> against an emulator: the WAV and its SRT, stdin, long texts in parts, failures.</summary>
public sealed class SpeakCommandTests(TestEmulator service) : IClassFixture<TestEmulator>
{
    private async Task<string> PublicVoiceAsync()
    {
        await foreach (var voice in service.Client.Voices.ListPublicAsync())
        {
            return voice.Id;
        }

        throw new InvalidOperationException("The emulator lists no public voice.");
    }

    private static JsonElement LastBody(ChanjingEmulator emulator) =>
        JsonDocument.Parse(emulator.Journal.Last(r => r.Endpoint == EmulatorEndpoint.CreateSpeechTask).Body).RootElement;

    [Fact]
    public async Task Speak_DoneWhen_WavOfTheExpectedDuration_AndAnSrtEndingThere()
    {
        using var temp = new TempDirectory();
        var voice = await PublicVoiceAsync();

        // The issue's check, verbatim: the tool's own in-process emulator.
        var result = await CliProcess.RunInAsync(null, temp.Path, "speak", "你好，欢迎使用蝉镜。", "--voice", voice, "--emulator", "--srt");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal(".wav", Path.GetExtension(lines[0]));
        Assert.Equal(Path.ChangeExtension(lines[0], ".srt"), lines[1]);

        // The emulator's documented rate: 8 characters at 4.5 a second, 0.2 s after "，" and 0.4 s after "。" = 2.38 s.
        var expected = Math.Round((8 / 4.5) + 0.2 + 0.4, 2);
        var probe = await Probe.RunAsync(Path.Combine(temp.Path, lines[0]));
        var audio = Assert.Single(probe.Streams);
        Assert.Equal("audio", audio.Type);
        Assert.Equal(expected, probe.Duration, 0.01);
        var srt = await File.ReadAllTextAsync(Path.Combine(temp.Path, lines[1]));
        var lastEnd = srt.Split('\n').Last(l => l.Contains(" --> ", StringComparison.Ordinal)).Split(" --> ")[1].Trim();
        var end = TimeSpan.ParseExact(lastEnd, @"hh\:mm\:ss\,fff", CultureInfo.InvariantCulture).TotalSeconds;
        Assert.Equal(probe.Duration, end, 0.01);
        Assert.StartsWith("1\n00:00:00,000 --> ", srt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Speak_TextFromStdin_SpeedAndPitch_Json()
    {
        using var temp = new TempDirectory();
        var voice = await PublicVoiceAsync();

        var result = await CliProcess.RunWithInputAsync(service.Environment, temp.Path, "大家好，这是从标准输入读到的文字。\n", "speak", "-", "--voice", voice, "--speed", "1.5", "--pitch", "0.8", "--output", "audio", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        var id = root.GetProperty("id").GetString()!;
        Assert.Equal((9, "succeeded"), (root.GetProperty("status").GetInt32(), root.GetProperty("state").GetString()));
        var file = Assert.Single(root.GetProperty("files").EnumerateArray()).GetString()!;
        Assert.Equal(Path.Combine("audio", id + ".wav"), file);
        Assert.Equal(service.Emulator.GetSpeechOutputBytes(id), await File.ReadAllBytesAsync(Path.Combine(temp.Path, file)));
        var subtitles = root.GetProperty("subtitles").EnumerateArray().ToList();
        Assert.Equal(["大家好", "这是从标准输入读到的文字"], subtitles.Select(s => s.GetProperty("text").GetString()));
        Assert.Equal(root.GetProperty("durationSeconds").GetDouble(), subtitles[^1].GetProperty("end").GetDouble(), 0.01);
        var body = LastBody(service.Emulator);
        Assert.Equal("大家好，这是从标准输入读到的文字。", body.GetProperty("text").GetProperty("text").GetString());
        Assert.Equal((1.5, 0.8), (body.GetProperty("speed").GetDouble(), body.GetProperty("pitch").GetDouble()));
    }

    [Fact]
    public async Task Speak_DigitsOnly_ExitsThree_WithTheServiceText()
    {
        using var temp = new TempDirectory();

        var result = await CliProcess.RunInAsync(service.Environment, temp.Path, "speak", "20240601", "--voice", await PublicVoiceAsync(), "--json");

        Assert.True(result.ExitCode == 3, result.ToString());
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(("failed", "不支持纯数字文本"), (root.GetProperty("state").GetString(), root.GetProperty("errorMessage").GetString()));
        Assert.False(root.GetProperty("billingFailure").GetBoolean());
        Assert.Contains("不支持纯数字文本", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(temp.Files("output"));
    }

    [Fact]
    public async Task Speak_NotEnoughCredits_ExitsThree_AndSaysTopUp()
    {
        var result = await CliProcess.RunAsync(service.Environment, "speak", "你好 [emulator:no-credits]", "--voice", await PublicVoiceAsync());

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("top up", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public async Task Speak_UnknownVoice_ExitsOne_WithTheServiceTextAndTraceIdOnce()
    {
        var result = await CliProcess.RunAsync(service.Environment, "speak", "你好。", "--voice", "no-such-voice");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("该AI语音被禁用或者不存在", result.Stderr, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(result.Stderr, "trace id"));
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public async Task Speak_AnswerLost_ExitsOne_SayingNoReconciliationWasPossible()
    {
        service.Emulator.AddFault(EmulatorEndpoint.CreateSpeechTask, EmulatorFault.AbortAfterProcessing());

        var result = await CliProcess.RunAsync(service.Environment, "speak", "丢失的回答。", "--voice", await PublicVoiceAsync(), "--json");

        Assert.True(result.ExitCode == 1, result.ToString());
        var error = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("error");
        Assert.Equal(1, error.GetProperty("exitCode").GetInt32());
        Assert.Contains("Chanjing cannot list speech tasks, so no reconciliation was possible", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("chanjing task list", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Speak_TextOverOneTask_IsVoicedInParts_SavedInOrderAsNumberedFiles()
    {
        using var temp = new TempDirectory();
        var sentence = string.Join(' ', Enumerable.Repeat("Supercalifragilisticexpialidociousnesses", 50)) + ". ";
        var script = string.Concat(Enumerable.Repeat(sentence, 2)).Trim();
        Assert.True(script.Length > 3999, $"{script.Length} characters");
        var before = service.Emulator.CountRequests(EmulatorEndpoint.CreateSpeechTask);

        var result = await CliProcess.RunInAsync(service.Environment, temp.Path, "speak", script, "--voice", "c97703bfacef4d5197677d7937437bfd", "--srt", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        var parts = root.GetProperty("parts").EnumerateArray().ToList();
        Assert.Equal(2, parts.Count);
        Assert.Equal(before + 2, service.Emulator.CountRequests(EmulatorEndpoint.CreateSpeechTask));
        var ids = parts.Select(p => p.GetProperty("id").GetString()!).ToList();
        var expected = new[] { $"01-{ids[0]}.wav", $"01-{ids[0]}.srt", $"02-{ids[1]}.wav", $"02-{ids[1]}.srt" }.Select(f => Path.Combine("output", f));
        Assert.Equal(expected, root.GetProperty("files").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(service.Emulator.GetSpeechOutputBytes(ids[1]), await File.ReadAllBytesAsync(Path.Combine(temp.Path, "output", $"02-{ids[1]}.wav")));
        Assert.Equal(expected.Order(StringComparer.Ordinal), temp.Files("output").Select(f => Path.Combine("output", Path.GetFileName(f))).Order(StringComparer.Ordinal));
        Assert.Contains("2 parts", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Speak_BadArguments_ExitTwo_BeforeAnyRequest()
    {
        var before = service.Emulator.Journal.Count;
        var longText = new string('好', 4200);

        var empty = await CliProcess.RunWithInputAsync(service.Environment, null, "  \n", "speak", "-", "--voice", "v");
        var noVoice = await CliProcess.RunAsync(service.Environment, "speak", "你好");
        var speed = await CliProcess.RunAsync(service.Environment, "speak", "你好", "--voice", "v", "--speed", "3");
        var noWait = await CliProcess.RunAsync(service.Environment, "speak", longText, "--voice", "v", "--no-wait");

        Assert.True(empty.ExitCode == 2, empty.ToString());
        Assert.Contains("stdin", empty.Stderr, StringComparison.Ordinal);
        Assert.True(noVoice.ExitCode == 2, noVoice.ToString());
        Assert.Contains("--voice", noVoice.Stderr, StringComparison.Ordinal);
        Assert.True(speed.ExitCode == 2, speed.ToString());
        Assert.Contains("--speed", speed.Stderr, StringComparison.Ordinal);
        Assert.True(noWait.ExitCode == 2, noWait.ToString());
        Assert.Contains("--no-wait", noWait.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, service.Emulator.Journal.Count);
    }

    [Fact]
    public async Task SpeechGetWait_OfATaskCreatedElsewhere_AndNoWait()
    {
        using var temp = new TempDirectory();
        var voice = await PublicVoiceAsync();
        var id = await service.Client.Speech.CreateAsync(new SpeechRequest("你好，世界。", voice));

        var wait = await CliProcess.RunInAsync(service.Environment, temp.Path, "speech", "wait", id, "--output", "saved");
        var get = await CliProcess.RunAsync(service.Environment, "speech", "get", id);
        var json = await CliProcess.RunAsync(service.Environment, "speech", "get", id, "--json");
        var noWait = await CliProcess.RunAsync(service.Environment, "speak", "你好。", "--voice", voice, "--no-wait");

        Assert.True(wait.ExitCode == 0, wait.ToString());
        Assert.Equal(Path.Combine("saved", id + ".wav"), wait.Stdout.Trim());
        Assert.True(File.Exists(Path.Combine(temp.Path, "saved", id + ".wav")));
        Assert.True(get.ExitCode == 0, get.ToString());
        Assert.Contains("9 (finished)", get.Stdout, StringComparison.Ordinal);
        Assert.Contains("2 cues", get.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, JsonDocument.Parse(json.Stdout).RootElement.GetProperty("subtitles").GetArrayLength());
        Assert.True(noWait.ExitCode == 0, noWait.ToString());
        Assert.Equal(noWait.Stdout.Trim(), (await service.Client.Speech.GetAsync(noWait.Stdout.Trim())).Id);
    }
}

/// <summary>A speech wait that reaches its deadline: exit 4 and <c>chanjing speech wait ID</c>.</summary>
public sealed class SpeakTimeoutTests(TestEmulator service) : IClassFixture<TestEmulator>
{
    [Fact]
    public async Task Speak_Timeout_ExitsFour_WithTheSpeechWaitCommand()
    {
        service.SlowTasks();

        var result = await CliProcess.RunAsync(service.Environment, "speak", "很长的一段话。", "--voice", "c97703bfacef4d5197677d7937437bfd", "--timeout", "1500ms", "--json");

        Assert.True(result.ExitCode == 4, result.ToString());
        var id = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("id").GetString()!;
        Assert.Contains($"chanjing speech wait {id}", result.Stderr, StringComparison.Ordinal);
        Assert.False((await service.Client.Speech.GetAsync(id)).IsFinished);
    }
}
