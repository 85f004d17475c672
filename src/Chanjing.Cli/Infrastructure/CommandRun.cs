using System.CommandLine;
using Chanjing.Cli.Display;

namespace Chanjing.Cli.Infrastructure;

/// <summary>One invocation of a command: its parsed arguments, the console, the Ctrl+C token, and its connection.</summary>
internal sealed class CommandRun(string name, ParseResult parse, CliConsole console, CancellationToken cancellationToken)
{
    /// <summary>The command's full name, for messages: <c>chanjing task wait</c>.</summary>
    public string Name { get; } = name;

    /// <summary>The parsed command line.</summary>
    public ParseResult Parse { get; } = parse;

    /// <summary>The console.</summary>
    public CliConsole Console { get; } = console;

    /// <summary>Cancelled by Ctrl+C (SIGINT) or SIGTERM.</summary>
    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>Whether <c>--json</c> was given.</summary>
    public bool Json => Parse.GetResult(SharedOptions.Json) is not null && Parse.GetValue(SharedOptions.Json);

    /// <summary>Whether the one JSON document was printed already (a failure then prints no second one).</summary>
    public bool JsonPrinted { get; private set; }

    /// <summary>Opens the connection (checks the credentials first; no network call for that).</summary>
    /// <returns>The connection.</returns>
    public Task<ChanjingConnection> ConnectAsync() => ChanjingConnection.OpenAsync(Parse.GetValue(SharedOptions.Emulator), CancellationToken);

    /// <summary>Prints the JSON document of a <c>--json</c> run.</summary>
    /// <param name="write">Writes the document.</param>
    public void PrintJson(Action<System.Text.Json.Utf8JsonWriter> write)
    {
        JsonDocumentWriter.Print(Console, write);
        JsonPrinted = true;
    }

    /// <summary>
    /// The command group, for resume hints: <c>video</c>, <c>avatars</c>, <c>speech</c> (for <c>speak</c> too),
    /// <c>voices</c>, <c>lipsync</c>, <c>avatar-design</c>, or <c>task</c> (AI creation).
    /// </summary>
    public string Group => Name.Split(' ') is [_, var group, ..]
        ? group switch
        {
            "video" or "avatars" or "speech" or "voices" or "lipsync" or "avatar-design" => group,
            "speak" => "speech",
            _ => "task",
        }
        : "task";

    /// <summary>What the group makes, for messages: <c>video</c>, <c>avatar</c>, <c>speech task</c>, ... or <c>task</c>.</summary>
    public string Noun => Group switch
    {
        "video" => "video",
        "avatars" => "avatar",
        "speech" => "speech task",
        "voices" => "voice",
        "lipsync" => "lip-sync video",
        "avatar-design" => "avatar design task",
        _ => "task",
    };

    /// <summary>The command that resumes waiting in this command's group: <c>chanjing video wait ID</c>, ...</summary>
    /// <param name="ids">The jobs.</param>
    /// <returns>The command line.</returns>
    public string WaitCommand(IEnumerable<string> ids) => Group == "task" ? ResumeCommand(ids) : $"chanjing {Group} wait " + string.Join(' ', ids);

    /// <summary>The command that lists the recent jobs of this command's group; null when Chanjing cannot list them (speech, avatar design).</summary>
    public string? ListCommand => Group switch
    {
        "video" => "chanjing video list",
        "avatars" => "chanjing avatars list --mine",
        "voices" => "chanjing voices list --mine",
        "lipsync" => "chanjing lipsync list",
        "speech" or "avatar-design" => null,
        _ => "chanjing task list",
    };

    /// <summary>The command that resumes waiting for <paramref name="taskIds"/>.</summary>
    /// <param name="taskIds">The tasks.</param>
    /// <returns>The command line.</returns>
    public static string ResumeCommand(IEnumerable<string> taskIds) => "chanjing task wait " + string.Join(' ', taskIds);
}
