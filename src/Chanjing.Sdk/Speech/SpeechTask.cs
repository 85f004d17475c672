using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Chanjing.Sdk;

/// <summary>A text-to-speech task as the service reports it (<c>audio_task_state</c>). Immutable.</summary>
public sealed class SpeechTask : ChanjingJob
{
    private readonly LazyJson _raw;

    internal SpeechTask(string id, SpeechTaskStatus status, string? errorMessage, string? errorReason, Uri? audioUrl, TimeSpan? duration, IReadOnlyList<SpeechSubtitle> subtitles, LazyJson rawJson)
    {
        Id = id;
        Status = status;
        ErrorMessage = errorMessage;
        ErrorReason = errorReason;
        AudioUrl = audioUrl;
        Duration = duration;
        Subtitles = subtitles;
        _raw = rawJson;
        OutputUrls = IsSucceeded ? [audioUrl!] : [];
    }

    /// <summary>The task's id (<c>task_id</c> of the create answer, <c>id</c> here).</summary>
    public override string Id { get; }

    /// <summary>The status (<c>status</c>); 9 means finished, successfully or not.</summary>
    public SpeechTaskStatus Status { get; }

    /// <inheritdoc />
    public override bool IsFinished => Status.IsFinished;

    /// <summary>Whether the task finished (9) with no error message and an audio URL.</summary>
    public override bool IsSucceeded => Status.IsFinished && string.IsNullOrEmpty(ErrorMessage) && AudioUrl is not null;

    /// <summary>Always null: speech tasks report no percentage.</summary>
    public override int? Progress => null;

    /// <summary>The service's error text (<c>errMsg</c>), verbatim; empty unless the task failed.</summary>
    public override string? ErrorMessage { get; }

    /// <summary>The service's detail of a failure (<c>errReason</c>).</summary>
    public string? ErrorReason { get; }

    /// <summary>Not reported by the service: null.</summary>
    public override DateTimeOffset? CreatedAt => null;

    /// <summary>The audio file (<c>full.url</c>; WAV, sometimes MP3), once succeeded.</summary>
    public Uri? AudioUrl { get; }

    /// <summary>The audio's length (<c>full.duration</c>, seconds on the wire).</summary>
    public TimeSpan? Duration { get; }

    /// <summary>The subtitle timeline (<c>subtitles</c>), in order; empty until finished. A timeline the service sent in milliseconds is read as such.</summary>
    public IReadOnlyList<SpeechSubtitle> Subtitles { get; }

    /// <summary>The audio, once succeeded.</summary>
    public override IReadOnlyList<Uri> OutputUrls { get; }

    /// <inheritdoc />
    public override JsonElement RawJson => _raw.Value;

    /// <inheritdoc />
    internal override string Kind => "Speech task";

    /// <inheritdoc />
    internal override string StatusText => Status.ToString();

    /// <inheritdoc />
    internal override bool IsKnownStatus => Status.IsKnown;

    /// <summary>The timeline as SubRip (SRT) text: numbered cues, <c>hh:mm:ss,mmm --&gt; hh:mm:ss,mmm</c>, a blank line after each.</summary>
    /// <returns>The SRT text; empty when there is no timeline.</returns>
    public string ToSrt()
    {
        var srt = new StringBuilder();
        for (var i = 0; i < Subtitles.Count; i++)
        {
            var cue = Subtitles[i];
            srt.Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append('\n')
                .Append(SrtTime(cue.Start)).Append(" --> ").Append(SrtTime(cue.End)).Append('\n')
                .Append(cue.Text.Replace("\r", string.Empty).Trim()).Append("\n\n");
        }

        return srt.ToString();
    }

    /// <summary>Returns a short description: id, status and error message.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        string.IsNullOrEmpty(ErrorMessage) ? $"{Id} ({Status})" : $"{Id} ({Status}: {ErrorMessage})";

    private static string SrtTime(TimeSpan time)
    {
        var ms = (long)Math.Round(Math.Max(0, time.TotalMilliseconds));
        return string.Format(CultureInfo.InvariantCulture, "{0:00}:{1:00}:{2:00},{3:000}", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
    }
}
