namespace Chanjing.Emulator.Speech;

/// <summary>One TTS task (<c>create_audio_task</c>): its request, how it will end, its audio's length and subtitle cues, and any status a test forced.</summary>
internal sealed class SpeechTask
{
    public required string Id { get; init; }

    /// <summary>The voice (<c>audio_man</c>): a public voice or a cloned one.</summary>
    public required string Voice { get; init; }

    /// <summary><c>text.text</c> as sent (SSML tags included; they are not spoken).</summary>
    public required string Text { get; init; }

    public required double Speed { get; init; }

    public required Uri? Callback { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The <c>errMsg</c> it ends with: empty for a success.</summary>
    public required string PlannedError { get; init; }

    /// <summary>The <c>errReason</c> it ends with.</summary>
    public required string PlannedReason { get; init; }

    /// <summary>The audio's length, a whole number of hundredths of a second (as the service reports it).</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>The subtitle cues: contiguous, the first from 0, the last to <see cref="Duration"/>.</summary>
    public required IReadOnlyList<SpeechCue> Cues { get; init; }

    public int? ForcedStatus { get; set; }

    public string? ForcedError { get; set; }

    public bool CallbackStarted { get; set; }
}

/// <summary>One subtitle cue of a TTS task: a clause and when it is said, in hundredths of a second.</summary>
internal sealed record SpeechCue(string Text, long StartCentiseconds, long EndCentiseconds);
