using System.Globalization;
using System.Text.RegularExpressions;

namespace Chanjing.Cli.Infrastructure;

/// <summary>
/// Parses <c>--timeout</c> values: <c>90s</c>, <c>20m</c>, <c>1h30m</c>, <c>500ms</c>, a plain number of seconds, or
/// <c>hh:mm:ss</c>; positive, finite and at most <see cref="Longest"/>.
/// </summary>
internal static partial class DurationParser
{
    /// <summary>The longest wait the tool accepts: a week, far beyond any task, far below what timers can count.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(7);

    /// <summary><see cref="Longest"/> as the messages say it.</summary>
    public const string LongestText = "168h (7 days)";

    /// <summary>Parses a duration.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The duration, when the text is valid, positive and at most <see cref="Longest"/>.</param>
    /// <returns>Whether it was.</returns>
    public static bool TryParse(string? text, out TimeSpan value) => TryParseAny(text, out value) && value > TimeSpan.Zero && value <= Longest;

    // NaN, infinities and numbers beyond TimeSpan's range are refused before a TimeSpan is made of them (it would throw).
    private static bool TryParseAny(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return FromSeconds(seconds, out value);
        }

        var match = UnitPattern().Match(text);
        if (match.Success)
        {
            var total = 0.0;
            foreach (Capture part in match.Groups["part"].Captures)
            {
                var unitAt = part.Value.IndexOfAny(['m', 's', 'h']);
                var number = double.Parse(part.Value[..unitAt], NumberStyles.Float, CultureInfo.InvariantCulture);
                total += number * part.Value[unitAt..] switch
                {
                    "h" => 3600.0,
                    "m" => 60.0,
                    "s" => 1.0,
                    _ => 0.001,
                };
            }

            return FromSeconds(total, out value);
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value);
    }

    private static bool FromSeconds(double seconds, out TimeSpan value)
    {
        var inRange = double.IsFinite(seconds) && Math.Abs(seconds) <= Longest.TotalSeconds * 2;
        value = inRange ? TimeSpan.FromSeconds(seconds) : TimeSpan.Zero;
        return inRange;
    }

    [GeneratedRegex(@"^(?<part>[0-9]+(\.[0-9]+)?(ms|h|m|s))+$")]
    private static partial Regex UnitPattern();
}
