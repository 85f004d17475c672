using System.Globalization;
using System.Text.RegularExpressions;

namespace Chanjing.Cli.Infrastructure;

/// <summary>Parses <c>--timeout</c> values: <c>90s</c>, <c>20m</c>, <c>1h30m</c>, <c>500ms</c>, a plain number of seconds, or <c>hh:mm:ss</c>.</summary>
internal static partial class DurationParser
{
    /// <summary>Parses a duration.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The duration, when the text is valid and positive.</param>
    /// <returns>Whether it was.</returns>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            value = TimeSpan.FromSeconds(seconds);
            return value > TimeSpan.Zero;
        }

        var match = UnitPattern().Match(text);
        if (match.Success)
        {
            foreach (Capture part in match.Groups["part"].Captures)
            {
                var unitAt = part.Value.IndexOfAny(['m', 's', 'h']);
                var number = double.Parse(part.Value[..unitAt], NumberStyles.Float, CultureInfo.InvariantCulture);
                value += part.Value[unitAt..] switch
                {
                    "h" => TimeSpan.FromHours(number),
                    "m" => TimeSpan.FromMinutes(number),
                    "s" => TimeSpan.FromSeconds(number),
                    _ => TimeSpan.FromMilliseconds(number),
                };
            }

            return value > TimeSpan.Zero;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value) && value > TimeSpan.Zero;
    }

    [GeneratedRegex(@"^(?<part>[0-9]+(\.[0-9]+)?(ms|h|m|s))+$")]
    private static partial Regex UnitPattern();
}
