using System.Text.Json.Nodes;
using Chanjing.Emulator;

namespace Chanjing.Sdk.IntegrationTests.Emulator;

/// <summary>
/// Chanjing's own scripts for speech (chanjing-tts, chanjing-tts-voice-clone), from both of Chanjing's skill
/// repositories, run unmodified with python3 against an in-process emulator (see <see cref="ScriptRun"/>; without the
/// mirrors or python3 the test skips, saying why).
/// </summary>
public sealed class EmulatorSpeechScriptTests
{
    [Theory]
    [InlineData("old")]
    [InlineData("new")]
    public async Task Tts_ListVoices_CreateTask_PollTask(string repository)
    {
        await using var run = await ScriptRun.StartAsync(repository, "chanjing-tts");
        var emulator = run.Emulator;

        var voices = await run.ExpectAsync("list_voices");
        var all = JsonNode.Parse(await run.ExpectAsync("list_voices", "--json"))!;
        var task = (await run.ExpectAsync("create_task", "--audio-man", AvatarHttp.AvatarVoice, "--text", AvatarHttp.Text, "--speed", "1", "--pitch", "1")).Trim();
        var digits = (await run.ExpectAsync("create_task", "--audio-man", AvatarHttp.AvatarVoice, "--text", "20240601")).Trim();
        var unknownVoice = await run.RunAsync("create_task", "--audio-man", "nobody", "--text", AvatarHttp.Text);
        var url = (await run.ExpectAsync("poll_task", "--task-id", task, "--interval", "1")).Trim();
        var failed = await run.RunAsync("poll_task", "--task-id", digits, "--interval", "1");
        using var http = new HttpClient();
        var wav = await http.GetByteArrayAsync(url);

        Assert.Contains("共 8 个声音", voices, StringComparison.Ordinal);
        Assert.Contains(AvatarHttp.AvatarVoice, voices, StringComparison.Ordinal);
        Assert.Equal(8, all["list"]!.AsArray().Count);
        Assert.Matches("^[0-9a-f]{32}$", task);
        Assert.Equal((1, "该AI语音被禁用或者不存在"), (unknownVoice.Exit, unknownVoice.Err.Trim()));
        Assert.EndsWith($"/files/speech/{task}.wav", url, StringComparison.Ordinal);
        Assert.Equal(wav, emulator.GetSpeechOutputBytes(task));
        Assert.Equal(SpeechHttp.TextSeconds, (await SpeechHttp.ProbeWavAsync(wav)).Duration, 3);

        // The scripts read only full.url on 9: a failed task (9 with errMsg) has none, and they say so.
        Assert.Equal((1, "任务完成但无 full.url"), (failed.Exit, failed.Err.Trim()));
        var sent = JsonNode.Parse(emulator.Journal.First(r => r.Endpoint == EmulatorEndpoint.CreateSpeechTask).Body)!;
        Assert.Equal(AvatarHttp.Text, (string)sent["text"]!["text"]!);
        Assert.Equal(0, emulator.CountRequests(EmulatorEndpoint.Unknown));
    }

    [Theory]
    [InlineData("old")]
    [InlineData("new")]
    public async Task VoiceClone_CreateVoice_PollVoice_CreateTask_PollTask(string repository)
    {
        await using var run = await ScriptRun.StartAsync(repository, "chanjing-tts-voice-clone");
        var emulator = run.Emulator;

        // The skill takes a public URL; the reference is uploaded first (as Chanjing's Python SDK does) so the emulator can
        // measure it. The upload runs before any script: the scripts' own token then replaces this one.
        string fullPath;
        using (var http = new HttpClient { BaseAddress = emulator.BaseAddress })
        {
            var token = (string)(await EmulatorHttp.PostAsync(http, "open/v1/access_token", new JsonObject { ["app_id"] = emulator.AppId, ["secret_key"] = emulator.SecretKey }))["data"]!["access_token"]!;
            (_, fullPath) = await AvatarHttp.UploadAsync(http, null, token, "prompt_audio", "reference.wav", AvatarHttp.Wav(12));
        }

        var voice = (await run.ExpectAsync("create_voice", "--name", "脚本声音", "--url", fullPath)).Trim();
        var shortVoice = (await run.ExpectAsync("create_voice", "--name", "太短", "--url", "https://example.com/tooshort.mp3")).Trim();
        var ready = (await run.ExpectAsync("poll_voice", "--voice-id", voice, "--interval", "1")).Trim();
        var failed = await run.RunAsync("poll_voice", "--voice-id", shortVoice, "--interval", "1");
        var task = (await run.ExpectAsync("create_task", "--audio-man", voice, "--text", AvatarHttp.Text)).Trim();
        var url = (await run.ExpectAsync("poll_task", "--task-id", task, "--interval", "1")).Trim();
        using var download = new HttpClient();
        var wav = await download.GetByteArrayAsync(url);

        Assert.Matches("^C-Audio-[0-9a-f]{32}$", voice);
        Assert.Equal(voice, ready);
        Assert.Equal((1, "声音任务失败: 音频有效时长不足10秒，请重新上传"), (failed.Exit, failed.Err.Trim()));
        Assert.Equal(wav, emulator.GetSpeechOutputBytes(task));
        var sent = JsonNode.Parse(emulator.Journal.First(r => r.Endpoint == EmulatorEndpoint.CreateCustomVoice).Body)!;
        Assert.Equal(("Cicada3.0-turbo", "cn", fullPath), ((string)sent["model_type"]!, (string)sent["language"]!, (string)sent["url"]!));
        Assert.Equal(0, emulator.CountRequests(EmulatorEndpoint.Unknown));
    }
}
