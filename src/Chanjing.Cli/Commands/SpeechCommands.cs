using System.CommandLine;
using System.Globalization;
using Chanjing.Cli.Display;

namespace Chanjing.Cli.Commands;

/// <summary><c>chanjing speech get|wait</c>: speech tasks made by <c>chanjing speak</c> (Chanjing cannot list them).</summary>
internal static class SpeechCommands
{
    /// <summary>Builds the <c>speech</c> command and its subcommands.</summary>
    /// <param name="console">The console.</param>
    /// <returns>The command.</returns>
    public static Command Build(CliConsole console) => new("speech", "Speech tasks ('chanjing speak' makes them): look at one, or wait for it and save its audio.")
    {
        JobCommands.Get(
            console,
            JobKinds.Speech,
            "Show one speech task: its status, error, duration, audio URL and subtitle cues.",
            (client, id, ct) => client.Speech.GetAsync(id, ct),
            speech => [("duration", speech.Duration is null ? null : JobText.Seconds(speech.Duration)), ("subtitles", speech.Subtitles.Count == 0 ? null : speech.Subtitles.Count.ToString(CultureInfo.InvariantCulture) + " cues")]),
        JobCommands.Wait(console, JobKinds.Speech, "Wait for a speech task, then print its id, status and audio URL (and save the audio with --output).", "the audio"),
    };
}
