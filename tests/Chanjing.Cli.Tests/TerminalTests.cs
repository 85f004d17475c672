using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Chanjing.Cli.Tests;

/// <summary>The live display in a real terminal: tmux runs the tool, capture-pane reads the screen.</summary>
public sealed partial class TerminalTests(TestEmulator service) : IClassFixture<TestEmulator>
{
    [Fact]
    public async Task Create_InATerminal_ShowsLiveStatusWithElapsedTime_ThenByteProgressBars()
    {
        RequireTmux();
        using var temp = new TempDirectory();
        var socket = "chanjing-cli-test-" + Guid.NewGuid().ToString("N")[..8];
        var command = $"cd '{temp.Path}' && dotnet '{CliProcess.ToolPath}' create --emulator --model doubao-seedream-4.5 --prompt 'a tea house' --count 2 --output out; echo \"EXIT=$?\"";
        try
        {
            Start(socket, command);

            var live = await PollAsync(socket, screen => screen.Contains("Generating", StringComparison.Ordinal) && ElapsedPattern().IsMatch(screen));
            Assert.DoesNotContain("EXIT=", live, StringComparison.Ordinal);
            Assert.DoesNotContain("%", live, StringComparison.Ordinal);
            Assert.DoesNotContain("not a percentage", live, StringComparison.Ordinal);

            var done = await PollAsync(socket, screen => screen.Contains("EXIT=", StringComparison.Ordinal));
            Assert.Contains("EXIT=0", done, StringComparison.Ordinal);
            Assert.Contains("Success", done, StringComparison.Ordinal);
            Assert.Contains("100%", done, StringComparison.Ordinal);
            Assert.Contains("━", done, StringComparison.Ordinal);
            var saved = Directory.GetFiles(Path.Combine(temp.Path, "out")).Select(Path.GetFileName).ToArray();
            Assert.Equal(2, saved.Length);
            Assert.All(saved, name => Assert.Contains("out/" + name, done, StringComparison.Ordinal));
        }
        finally
        {
            Tmux(socket, "kill-server");
        }
    }

    [Fact]
    public async Task CtrlC_InATerminal_StopsTheLiveDisplay_AndPrintsTheResumeCommand()
    {
        RequireTmux();
        service.SlowTasks();
        var socket = "chanjing-cli-test-" + Guid.NewGuid().ToString("N")[..8];
        var variables = string.Join(' ', service.Environment.Select(v => $"{v.Key}='{v.Value}'"));
        // The shell traps SIGINT (with a handler, so the tool still gets it) to live on and print the exit code.
        var command = $"trap : INT; env {variables} dotnet '{CliProcess.ToolPath}' create --model happyhorse-1.0-t2v --prompt 'a long ride'; echo \"EXIT=$?\"";
        try
        {
            Start(socket, command);
            var live = await PollAsync(socket, screen => screen.Contains("Generating", StringComparison.Ordinal));
            var taskId = TaskIdPattern().Match(live).Groups["id"].Value;
            Assert.False(string.IsNullOrEmpty(taskId), live);

            Tmux(socket, "send-keys", "-t", "0", "C-c");
            var done = await PollAsync(socket, screen => screen.Contains("EXIT=", StringComparison.Ordinal));

            Assert.Contains("EXIT=130", done, StringComparison.Ordinal);
            Assert.Contains("keeps running", done, StringComparison.Ordinal);
            Assert.Contains($"chanjing task wait {taskId}", done, StringComparison.Ordinal);
            Assert.False((await service.Client.GetTaskAsync(taskId)).Status.IsTerminal);
        }
        finally
        {
            Tmux(socket, "kill-server");
        }
    }

    /// <summary>A 160x40 terminal running <paramref name="command"/>; the pane stays (remain-on-exit) so its last screen can be read.</summary>
    private static void Start(string socket, string command)
    {
        Tmux(socket, "new-session", "-d", "-x", "160", "-y", "40");
        Tmux(socket, "set-option", "-t", "0", "remain-on-exit", "on");
        Tmux(socket, "respawn-pane", "-k", "-t", "0", "sh", "-c", command);
    }

    private static void RequireTmux()
    {
        if (!File.Exists("/usr/bin/tmux") && !File.Exists("/usr/local/bin/tmux"))
        {
            Assert.Skip("tmux is not installed (.ci/run installs it).");
        }
    }

    private static async Task<string> PollAsync(string socket, Func<string, bool> condition)
    {
        var clock = Stopwatch.StartNew();
        var screen = string.Empty;
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            screen = Tmux(socket, "capture-pane", "-p", "-t", "0");
            if (condition(screen))
            {
                return screen;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"The screen never showed what was expected; sessions: {Tmux(socket, "list-sessions")}; last screen:\n{screen}");
        return screen;
    }

    private static string Tmux(string socket, params string[] arguments)
    {
        var start = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-L");
        start.ArgumentList.Add(socket);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["TERM"] = "xterm-256color";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(10)), "tmux did not return");
        Assert.True(process.ExitCode == 0 || arguments[0] is "kill-server" or "list-sessions", $"tmux {arguments[0]} failed: {error.Result}");
        return output;
    }

    [GeneratedRegex(@"Submitted task (?<id>[0-9a-f-]{36})")]
    private static partial Regex TaskIdPattern();

    [GeneratedRegex(@"00:00:0\d")]
    private static partial Regex ElapsedPattern();
}
