using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Chanjing.Emulator;

namespace Chanjing.Cli.Tests;

/// <summary>Ctrl+C (SIGINT): waits stop cleanly, say the task keeps running and print the command that resumes them.</summary>
public sealed class InterruptTests(TestEmulator service) : IClassFixture<TestEmulator>
{
    [Fact]
    public async Task Create_Interrupted_SaysTheTaskKeepsRunning_AndHowToResume()
    {
        service.SlowTasks();
        using var process = Process.Start(CliProcess.StartInfo(service.Environment, null, "create", "--model", "happyhorse-1.0-t2v", "--prompt", "a long ride"))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var seen = await ReadUntilAsync(process.StandardError, "Submitted task ");
        var taskId = seen[(seen.LastIndexOf("Submitted task ", StringComparison.Ordinal) + "Submitted task ".Length)..].Split('\n')[0].Trim();

        CliProcess.Interrupt(process);
        var rest = await process.StandardError.ReadToEndAsync().WaitAsync(CliProcess.Bound);
        await process.WaitForExitAsync().WaitAsync(CliProcess.Bound);

        Assert.True(process.ExitCode == 130, $"exit {process.ExitCode}\n{seen}{rest}");
        Assert.Contains("keeps running", rest, StringComparison.Ordinal);
        Assert.Contains("charged", rest, StringComparison.Ordinal);
        Assert.Contains($"chanjing task wait {taskId}", rest, StringComparison.Ordinal);
        Assert.Equal(string.Empty, await stdout);
        Assert.False((await service.Client.GetTaskAsync(taskId)).Status.IsTerminal);
    }

    [Fact]
    public async Task TaskWait_Interrupted_JsonDocumentNamesTheUnfinishedTasks()
    {
        service.SlowTasks();
        var id = await service.Client.SubmitAsync(new Chanjing.Sdk.TextToVideoRequest { ModelCode = "happyhorse-1.0-t2v", Prompt = "waiting", AspectRatio = Chanjing.Sdk.AspectRatio.Square1x1, Clarity = Chanjing.Sdk.VideoClarity.P720, DurationSeconds = 5 });
        using var process = Process.Start(CliProcess.StartInfo(service.Environment, null, "task", "wait", id, "--json"))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var seen = await ReadUntilAsync(process.StandardError, "Waiting for task");

        CliProcess.Interrupt(process);
        var rest = await process.StandardError.ReadToEndAsync().WaitAsync(CliProcess.Bound);
        await process.WaitForExitAsync().WaitAsync(CliProcess.Bound);

        Assert.True(process.ExitCode == 130, $"exit {process.ExitCode}\n{seen}{rest}");
        Assert.Contains($"chanjing task wait {id}", rest, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(await stdout);
        Assert.Equal(id, Assert.Single(document.RootElement.GetProperty("unfinished").EnumerateArray()).GetString());
        Assert.Equal($"chanjing task wait {id}", document.RootElement.GetProperty("resumeCommand").GetString());
    }

    [Fact]
    public async Task Create_Json_InterruptedWhileSubmitting_ExitsInterrupted_AndStillPrintsTheDocument()
    {
        var submitsBefore = service.Emulator.CountRequests(EmulatorEndpoint.Submit);
        service.Emulator.AddFault(EmulatorEndpoint.Submit, EmulatorFault.Delayed(TimeSpan.FromMinutes(5)));
        using var process = Process.Start(CliProcess.StartInfo(service.Environment, null, "create", "--model", "happyhorse-1.0-t2v", "--prompt", "a held submit", "--json"))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var seen = await ReadUntilAsync(process.StandardError, "Submitting");
        // Interrupted only once the held submit reached the emulator: else the fault would stay queued and hold the
        // next test's submit past its attempt timeout.
        await ArrivedAsync(EmulatorEndpoint.Submit, submitsBefore);

        CliProcess.Interrupt(process);
        var rest = await process.StandardError.ReadToEndAsync().WaitAsync(CliProcess.Bound);
        await process.WaitForExitAsync().WaitAsync(CliProcess.Bound);

        Assert.True(process.ExitCode == 130, $"exit {process.ExitCode}\n{seen}{rest}");
        Assert.Contains("may or may not have been created", rest, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(await stdout);
        var error = document.RootElement.GetProperty("error");
        Assert.Equal(130, error.GetProperty("exitCode").GetInt32());
        Assert.Contains("may or may not have been created", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_Json_InterruptedWhileDownloading_ExitsInterrupted_AndPrintsTheDocumentWithTheTaskId()
    {
        service.Emulator.Options.GeneratingDuration = TimeSpan.FromMilliseconds(200);
        var downloadsBefore = service.Emulator.CountRequests(EmulatorEndpoint.Download);
        service.Emulator.AddFault(EmulatorEndpoint.Download, EmulatorFault.Delayed(TimeSpan.FromMinutes(5)));
        using var temp = new TempDirectory();
        using var process = Process.Start(CliProcess.StartInfo(service.Environment, temp.Path, "create", "--model", "happyhorse-1.0-t2v", "--prompt", "a held download", "--output", "out", "--json"))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var seen = await ReadUntilAsync(process.StandardError, "Downloading");
        await ArrivedAsync(EmulatorEndpoint.Download, downloadsBefore);
        var taskId = seen[(seen.IndexOf("Submitted task ", StringComparison.Ordinal) + "Submitted task ".Length)..].Split('\n')[0].Trim();

        CliProcess.Interrupt(process);
        var rest = await process.StandardError.ReadToEndAsync().WaitAsync(CliProcess.Bound);
        await process.WaitForExitAsync().WaitAsync(CliProcess.Bound);

        Assert.True(process.ExitCode == 130, $"exit {process.ExitCode}\n{seen}{rest}");
        Assert.Contains($"chanjing task download {taskId}", rest, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(await stdout);
        var error = document.RootElement.GetProperty("error");
        Assert.Equal(130, error.GetProperty("exitCode").GetInt32());
        Assert.Equal(taskId, error.GetProperty("taskId").GetString());
    }

    [Fact]
    public async Task Emulator_ServesTheTool_UntilCtrlC()
    {
        using var temp = new TempDirectory();
        using var emulator = Process.Start(CliProcess.StartInfo(null, null, "emulator", "--urls", "http://127.0.0.1:0"))!;
        var stderr = emulator.StandardError.ReadToEndAsync();
        var environment = new Dictionary<string, string>();
        using (var guard = new CancellationTokenSource(CliProcess.Bound))
        {
            while (environment.Count < 3)
            {
                var line = await emulator.StandardOutput.ReadLineAsync(guard.Token) ?? throw new InvalidOperationException("the emulator's stdout ended: " + await stderr);
                Assert.StartsWith("export CHANJING_", line, StringComparison.Ordinal);
                var pair = line["export ".Length..].Split('=', 2);
                environment[pair[0]] = pair[1];
            }
        }

        var result = await CliProcess.RunInAsync(environment, temp.Path, "create", "--model", "doubao-seedream-4.0", "--prompt", "a bridge", "--json");
        CliProcess.Interrupt(emulator);
        await emulator.WaitForExitAsync().WaitAsync(CliProcess.Bound);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        Assert.Single(document.RootElement.GetProperty("files").EnumerateArray());
        Assert.Equal(0, emulator.ExitCode);
        Assert.Contains("Emulator stopped", await stderr, StringComparison.Ordinal);
    }

    /// <summary>Reads stderr until <paramref name="marker"/> appears (bounded), returning what was read.</summary>
    internal static async Task<string> ReadUntilAsync(StreamReader reader, string marker)
    {
        var seen = new StringBuilder();
        using var guard = new CancellationTokenSource(CliProcess.Bound);
        while (!seen.ToString().Contains(marker, StringComparison.Ordinal))
        {
            var line = await reader.ReadLineAsync(guard.Token) ?? throw new InvalidOperationException($"stderr ended before '{marker}':\n{seen}");
            seen.AppendLine(line);
        }

        return seen.ToString();
    }

    /// <summary>Waits (bounded) until a request to <paramref name="endpoint"/> beyond the first <paramref name="before"/> has reached the emulator.</summary>
    private async Task ArrivedAsync(EmulatorEndpoint endpoint, int before)
    {
        using var bound = new CancellationTokenSource(CliProcess.Bound);
        while (service.Emulator.CountRequests(endpoint) <= before)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), bound.Token);
        }
    }
}
