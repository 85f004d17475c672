using Chanjing.Emulator;
using Chanjing.Sdk;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Chanjing.Extensions.AI.Tests;

/// <summary><see cref="ChanjingAIExtensions.AsITextToSpeechClient"/> against the emulator, inside the MEAI pipeline.</summary>
public sealed class TextToSpeechTests
{
    private static async Task<string> FirstVoiceAsync(ChanjingClient client)
    {
        await foreach (var voice in client.Voices.ListPublicAsync())
        {
            return voice.Id;
        }

        throw new InvalidOperationException("the emulator lists no public voice");
    }

    [Fact]
    public async Task GetAudioAsync_ThroughLoggingAndOpenTelemetry_WavWithItsMediaTypeAndTheOptionsSent()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var voice = await FirstVoiceAsync(client);
        var (loggerFactory, logs) = Support.Logging();
        using var activities = new ActivityCollector(nameof(GetAudioAsync_ThroughLoggingAndOpenTelemetry_WavWithItsMediaTypeAndTheOptionsSent));
        using var speech = new TextToSpeechClientBuilder(client.AsITextToSpeechClient())
            .UseLogging(loggerFactory)
            .UseOpenTelemetry(loggerFactory, nameof(GetAudioAsync_ThroughLoggingAndOpenTelemetry_WavWithItsMediaTypeAndTheOptionsSent))
            .Build();

        var response = await speech.GetAudioAsync("Hello from Chanjing. This is a test.", new TextToSpeechOptions { VoiceId = voice, Speed = 1.2f, Pitch = 0.9f });

        var audio = Assert.Single(response.Contents.OfType<DataContent>());
        Assert.Equal("audio/wav", audio.MediaType);
        Assert.Equal("RIFF"u8.ToArray(), audio.Data[..4].ToArray());
        var task = Assert.IsType<SpeechTask>(response.RawRepresentation);
        Assert.Equal(task.Id, response.ResponseId);
        var body = System.Text.Json.Nodes.JsonNode.Parse(emulator.Journal.Last(r => r.Endpoint == EmulatorEndpoint.CreateSpeechTask).Body)!;
        Assert.Equal(voice, (string?)body["audio_man"]);
        Assert.Equal(1.2, (double)body["speed"]!, 3);
        Assert.Equal(0.9, (double)body["pitch"]!, 3);
        Assert.Single(activities.Activities);
        Assert.Contains(logs.GetSnapshot(), r => r.Category == typeof(LoggingTextToSpeechClient).FullName);
    }

    [Fact]
    public async Task GetStreamingAudioAsync_DefaultVoice_FinishedAudioAsOneUpdate()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var voice = await FirstVoiceAsync(client);
        var services = new ServiceCollection().AddLogging();
        services.AddTextToSpeechClient(client.AsITextToSpeechClient(voice)).UseLogging().UseOpenTelemetry();
        await using var provider = services.BuildServiceProvider();
        var speech = provider.GetRequiredService<ITextToSpeechClient>();

        var updates = new List<TextToSpeechResponseUpdate>();
        await foreach (var update in speech.GetStreamingAudioAsync("One update only."))
        {
            updates.Add(update);
        }

        var audio = Assert.Single(updates.SelectMany(u => u.Contents).OfType<DataContent>());
        Assert.True(audio.Data.Length > 44, "a WAV with samples after its header");
        Assert.Equal(1, emulator.CountRequests(EmulatorEndpoint.CreateSpeechTask));
        Assert.Equal("chanjing", speech.GetService<TextToSpeechClientMetadata>()?.ProviderName);
    }

    [Fact]
    public async Task GetAudioAsync_NoVoiceAnywhere_ArgumentExceptionBeforeAnyRequest()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        using var speech = client.AsITextToSpeechClient();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => speech.GetAudioAsync("hello"));

        Assert.Contains("VoiceId", error.Message, StringComparison.Ordinal);
        Assert.Empty(emulator.Journal);
    }

    [Fact]
    public async Task GetAudioAsync_SpeechFails_SdkTypedException()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var voice = await FirstVoiceAsync(client);
        using var speech = client.AsITextToSpeechClient(voice).AsBuilder().UseOpenTelemetry().Build();

        await Assert.ThrowsAsync<ChanjingTaskFailedException>(() => speech.GetAudioAsync("this will fail " + emulator.Options.FailurePromptMarker));
    }
}
