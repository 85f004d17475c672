using System.CommandLine;

namespace Chanjing.Cli.Infrastructure;

/// <summary>Options several commands share (one instance each, added to every command that takes it).</summary>
internal static class SharedOptions
{
    /// <summary><c>--emulator</c>: run against an emulator started inside this process.</summary>
    public static Option<bool> Emulator { get; } = new("--emulator")
    {
        Description = "Run against a local Chanjing emulator started inside this process (no account needed; its tasks end with the command).",
        Recursive = true,
    };

    /// <summary><c>--json</c>: one JSON document on stdout.</summary>
    public static Option<bool> Json { get; } = new("--json")
    {
        Description = "Print exactly one JSON document on stdout (progress stays on stderr).",
    };

    /// <summary><c>--output</c>: where files are saved.</summary>
    public static Option<string> Output { get; } = new("--output", "-o")
    {
        Description = "The directory to save the outputs in (created if missing).",
        DefaultValueFactory = _ => ".",
        HelpName = "DIR",
    };

    /// <summary>The deadline of a wait without <c>--timeout</c>.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(20);

    /// <summary><c>--timeout</c>: the deadline of a wait (null when not given: <see cref="DefaultTimeout"/>).</summary>
    public static Option<TimeSpan?> Timeout { get; } = new("--timeout")
    {
        Description = "How long to wait before giving up (the task keeps running): 90s, 20m, 1h30m; at most 168h. Default 20m.",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : null;
            if (DurationParser.TryParse(text, out var value))
            {
                return value;
            }

            result.AddError($"--timeout must be a positive duration of at most {DurationParser.LongestText}, such as 90s, 20m or 1h30m, but was '{text}'.");
            return null;
        },
        HelpName = "DURATION",
    };
}
