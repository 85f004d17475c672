using System.Text.Json;
using Chanjing.Emulator;

namespace Chanjing.Cli.Tests;

/// <summary>A task that succeeded (and is charged) but whose outputs could not be saved: the failure names the task.</summary>
public sealed class DownloadFailureTests(TestEmulator service) : IClassFixture<TestEmulator>
{
    [Fact]
    public async Task Create_Json_TaskSucceededButDownloadFailed_ErrorDocumentCarriesTheTaskId()
    {
        service.Emulator.AddFault(EmulatorEndpoint.Download, EmulatorFault.WithHttpStatus(403), count: 50);
        using var temp = new TempDirectory();

        var result = await CliProcess.RunInAsync(service.Environment, temp.Path, "create", "--model", "happyhorse-1.0-t2v", "--prompt", "a paid horse", "--output", "out", "--json");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        var error = document.RootElement.GetProperty("error");
        var taskId = error.GetProperty("taskId").GetString()!;
        Assert.True((await service.Client.GetTaskAsync(taskId)).Status.IsSuccess);
        Assert.Equal(1, error.GetProperty("exitCode").GetInt32());
        Assert.Contains($"chanjing task download {taskId}", result.Stderr, StringComparison.Ordinal);
    }
}
