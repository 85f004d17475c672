using System.Text.Json.Nodes;
using Chanjing.Emulator;
using Chanjing.Sdk.IntegrationTests.Emulator;
using Chanjing.Sdk.TestShared;

namespace Chanjing.Sdk.IntegrationTests.Speech;

/// <summary><c>client.Speech</c> and <c>client.Voices</c> over loopback against the emulator: every endpoint, status path and rule.</summary>
public sealed class SpeechAndVoiceTests
{
    private static string Temp(string name) => Path.Combine(Directory.CreateTempSubdirectory().FullName, name);

    [Fact]
    public async Task GenerateAsync_PublicVoice_WavAsLongAsReported_SrtEndsAtTheDuration_DocumentedBody()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var voices = new List<PublicVoice>();
        await foreach (var voice in client.Voices.ListPublicAsync())
        {
            voices.Add(voice);
        }

        var task = await client.Speech.GenerateAsync(new SpeechRequest(AvatarHttp.Text, voices[0].Id), Support.FastWait);
        var saved = (await client.DownloadOutputsAsync(task, Path.GetDirectoryName(Temp("x"))!)).Single();
        var srt = Temp("speech.srt");
        await client.Speech.SaveSubtitlesAsync(task, srt);
        var (streams, errors) = await AvatarHttp.ProbeAsync(await File.ReadAllBytesAsync(saved), ".wav");

        Assert.Equal(8, voices.Count);
        Assert.All(voices, v => Assert.NotNull(v.SampleUrl));
        Assert.True(task.IsSucceeded, task.ToString());
        Assert.Equal(SpeechTaskStatus.Finished, task.Status);
        Assert.EndsWith(".wav", saved, StringComparison.Ordinal);
        Assert.Equal(SpeechHttp.TextSeconds, task.Duration!.Value.TotalSeconds, 2);
        var audio = Assert.Single(streams);
        Assert.Equal("audio", audio.Type);
        Assert.InRange(audio.Duration, SpeechHttp.TextSeconds - 0.02, SpeechHttp.TextSeconds + 0.02);
        Assert.Equal(string.Empty, errors);
        Assert.Equal(TimeSpan.Zero, task.Subtitles[0].Start);
        Assert.Equal(task.Duration, task.Subtitles[^1].End);
        Assert.Equal(string.Concat(task.Subtitles.Select(s => s.Text)).Replace("，", string.Empty).Replace("。", string.Empty), AvatarHttp.Text.Replace("，", string.Empty).Replace("。", string.Empty));
        var lines = await File.ReadAllLinesAsync(srt);
        Assert.Equal("1", lines[0]);
        Assert.Equal("00:00:04,780", lines.Last(l => l.Contains("-->", StringComparison.Ordinal)).Split(" --> ")[1]);
        var body = JsonNode.Parse(emulator.Journal.Single(r => r.Endpoint == EmulatorEndpoint.CreateSpeechTask).Body)!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse($$"""{"audio_man":"{{voices[0].Id}}","speed":1,"pitch":1,"text":{"text":"{{AvatarHttp.Text}}","plain_text":"{{AvatarHttp.Text}}"},"aigc_watermark":false}"""), body), body.ToJsonString());
    }

    [Theory]
    [InlineData("20240601", "不支持纯数字文本", false)]
    [InlineData("你好 [emulator:no-credits]", "蝉豆不足扣费失败", true)]
    public async Task GenerateAsync_Status9WithAnError_IsATypedFailure(string text, string message, bool billing)
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);

        var error = await Assert.ThrowsAsync<ChanjingTaskFailedException>(() => client.Speech.GenerateAsync(new SpeechRequest(text, AvatarHttp.AvatarVoice), Support.FastWait));

        var task = Assert.IsType<SpeechTask>(error.Job);
        Assert.Equal((9, message), (task.Status.Value, task.ErrorMessage));
        Assert.True(task.IsFinished);
        Assert.False(task.IsSucceeded);
        Assert.Equal(billing, error.IsBillingFailure);
    }

    [Fact]
    public async Task WaitAsync_Status10_KeepsPolling()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var id = await client.Speech.CreateAsync(new SpeechRequest(AvatarHttp.Text, AvatarHttp.AvatarVoice));
        emulator.SetSpeechTaskStatus(id, 10);
        var seen = new TaskCompletionSource<SpeechTask>();
        var wait = client.Speech.WaitAsync(id, Support.FastWait, new SynchronousProgress<SpeechTask>(t => seen.TrySetResult(t)));
        var first = await seen.Task.WaitAsync(TimeSpan.FromSeconds(10));
        emulator.SetSpeechTaskStatus(id, 9);

        var task = await wait.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(10, first.Status.Value);
        Assert.True(task.IsSucceeded);
    }

    [Fact]
    public async Task CreateAsync_AnswerLost_UnknownOutcomeSaysNoReconciliationWasPossible_NotResent()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        emulator.AddFault(EmulatorEndpoint.CreateSpeechTask, EmulatorFault.AbortAfterProcessing());

        var error = await Assert.ThrowsAsync<ChanjingSubmitOutcomeUnknownException>(() => client.Speech.CreateAsync(new SpeechRequest(AvatarHttp.Text, AvatarHttp.AvatarVoice)));

        Assert.Empty(error.CandidateTaskIds);
        Assert.Contains("no list of speech tasks, so no reconciliation was possible", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, emulator.CountRequests(EmulatorEndpoint.CreateSpeechTask));
    }

    [Fact]
    public async Task GenerateLongAsync_ScriptOverTheLimit_PartsInOrder_EachUnderTheLimit_AFailedPartStopsTheRest()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var sentence = "这是一个用来测试长文本的句子，它会被重复很多次。";
        var script = string.Concat(Enumerable.Repeat(sentence, 400));

        var parts = await client.Speech.GenerateLongAsync(new SpeechRequest(script, AvatarHttp.AvatarVoice), Support.FastWait);
        var sent = emulator.Journal.Where(r => r.Endpoint == EmulatorEndpoint.CreateSpeechTask).Select(r => (string)JsonNode.Parse(r.Body)!["text"]!["text"]!).ToList();
        var failing = string.Concat(Enumerable.Repeat(sentence, 200)) + "[emulator:fail]" + string.Concat(Enumerable.Repeat(sentence, 400));
        var error = await Assert.ThrowsAsync<ChanjingTaskFailedException>(() => client.Speech.GenerateLongAsync(new SpeechRequest(failing, AvatarHttp.AvatarVoice), Support.FastWait));

        Assert.Equal(3, parts.Count);
        Assert.All(parts, p => Assert.True(p.IsSucceeded));
        Assert.Equal(script, string.Concat(sent));
        Assert.All(sent, p => Assert.True(p.Length <= SpeechClient.DefaultPartLength && p.EndsWith('。'), $"{p.Length} characters"));
        Assert.Contains("Part 2 of 4 failed", error.Message, StringComparison.Ordinal);
        Assert.Equal(5, emulator.CountRequests(EmulatorEndpoint.CreateSpeechTask));
    }

    [Fact]
    public void SplitText_NoBreakInReach_CutsAtTheLimit_WithoutSplittingASurrogatePair()
    {
        var text = new string('字', 5) + "😀" + new string('字', 5);

        var parts = SpeechClient.SplitText(text, 6);

        Assert.Equal(text, string.Concat(parts));
        Assert.Equal(["字字字字字", "😀字字字字", "字"], parts);
    }

    [Fact]
    public async Task CreateAsync_BadRequests_RefusedBeforeAnyRequest()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);

        var tooLong = await Assert.ThrowsAsync<ArgumentException>(() => client.Speech.CreateAsync(new SpeechRequest(new string('字', 4000), "v")));
        var speed = await Assert.ThrowsAsync<ArgumentException>(() => client.Speech.CreateAsync(new SpeechRequest("你好", "v") { Speed = 3 }));
        var preview = await Assert.ThrowsAsync<ArgumentException>(() => client.Voices.CreateAsync(new VoiceCloneRequest("me", MediaSource.FromUrl(new Uri("https://cdn.example/me.wav"))) { PreviewText = "123456" }));
        var type = await Assert.ThrowsAsync<ArgumentException>(() => client.Voices.CreateAsync(new VoiceCloneRequest("me", MediaSource.FromUrl(new Uri("https://cdn.example/me.ogg")))));

        Assert.Contains("GenerateLongAsync", tooLong.Message, StringComparison.Ordinal);
        Assert.Contains("request.Speed must be between 0.5 and 2, but was 3", speed.Message, StringComparison.Ordinal);
        Assert.Contains("not only digits", preview.Message, StringComparison.Ordinal);
        Assert.Contains("mp3, wav or m4a", type.Message, StringComparison.Ordinal);
        Assert.Empty(emulator.Journal);
    }

    [Fact]
    public async Task VoiceClone_LocalSample_UploadedAsPromptAudio_SentByUrl_ReadyVoiceSpeaks()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var sample = Temp("me.wav");
        await File.WriteAllBytesAsync(sample, AvatarHttp.Wav(12));

        var voice = await client.Voices.GenerateAsync(new VoiceCloneRequest("我的声音", MediaSource.FromFile(sample)) { Language = "cn", PreviewText = "你好" }, Support.FastWait);
        var listed = new List<CustomVoice>();
        await foreach (var item in client.Voices.ListAsync())
        {
            listed.Add(item);
        }

        var speech = await client.Speech.GenerateAsync(new SpeechRequest("你好，这是我的声音。", voice.Id), Support.FastWait);

        Assert.StartsWith("C-Audio-", voice.Id, StringComparison.Ordinal);
        Assert.Equal((CustomVoiceStatus.Ready, "我的声音", "cicada3.0-turbo", 100), (voice.Status, voice.Name, voice.ModelType, voice.Progress));
        Assert.Equal(voice.Id, Assert.Single(listed).Id);
        Assert.True(speech.IsSucceeded);
        Assert.Contains("service=prompt_audio", emulator.Journal.Single(r => r.Endpoint == EmulatorEndpoint.CreateUploadUrl).Query, StringComparison.Ordinal);
        var body = JsonNode.Parse(emulator.Journal.Single(r => r.Endpoint == EmulatorEndpoint.CreateCustomVoice).Body)!;
        Assert.StartsWith(emulator.BaseAddress.AbsoluteUri, (string)body["url"]!, StringComparison.Ordinal);
        Assert.Equal(("cicada3.0-turbo", "cn", "你好"), ((string)body["model_type"]!, (string)body["language"]!, (string)body["text"]!));
    }

    [Theory]
    [InlineData("short", 4)]
    [InlineData("我的声音 [emulator:expire]", 3)]
    public async Task VoiceClone_FailedOrExpired_TypedFailure(string name, int status)
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var sample = Temp("me.wav");
        await File.WriteAllBytesAsync(sample, AvatarHttp.Wav(name == "short" ? 3 : 12));
        var id = await client.Voices.CreateAsync(new VoiceCloneRequest(name, MediaSource.FromFile(sample)));
        if (status == 3)
        {
            await client.Voices.WaitAsync(id, Support.FastWait);
            emulator.SetCustomVoiceStatus(id, 3, "声音已过期");
        }

        var error = await Assert.ThrowsAsync<ChanjingTaskFailedException>(() => client.Voices.WaitAsync(id, Support.FastWait));

        Assert.Equal(status, Assert.IsType<CustomVoice>(error.Job).Status.Value);
        Assert.False(string.IsNullOrEmpty(error.Job.ErrorMessage));
    }

    [Fact]
    public async Task VoiceClone_AnswerLost_CandidateIsTheNewCloneOfThatName_ListedOnceBefore()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var url = new Uri("https://cdn.example/me.wav");
        var earlier = await client.Voices.CreateAsync(new VoiceCloneRequest("我的声音", MediaSource.FromUrl(url)));
        emulator.AddFault(EmulatorEndpoint.CreateCustomVoice, EmulatorFault.AbortAfterProcessing());

        var error = await Assert.ThrowsAsync<ChanjingSubmitOutcomeUnknownException>(() => client.Voices.CreateAsync(new VoiceCloneRequest("我的声音", MediaSource.FromUrl(url))));

        var all = new List<string>();
        await foreach (var voice in client.Voices.ListAsync())
        {
            all.Add(voice.Id);
        }

        Assert.Equal([Assert.Single(all, id => id != earlier)], error.CandidateTaskIds);
        Assert.Equal(2, emulator.CountRequests(EmulatorEndpoint.CreateCustomVoice));
    }
}
