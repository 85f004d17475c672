using System.Diagnostics.CodeAnalysis;
using Chanjing.Extensions.AI.Images;
using Chanjing.Extensions.AI.Speech;
using Chanjing.Extensions.AI.Tools;
using Chanjing.Sdk;
using Microsoft.Extensions.AI;

namespace Chanjing.Extensions.AI;

/// <summary>
/// Chanjing in the .NET AI stack: an <see cref="IImageGenerator"/> over the image models, an
/// <see cref="ITextToSpeechClient"/> over the Speech product, and <see cref="AIFunction"/> tools for agents.
/// </summary>
/// <remarks>
/// Experimental (diagnostic <c>CHANJINGAI001</c>), like the Microsoft.Extensions.AI abstractions they implement
/// (<c>MEAI001</c>): names and shapes may change in a minor version while those abstractions settle.
/// </remarks>
[Experimental(ChanjingAIDiagnostics.ExperimentalId)]
public static class ChanjingAIExtensions
{
    /// <summary>
    /// An <see cref="IImageGenerator"/> that makes images with a Chanjing image model (AI creation, type 3): the prompt,
    /// <see cref="ImageGenerationOptions.ModelId"/> as the model code, <see cref="ImageGenerationOptions.Count"/> as the
    /// number of images, <see cref="ImageGenerationOptions.ImageSize"/> mapped to the nearest aspect ratio and clarity the
    /// model allows, original images as reference images (uploaded first when they are in memory), and
    /// <see cref="ImageGenerationResponseFormat.Data"/> answered with the downloaded bytes (any other format with URLs).
    /// </summary>
    /// <param name="client">The Chanjing client; the generator does not own it.</param>
    /// <param name="modelCode">The model used when the options name none. Default <see cref="ChanjingModels.DoubaoSeedream40"/> (text or reference images to image, every clarity).</param>
    /// <returns>The generator. Failures surface as the SDK's exceptions (<see cref="ChanjingException"/> and its subclasses, <see cref="ArgumentException"/> before any I/O).</returns>
    public static IImageGenerator AsIImageGenerator(this IChanjingClient client, string? modelCode = null)
    {
        Argument.NotNull(client, nameof(client));
        return new ChanjingImageGenerator(client, NullIfBlank(modelCode, nameof(modelCode)) ?? ChanjingImageGenerator.DefaultModel);
    }

    /// <summary>
    /// An <see cref="ITextToSpeechClient"/> over Chanjing's speech (TTS): the voice from
    /// <see cref="TextToSpeechOptions.VoiceId"/> or <paramref name="voiceId"/>, speed and pitch from the options, the audio
    /// returned as <see cref="DataContent"/> with its media type. Chanjing does not stream, so streaming yields the finished
    /// audio as one update. Text longer than one request allows is split at sentence ends and returned as several parts.
    /// </summary>
    /// <param name="client">The Chanjing client; the speech client does not own it.</param>
    /// <param name="voiceId">The voice used when the options name none (a public voice id from <c>client.Voices.ListPublicAsync()</c>, or a clone's).</param>
    /// <returns>The speech client.</returns>
    public static ITextToSpeechClient AsITextToSpeechClient(this IChanjingClient client, string? voiceId = null)
    {
        Argument.NotNull(client, nameof(client));
        return new ChanjingTextToSpeechClient(client, NullIfBlank(voiceId, nameof(voiceId)));
    }

    /// <summary>
    /// Tools for an agent, with descriptions and JSON schemas: generate a video from text or images
    /// (<c>chanjing_generate_video</c>), make a talking-avatar video from a script (<c>chanjing_make_avatar_video</c>), wait
    /// again for a task that was still running (<c>chanjing_wait_for_task</c>), and list avatars and voices
    /// (<c>chanjing_list_avatars</c>, <c>chanjing_list_voices</c>). Each returns one JSON object whose <c>status</c> says what
    /// happened; a wait that reaches <see cref="ChanjingAIToolOptions.WaitTimeout"/> returns the task id instead of
    /// failing, so the agent waits again rather than paying for a second task.
    /// </summary>
    /// <param name="client">The Chanjing client; the tools do not own it.</param>
    /// <param name="options">Waiting, models, list sizes and logging; null for the defaults.</param>
    /// <returns>The tools, in a new list.</returns>
    public static IList<AITool> AsAITools(this IChanjingClient client, ChanjingAIToolOptions? options = null)
    {
        Argument.NotNull(client, nameof(client));
        var settings = ToolSettings.From(options ?? new ChanjingAIToolOptions());
        return
        [
            new GenerateVideoTool(client, settings),
            new AvatarVideoTool(client, settings),
            new WaitForTaskTool(client, settings),
            new ListAvatarsTool(client, settings),
            new ListVoicesTool(client, settings),
        ];
    }

    private static string? NullIfBlank(string? value, string name)
    {
        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("Must be null (for the default) or a non-empty value.", name);
        }

        return value;
    }
}
