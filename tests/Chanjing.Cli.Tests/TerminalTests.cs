using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Chanjing.Cli.Tests;

/// <summary>The live display in a real terminal: tmux runs the tool, capture-pane reads the screen.</summary>
public sealed partial class TerminalTests
{
    [Fact]
    public async Task Create_InATerminal_ShowsLiveStatusWithElapsedTime_ThenByteProgressBars()
    {
        if (!File.Exists("/usr/bin/tmux") && !File.Exists("/usr/local/bin/tmux"))
        {
            Assert.Skip("tmux is not installed (.ci/run installs it).");
        }

        using var temp = new TempDirectory();
        var socket = "chanjing-cli-test-" + Guid.NewGuid().ToString("N")[..8];
        var command = $"cd '{temp.Path}' && dotnet '{CliProcess.ToolPath}' create --emulator --model doubao-seedream-4.5 --prompt 'a tea house' --count 2 --output out; echo \"EXIT=$?\"; read -r line";
        try
        {
            Tmux(socket, "new-session", "-d", "-x", "160", "-y", "40", "sh", "-c", command);

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

        Assert.Fail("The screen never showed what was expected; last screen:\n" + screen);
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
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(10)), "tmux did not return");
        return output;
    }

    [GeneratedRegex(@"00:00:0\d")]
    private static partial Regex ElapsedPattern();
}
