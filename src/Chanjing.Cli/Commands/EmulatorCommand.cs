using System.CommandLine;
using Chanjing.Cli.Display;
using Chanjing.Cli.Infrastructure;
using Chanjing.Emulator;

namespace Chanjing.Cli.Commands;

/// <summary><c>chanjing emulator</c>: a local Chanjing in the foreground until Ctrl+C, for trying the tool and testing apps.</summary>
internal static class EmulatorCommand
{
    /// <summary>The address the emulator listens on by default.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Builds the command.</summary>
    /// <param name="console">The console.</param>
    /// <returns>The command.</returns>
    public static Command Build(CliConsole console)
    {
        var urls = new Option<string>("--urls") { Description = $"Where to listen (loopback is safest); port 0 picks a free one. Default {DefaultUrl}.", DefaultValueFactory = _ => DefaultUrl, HelpName = "URL" };
        var command = new Command("emulator", "Run a local Chanjing emulator in the foreground until Ctrl+C, and print the variables that point this tool at it.") { urls };
        command.SetAction(CliApplication.Action(console, "chanjing emulator", async run =>
        {
            var url = run.Parse.GetValue(urls) ?? DefaultUrl;
            if (!url.Split(';').All(u => Uri.TryCreate(u, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"))
            {
                throw new UsageException($"--urls must be http(s) URLs such as {DefaultUrl}, but was '{url}'.");
            }

            await using var emulator = await ChanjingEmulator.StartAsync(new ChanjingEmulatorOptions { Url = url, EnableAdminEndpoints = true, AppId = "emulator" }, run.CancellationToken).ConfigureAwait(false);
            var address = emulator.BaseAddress.AbsoluteUri;
            console.WriteData($"export CHANJING_BASE_ADDRESS={address}");
            console.WriteData($"export CHANJING_APP_ID={emulator.AppId}");
            console.WriteData($"export CHANJING_SECRET_KEY={emulator.SecretKey}");
            console.Info($"Chanjing emulator listening on {address} (controls under {address}_emulator/).");
            console.Info($"Models: {string.Join(", ", ChanjingEmulator.KnownModelCodes)}");
            console.Info("Set the variables above in another terminal (or eval this command's output), then run chanjing there. Ctrl+C stops the emulator.");
            try
            {
                await Task.Delay(Timeout.Infinite, run.CancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (run.CancellationToken.IsCancellationRequested)
            {
                console.Info("Emulator stopped.");
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
