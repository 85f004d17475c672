using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace Chanjing.Cli.Tests;

/// <summary>The result of one run of the tool.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>Runs the built <c>chanjing</c> tool as a process, with the CHANJING_* variables of the test only; every run is bounded.</summary>
public static class CliProcess
{
    public static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

    private static readonly string[] Variables = ["CHANJING_ACCESS_TOKEN", "CHANJING_APP_ID", "CHANJING_SECRET_KEY", "CHANJING_BASE_ADDRESS"];

    /// <summary>The tool's entry assembly, built next to this test project in the same configuration.</summary>
    public static string ToolPath
    {
        get
        {
            var configuration = typeof(CliProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
            var path = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Chanjing.Cli", "bin", configuration, "net10.0", "chanjing.dll"));
            Assert.True(File.Exists(path), $"The tool was not built at {path}.");
            return path;
        }
    }

    public static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string>? environment, string? workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        start.ArgumentList.Add(ToolPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in Variables)
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return start;
    }

    public static Task<CliResult> RunInAsync(IReadOnlyDictionary<string, string>? environment, string? workingDirectory, params string[] arguments) =>
        RunWithInputAsync(environment, workingDirectory, null, arguments);

    /// <summary>Runs the tool with <paramref name="stdin"/> (UTF-8) on its standard input, then closes it.</summary>
    public static async Task<CliResult> RunWithInputAsync(IReadOnlyDictionary<string, string>? environment, string? workingDirectory, string? stdin, params string[] arguments)
    {
        var start = StartInfo(environment, workingDirectory, arguments);
        start.StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        using var process = Process.Start(start)!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var guard = new CancellationTokenSource(Bound);
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"chanjing {string.Join(' ', arguments)} did not end within {Bound}.");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    public static Task<CliResult> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] arguments) => RunInAsync(environment, null, arguments);

    /// <summary>Sends SIGINT, as Ctrl+C in a terminal does (through the shell's kill builtin).</summary>
    public static void Interrupt(Process process)
    {
        using var kill = Process.Start(new ProcessStartInfo("sh") { ArgumentList = { "-c", $"kill -INT {process.Id}" }, UseShellExecute = false })!;
        Assert.True(kill.WaitForExit(TimeSpan.FromSeconds(10)), "kill did not return");
        Assert.Equal(0, kill.ExitCode);
    }
}
