using System.Runtime.CompilerServices;
using Chanjing.Sdk;
using Microsoft.Extensions.AI;

namespace Chanjing.Extensions.AI.Speech;

/// <summary>An <see cref="ITextToSpeechClient"/> over Chanjing's speech (TTS); one finished audio file per request.</summary>
internal sealed class ChanjingTextToSpeechClient : ITextToSpeechClient
{
    /// <summary>The model id reported: Chanjing's TTS has no model choice.</summary>
    public const string ModelId = "chanjing-tts";

    private readonly IChanjingClient _client;
    private readonly string? _defaultVoice;
    private readonly TextToSpeechClientMetadata _metadata = new("chanjing", null, ModelId);

    public ChanjingTextToSpeechClient(IChanjingClient client, string? defaultVoice)
    {
        _client = client;
        _defaultVoice = defaultVoice;
    }

    /// <inheritdoc />
    public async Task<TextToSpeechResponse> GetAudioAsync(string text, TextToSpeechOptions? options = null, CancellationToken cancellationToken = default)
    {
        var request = Build(text, options);

        // One request takes up to SpeechRequest.MaxTextLength characters; a longer text is spoken in parts (split at
        // sentence ends by the SDK), each returned as its own audio content, in order.
        IReadOnlyList<SpeechTask> tasks = text.Length <= SpeechRequest.MaxTextLength
            ? [await _client.Speech.GenerateAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false)]
            : await _client.Speech.GenerateLongAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false);

        var contents = new List<AIContent>(tasks.Count);
        foreach (var task in tasks)
        {
            var url = task.AudioUrl ?? throw new ChanjingException($"Speech task {task.Id} succeeded without an audio URL.");
            using var buffer = new MemoryStream();
            await _client.DownloadAsync(url, buffer, cancellationToken: cancellationToken).ConfigureAwait(false);
            contents.Add(new DataContent(buffer.ToArray(), MediaTypes.FromUrl(url, "audio/mpeg")) { Name = Path.GetFileName(url.AbsolutePath) });
        }

        return new TextToSpeechResponse(contents)
        {
            ResponseId = tasks[0].Id,
            ModelId = ModelId,
            RawRepresentation = tasks.Count == 1 ? tasks[0] : tasks,
        };
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<TextToSpeechResponseUpdate> GetStreamingAudioAsync(string text, TextToSpeechOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Chanjing does not stream audio: the finished file is the one update.
        var response = await GetAudioAsync(text, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToTextToSpeechResponseUpdates())
        {
            yield return update;
        }
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        Argument.NotNull(serviceType, nameof(serviceType));
        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(TextToSpeechClientMetadata))
        {
            return _metadata;
        }

        if (serviceType.IsInstanceOfType(_client))
        {
            return _client;
        }

        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // The client belongs to the caller.
    }

    private SpeechRequest Build(string text, TextToSpeechOptions? options)
    {
        Argument.NotBlank(text, nameof(text));
        var voice = string.IsNullOrWhiteSpace(options?.VoiceId) ? _defaultVoice : options!.VoiceId;
        if (voice is null)
        {
            throw new ArgumentException(
                "No voice: set TextToSpeechOptions.VoiceId, or pass a default voice to AsITextToSpeechClient(voiceId). Public voices are listed by client.Voices.ListPublicAsync().",
                nameof(options));
        }

        var request = options?.RawRepresentationFactory?.Invoke(this) as SpeechRequest ?? new SpeechRequest(text, voice);
        request.Text = text;
        request.VoiceId = voice;
        if (options?.Speed is { } speed)
        {
            request.Speed = speed;
        }

        if (options?.Pitch is { } pitch)
        {
            request.Pitch = pitch;
        }

        return request;
    }
}
