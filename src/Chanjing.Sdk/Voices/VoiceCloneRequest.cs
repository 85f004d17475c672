namespace Chanjing.Sdk;

/// <summary>The body of <c>POST /open/v1/create_customised_audio</c>: a voice cloned from a recording.</summary>
public sealed class VoiceCloneRequest
{
    /// <summary>The longest preview text (<c>text</c>), in characters.</summary>
    public const int MaxPreviewTextLength = 50;

    /// <summary>Creates a request.</summary>
    /// <param name="name">The voice's name.</param>
    /// <param name="sample">The recording (mp3, wav or m4a; 30 s to 5 min with at least 10 s of speech, up to 100 MB): a public URL, or a local file or stream uploaded with service <c>prompt_audio</c> and sent by its public URL.</param>
    public VoiceCloneRequest(string name, MediaSource sample)
    {
        Name = name;
        Sample = sample;
    }

    /// <summary>The voice's name (<c>name</c>).</summary>
    public string Name { get; set; }

    /// <summary>The recording (<c>url</c>).</summary>
    public MediaSource Sample { get; set; }

    /// <summary>
    /// The model (<c>model_type</c>): <c>cicada3.0-turbo</c> by default, or <c>cicada3.0</c>, <c>cicada1.0</c>. Sent
    /// lower-case as Chanjing's Python SDK does (its scripts write <c>Cicada3.0-turbo</c>, its docs <c>cicada1.0</c>).
    /// </summary>
    public string ModelType { get; set; } = "cicada3.0-turbo";

    /// <summary>The language (<c>language</c>): <c>cn</c> or <c>en</c>; the service's default (<c>cn</c>) when null.</summary>
    public string? Language { get; set; }

    /// <summary>A preview text spoken by the new voice (<c>text</c>): at most 50 characters, not only digits.</summary>
    public string? PreviewText { get; set; }

    /// <summary>A URL the service calls when the voice is ready or failed (<c>callback</c>).</summary>
    public Uri? CallbackUrl { get; set; }
}
