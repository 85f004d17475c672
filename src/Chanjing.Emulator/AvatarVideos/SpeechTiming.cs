using System.Text;

namespace Chanjing.Emulator.AvatarVideos;

/// <summary>
/// How long the emulator's speech of a text lasts, and when each clause is said: 4.5 Chinese (CJK, kana, hangul)
/// characters a second (about 270 a minute, a brisk news-reading pace), 2.5 words a second for other scripts (a
/// run of letters or digits is a word), a 0.4 s pause after 。！？；.!?; or a line break and 0.2 s after ，、：,:,
/// all divided by the requested speed. SSML tags (<c>&lt;...&gt;</c>) are not spoken.
/// </summary>
internal static class SpeechTiming
{
    public const double CharactersPerSecond = 4.5;
    public const double WordsPerSecond = 2.5;
    public const double SentencePauseSeconds = 0.4;
    public const double ClausePauseSeconds = 0.2;

    private const string SentenceEnds = "。！？；!?;.…\n";
    private const string ClauseEnds = "，、：,:";

    /// <summary>One clause of the subtitle timeline: its text and when it is said.</summary>
    public sealed record Clause(string Text, TimeSpan Start, TimeSpan End);

    /// <summary>The speech's duration and its clauses, at <paramref name="speed"/> (1 = normal).</summary>
    public static (TimeSpan Duration, IReadOnlyList<Clause> Clauses) Measure(string text, double speed)
    {
        var clauses = new List<Clause>();
        var clause = new StringBuilder();
        double t = 0, clauseStart = 0;
        var inWord = false;

        void EndWord()
        {
            if (inWord)
            {
                t += 1 / WordsPerSecond;
                inWord = false;
            }
        }

        void EndClause()
        {
            EndWord();
            var said = clause.ToString().Trim();
            if (said.Length > 0)
            {
                clauses.Add(new Clause(said, Seconds(clauseStart, speed), Seconds(t, speed)));
            }

            clause.Clear();
        }

        foreach (var c in Spoken(text))
        {
            if (clause.Length == 0 && (IsCjk(c) || char.IsLetterOrDigit(c)))
            {
                clauseStart = t;
            }

            if (IsCjk(c))
            {
                EndWord();
                t += 1 / CharactersPerSecond;
                clause.Append(c);
            }
            else if (char.IsLetterOrDigit(c))
            {
                inWord = true;
                clause.Append(c);
            }
            else if (SentenceEnds.Contains(c, StringComparison.Ordinal) || ClauseEnds.Contains(c, StringComparison.Ordinal))
            {
                var hadSpeech = clause.ToString().Trim().Length > 0;
                EndClause();
                if (hadSpeech)
                {
                    t += SentenceEnds.Contains(c, StringComparison.Ordinal) ? SentencePauseSeconds : ClausePauseSeconds;
                }
            }
            else
            {
                EndWord();
                if (clause.Length > 0 && !char.IsWhiteSpace(clause[^1]))
                {
                    clause.Append(char.IsWhiteSpace(c) ? ' ' : c);
                }
            }
        }

        EndClause();
        return (Seconds(t, speed), clauses);
    }

    /// <summary>Whether the spoken text is digits only (the service refuses it: 不支持纯数字文本).</summary>
    public static bool IsDigitsOnly(string text)
    {
        var spoken = Spoken(text).Where(c => IsCjk(c) || char.IsLetterOrDigit(c)).ToList();
        return spoken.Count > 0 && spoken.All(char.IsAsciiDigit);
    }

    /// <summary>The text without its SSML tags.</summary>
    public static string Spoken(string text)
    {
        var spoken = new StringBuilder(text.Length);
        var inTag = false;
        foreach (var c in text)
        {
            if (c == '<')
            {
                inTag = true;
            }
            else if (c == '>' && inTag)
            {
                inTag = false;
            }
            else if (!inTag)
            {
                spoken.Append(c);
            }
        }

        return spoken.ToString();
    }

    private static TimeSpan Seconds(double seconds, double speed) => TimeSpan.FromMilliseconds(Math.Round(seconds / speed * 1000));

    private static bool IsCjk(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u3040' and <= '\u30FF')
        or (>= '\uAC00' and <= '\uD7AF') or (>= '\uF900' and <= '\uFAFF');
}
