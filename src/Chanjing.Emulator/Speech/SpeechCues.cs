using Chanjing.Emulator.AvatarVideos;

namespace Chanjing.Emulator.Speech;

/// <summary>
/// A TTS task's audio length and subtitle timeline, from <see cref="SpeechTiming"/> (the one speaking-rate model of the
/// emulator): the clauses it finds (split at sentence ends 。！？；.!?; and clause ends ，、：,:, as Chanjing's samples
/// split them), made contiguous so they cover the audio exactly: the first cue starts at 0, each ends where the next
/// starts (the pause after a clause belongs to it), the last ends at the audio's end. Times are whole hundredths of a
/// second, as in the service's samples (<c>2.77</c>), and the audio is exactly that long.
/// </summary>
internal static class SpeechCues
{
    public static (TimeSpan Duration, IReadOnlyList<SpeechCue> Cues) Measure(string text, double speed)
    {
        var (duration, clauses) = SpeechTiming.Measure(text, speed);
        var total = Centiseconds(duration);
        var cues = new List<SpeechCue>(clauses.Count);
        for (var i = 0; i < clauses.Count; i++)
        {
            var start = i == 0 ? 0 : Centiseconds(clauses[i].Start);
            var end = i == clauses.Count - 1 ? total : Centiseconds(clauses[i + 1].Start);
            cues.Add(new SpeechCue(clauses[i].Text, start, Math.Max(start, end)));
        }

        return (TimeSpan.FromMilliseconds(total * 10), cues);
    }

    private static long Centiseconds(TimeSpan time) => (long)Math.Round(time.TotalMilliseconds / 10, MidpointRounding.AwayFromZero);
}
