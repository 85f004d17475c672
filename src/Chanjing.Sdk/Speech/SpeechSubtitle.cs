namespace Chanjing.Sdk;

/// <summary>One cue of a speech task's subtitle timeline (<c>subtitles[]</c>): the text and when it is spoken.</summary>
public sealed class SpeechSubtitle
{
    /// <summary>Creates a cue.</summary>
    /// <param name="text">The text (<c>subtitle</c>).</param>
    /// <param name="start">When it starts (<c>start_time</c>).</param>
    /// <param name="end">When it ends (<c>end_time</c>).</param>
    public SpeechSubtitle(string text, TimeSpan start, TimeSpan end)
    {
        Text = Guard.NotNull(text, nameof(text));
        Start = start;
        End = end;
    }

    /// <summary>The text (<c>subtitle</c>).</summary>
    public string Text { get; }

    /// <summary>When it starts, from the audio's beginning.</summary>
    public TimeSpan Start { get; }

    /// <summary>When it ends, from the audio's beginning.</summary>
    public TimeSpan End { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Start} --> {End} {Text}";
}
