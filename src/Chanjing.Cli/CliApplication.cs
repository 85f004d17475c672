using System.CommandLine;
using System.CommandLine.Invocation;
using System.Runtime.InteropServices;
using Chanjing.Cli.Commands;
using Chanjing.Cli.Display;
using Chanjing.Cli.Infrastructure;

namespace Chanjing.Cli;

/// <summary>
/// The <c>chanjing</c> command line: builds the commands, reports parse errors as usage errors (exit 2) before
/// anything else runs, turns Ctrl+C and SIGTERM into cancellation, and maps failures to the documented exit codes.
/// </summary>
internal static class CliApplication
{
    /// <summary>Runs the command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(string[] args)
    {
        var console = CliConsole.FromProcess();
        var root = BuildRoot(console);
        var parse = root.Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            var command = parse.CommandResult.Command;
            var name = FullName(command);
            foreach (var error in parse.Errors)
            {
                console.Fail(name, error.Message);
            }

            console.Info($"Run '{name} --help' for the options.");
            return ExitCodes.Usage;
        }

        using var cancellation = new CancellationTokenSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Cancel(context, cancellation));
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Cancel(context, cancellation));
        var configuration = new InvocationConfiguration
        {
            ProcessTerminationTimeout = null,
            EnableDefaultExceptionHandler = false,
            Output = console.Output,
            Error = console.Error,
        };
        return await parse.InvokeAsync(configuration, cancellation.Token).ConfigureAwait(false);
    }

    /// <summary>The root command with every subcommand.</summary>
    /// <param name="console">The console the commands write to.</param>
    /// <returns>The root command.</returns>
    public static RootCommand BuildRoot(CliConsole console)
    {
        var root = new RootCommand(
            "Make videos, images and speech with Chanjing's Open API: AI creation (create, task), talking-avatar videos (video), digital humans (avatars), text to speech (speak, speech), voices and voice clones (voices), lip-sync (lipsync) and avatar design (avatar-design); create, wait with live progress, download.\n" +
            "Credentials: CHANJING_ACCESS_TOKEN, or CHANJING_APP_ID and CHANJING_SECRET_KEY (CHANJING_BASE_ADDRESS optional); or --emulator.\n" +
            "Exit codes: 0 success, 1 other failure, 2 usage, 3 task failed, 4 wait timed out, 5 authentication, 130 interrupted.")
        {
            SharedOptions.Emulator,
        };
        root.Add(CreateCommand.Build(console));
        root.Add(TaskCommands.Build(console));
        root.Add(VideoCommands.Build(console));
        root.Add(AvatarCommands.Build(console));
        root.Add(SpeakCommand.Build(console));
        root.Add(SpeechCommands.Build(console));
        root.Add(VoiceCommands.Build(console));
        root.Add(LipSyncCommands.Build(console));
        root.Add(AvatarDesignCommands.Build(console));
        root.Add(UploadCommand.Build(console));
        root.Add(ModelsCommand.Build(console));
        root.Add(EmulatorCommand.Build(console));
        root.Add(McpCommand.Build(console));
        return root;
    }

    /// <summary>The action of a command: runs <paramref name="body"/> and maps what it throws to an exit code.</summary>
    /// <param name="console">The console.</param>
    /// <param name="name">The command's full name.</param>
    /// <param name="body">The command's work.</param>
    /// <returns>The action.</returns>
    public static Func<ParseResult, CancellationToken, Task<int>> Action(CliConsole console, string name, Func<CommandRun, Task<int>> body) =>
        async (parse, cancellationToken) =>
        {
            var run = new CommandRun(name, parse, console, cancellationToken);
            try
            {
                return await body(run).ConfigureAwait(false);
            }
            catch (Exception error)
            {
                return Failures.Report(run, error);
            }
        };

    private static void Cancel(PosixSignalContext context, CancellationTokenSource cancellation)
    {
        // The first signal cancels cleanly; a second one ends the process at once.
        if (!cancellation.IsCancellationRequested)
        {
            context.Cancel = true;
            cancellation.Cancel();
        }
    }

    private static string FullName(Command command)
    {
        var names = new List<string>();
        for (Symbol? symbol = command; symbol is Command current; symbol = current.Parents.FirstOrDefault())
        {
            names.Insert(0, current is RootCommand ? "chanjing" : current.Name);
        }

        return string.Join(' ', names);
    }
}
