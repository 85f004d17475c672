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

    /// <summary><c>--limit</c> of a list command: at most this many items (1-10000), newest first; 20 by default.</summary>
    /// <param name="items">What is listed, for the help text ("tasks", "videos").</param>
    /// <returns>A new option (an option belongs to one command).</returns>
    public static Option<int> Limit(string items)
    {
        var limit = new Option<int>("--limit", "-n") { Description = $"At most this many {items}, newest first.", DefaultValueFactory = _ => 20, HelpName = "N" };
        limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 10_000)
            {
                result.AddError("--limit must be between 1 and 10000.");
            }
        });
        return limit;
    }

    /// <summary>The first <paramref name="max"/> items of a listing (it stops requesting pages once it has them).</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The listing.</param>
    /// <param name="max">How many to take.</param>
    /// <returns>The items, in the listing's order.</returns>
    public static async Task<List<T>> TakeAsync<T>(IAsyncEnumerable<T> items, int max)
    {
        var taken = new List<T>();
        await foreach (var item in items.ConfigureAwait(false))
        {
            taken.Add(item);
            if (taken.Count == max)
            {
                break;
            }
        }

        return taken;
    }

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
