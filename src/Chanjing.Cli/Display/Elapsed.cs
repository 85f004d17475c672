using System.Globalization;

namespace Chanjing.Cli.Display;

/// <summary>Short human durations for plain progress lines: <c>4s</c>, <c>2m05s</c>, <c>1h02m</c>.</summary>
internal static class Elapsed
{
    /// <summary>Formats a duration.</summary>
    /// <param name="value">The duration.</param>
    /// <returns>The text.</returns>
    public static string Format(TimeSpan value) => value.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)value.TotalHours}h{value.Minutes:00}m")
        : value.TotalMinutes >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)value.TotalMinutes}m{value.Seconds:00}s")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)value.TotalSeconds}s");

    /// <summary>Formats a byte count: <c>812 B</c>, <c>1.4 MB</c>.</summary>
    /// <param name="bytes">The count.</param>
    /// <returns>The text.</returns>
    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        < 1024L * 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024 * 1024):0.##} GB"),
    };
}
