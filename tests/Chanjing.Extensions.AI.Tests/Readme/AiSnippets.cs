using Chanjing.Sdk;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chanjing.Extensions.AI.Tests.Readme;

/// <summary>
/// Every C# block of README.md and docs/ai.md about Chanjing.Extensions.AI, compiled. Each block sits between
/// "begin-snippet: NAME" and "end-snippet" comments; the SDK's ReadmeTests fail when the pages and this file drift apart.
/// </summary>
internal static class AiSnippets
{
    public static void OneLiners(IChanjingClient client)
    {
        // begin-snippet: ai-one-liners
        IImageGenerator images = client.AsIImageGenerator();                    // Seedream and the other image models
        ITextToSpeechClient speech = client.AsITextToSpeechClient("voice-id");  // Chanjing's speech
        var chatOptions = new ChatOptions { Tools = client.AsAITools() };       // video tools for any IChatClient agent
        // end-snippet
    }

    public static void Registration(IServiceCollection services, IConfiguration configuration)
    {
        // begin-snippet: ai-registration
        services.AddChanjing(configuration);
        services.AddImageGenerator(sp => sp.GetRequiredService<IChanjingClient>().AsIImageGenerator()).UseLogging().UseOpenTelemetry();
        services.AddTextToSpeechClient(sp => sp.GetRequiredService<IChanjingClient>().AsITextToSpeechClient("voice-id")).UseLogging();
        services.AddSingleton(sp => sp.GetRequiredService<IChanjingClient>().AsAITools());
        // end-snippet
    }

    public static async Task ImagePipeline(IChanjingClient client, ILoggerFactory loggerFactory)
    {
        // begin-snippet: ai-image-pipeline
        using IImageGenerator generator = new ImageGeneratorBuilder(client.AsIImageGenerator(ChanjingModels.DoubaoSeedream40))
            .UseLogging(loggerFactory)
            .UseOpenTelemetry(loggerFactory)
            .Build();

        ImageGenerationResponse response = await generator.GenerateImagesAsync(
            "a red fox in the snow, golden hour",
            new ImageGenerationOptions { Count = 2, ImageSize = new System.Drawing.Size(1920, 1080) }); // 16:9, clarity 2048

        foreach (UriContent image in response.Contents.OfType<UriContent>())
        {
            Console.WriteLine(image.Uri);
        }
        // end-snippet
    }

    public static async Task Speech(IChanjingClient client, string voiceId)
    {
        // begin-snippet: ai-speech
        using ITextToSpeechClient speech = client.AsITextToSpeechClient(voiceId);

        TextToSpeechResponse audio = await speech.GetAudioAsync("Welcome to our shop.", new TextToSpeechOptions { Speed = 1.1f });
        DataContent file = audio.Contents.OfType<DataContent>().Single();
        await File.WriteAllBytesAsync("welcome" + (file.MediaType == "audio/wav" ? ".wav" : ".mp3"), file.Data.ToArray());
        // end-snippet
    }

    public static async Task Agent(IChanjingClient client, IChatClient model, ILoggerFactory loggerFactory)
    {
        // begin-snippet: ai-agent
        using IChatClient agent = new ChatClientBuilder(model)   // any IChatClient: OpenAI, Azure OpenAI, Ollama, ...
            .UseFunctionInvocation(loggerFactory)
            .Build();

        var tools = client.AsAITools(new ChanjingAIToolOptions { WaitTimeout = TimeSpan.FromMinutes(4), LoggerFactory = loggerFactory });
        ChatResponse answer = await agent.GetResponseAsync(
            "Make a 9:16 video of a horse galloping across the grassland and give me the link.",
            new ChatOptions { Tools = tools });
        Console.WriteLine(answer.Text);
        // end-snippet
    }
}
