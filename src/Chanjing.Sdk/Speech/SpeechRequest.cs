namespace Chanjing.Sdk;

/// <summary>The body of <c>POST /open/v1/create_audio_task</c>: a text spoken by a public or cloned voice.</summary>
public sealed class SpeechRequest
{
    /// <summary>The longest text, in characters (<c>text.text</c> must be under 4,000).</summary>
    public const int MaxTextLength = 3999;

    /// <summary>Creates a request.</summary>
    /// <param name="text">What is said, under 4,000 characters; SSML is allowed.</param>
    /// <param name="voiceId">The voice: a public voice (<see cref="VoiceClient.ListPublicAsync"/>) or a cloned one (<c>C-Audio-…</c>).</param>
    public SpeechRequest(string text, string voiceId)
    {
        Text = text;
        VoiceId = voiceId;
    }

    /// <summary>What is said (<c>text.text</c>); SSML is allowed.</summary>
    public string Text { get; set; }

    /// <summary>The plain-text twin of an SSML <see cref="Text"/> (<c>text.plain_text</c>); when null, <see cref="Text"/> is sent as its own twin unless it holds markup.</summary>
    public string? PlainText { get; set; }

    /// <summary>The voice (<c>audio_man</c>).</summary>
    public string VoiceId { get; set; }

    /// <summary>The speaking speed (<c>speed</c>), 0.5 to 2; 1 by default.</summary>
    public double Speed { get; set; } = 1;

    /// <summary>The pitch (<c>pitch</c>), 0.1 to 3; 1 by default.</summary>
    public double Pitch { get; set; } = 1;

    /// <summary>Add the audible AIGC watermark (<c>aigc_watermark</c>).</summary>
    public bool AigcWatermark { get; set; }

    /// <summary>A URL the service calls when the task ends (<c>callback</c>); treat a call as a hint and read the task.</summary>
    public Uri? CallbackUrl { get; set; }
}
