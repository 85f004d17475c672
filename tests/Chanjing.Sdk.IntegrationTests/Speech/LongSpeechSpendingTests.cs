using Chanjing.Emulator;
using Chanjing.Sdk.IntegrationTests.Emulator;

namespace Chanjing.Sdk.IntegrationTests.Speech;

/// <summary>
/// GenerateLongAsync spends money part by part: whatever stops it, the caller learns the ids of the parts already paid
/// for, so a retry need not pay for them again.
/// </summary>
public sealed class LongSpeechSpendingTests
{
    private static readonly string Sentence = "这是一个用来测试长文本的句子，它会被重复很多次。";

    [Fact]
    public async Task GenerateLongAsync_OnSubmitted_ToldEachPartsId_AsItIsCreated()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var submitted = new List<string>();
        var options = Support.FastWait;
        options.OnSubmitted = submitted.Add;

        var parts = await client.Speech.GenerateLongAsync(new SpeechRequest(string.Concat(Enumerable.Repeat(Sentence, 400)), AvatarHttp.AvatarVoice), options);

        Assert.Equal(3, parts.Count);
        Assert.Equal(parts.Select(p => p.Id), submitted);
    }

    [Fact]
    public async Task GenerateLongAsync_SecondPartsAnswerLost_ErrorNamesThePaidFirstPart_NothingSentAgain()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var progress = new FaultAfterFirstSuccess(() => emulator.AddFault(EmulatorEndpoint.CreateSpeechTask, EmulatorFault.AbortAfterProcessing()));

        var error = await Assert.ThrowsAsync<ChanjingSubmitOutcomeUnknownException>(() =>
            client.Speech.GenerateLongAsync(new SpeechRequest(string.Concat(Enumerable.Repeat(Sentence, 400)), AvatarHttp.AvatarVoice), Support.FastWait, progress));

        var first = Assert.IsType<SpeechTask>(progress.FirstSucceeded);
        Assert.Contains(first.Id, error.Message, StringComparison.Ordinal);
        Assert.Contains("Part 2 of 3", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, emulator.CountRequests(EmulatorEndpoint.CreateSpeechTask));
    }

    [Fact]
    public async Task GenerateLongAsync_SecondPartTimesOut_ErrorNamesThePaidFirstPart_StillATimeout()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        // After the first part succeeds, every state read hangs: the second part's wait ends at its deadline.
        var progress = new FaultAfterFirstSuccess(() => emulator.AddFault(EmulatorEndpoint.GetSpeechTask, EmulatorFault.Delayed(TimeSpan.FromMinutes(1)), count: 10_000));
        var options = Support.FastWait;
        options.Timeout = TimeSpan.FromSeconds(2);

        var error = await Assert.ThrowsAsync<ChanjingWaitTimeoutException>(() =>
            client.Speech.GenerateLongAsync(new SpeechRequest(string.Concat(Enumerable.Repeat(Sentence, 400)), AvatarHttp.AvatarVoice), options, progress));

        var first = Assert.IsType<SpeechTask>(progress.FirstSucceeded);
        Assert.Contains(first.Id, error.Message, StringComparison.Ordinal);
        Assert.NotEqual(first.Id, error.TaskId);
        Assert.Equal(error.TaskId, Assert.Single(error.UnfinishedTaskIds));
    }

    [Fact]
    public async Task GenerateLongAsync_ScriptEndingInBlankLinesPastTheLimit_Voiced_TheBlankTailNotSent()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        // Split at the sentence end, the trailing blank lines are a part of their own: nothing to speak, and the
        // service refuses an empty text.
        var script = new string('字', SpeechClient.DefaultPartLength - 1) + "。\n\n";

        var parts = await client.Speech.GenerateLongAsync(new SpeechRequest(script, AvatarHttp.AvatarVoice), Support.FastWait);

        var blank = await Assert.ThrowsAsync<ArgumentException>(() => client.Speech.GenerateLongAsync(new SpeechRequest(" \n\n ", AvatarHttp.AvatarVoice), Support.FastWait));

        Assert.True(Assert.Single(parts).IsSucceeded);
        Assert.Contains("must not be empty", blank.Message, StringComparison.Ordinal);
        Assert.Equal(1, emulator.CountRequests(EmulatorEndpoint.CreateSpeechTask));
    }

    private sealed class FaultAfterFirstSuccess(Action fault) : IProgress<SpeechTask>
    {
        public SpeechTask? FirstSucceeded { get; private set; }

        public void Report(SpeechTask value)
        {
            if (value.IsSucceeded && FirstSucceeded is null)
            {
                FirstSucceeded = value;
                fault();
            }
        }
    }
}
