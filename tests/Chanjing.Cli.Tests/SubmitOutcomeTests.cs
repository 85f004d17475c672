using System.Text.Json;
using Chanjing.Emulator;

namespace Chanjing.Cli.Tests;

/// <summary>
/// Two runs of the tool submitting one prompt for one account: a run whose answer was lost never exits 0 with a task,
/// least of all the other run's (issue 22, R2). The tool never claims a candidate: it prints them and how to wait on one.
/// </summary>
public sealed class SubmitOutcomeTests(TestEmulator service) : IClassFixture<TestEmulator>
{
    private static string[] Create(string prompt) => ["create", "--model", "happyhorse-1.0-t2v", "--prompt", prompt, "--no-wait", "--json"];

    [Fact]
    public async Task Create_SecondRunsPostDroppedBeforeTheServiceHandlesIt_ExitsOneAndNeverPrintsTheFirstRunsTask()
    {
        var prompt = $"a templated prompt {Guid.NewGuid():N}";
        var first = await CliProcess.RunAsync(service.Environment, Create(prompt));
        Assert.True(first.ExitCode == 0, first.ToString());
        var firstTask = JsonDocument.Parse(first.Stdout).RootElement.GetProperty("taskId").GetString()!;
        service.Emulator.AddFault(EmulatorEndpoint.Submit, EmulatorFault.AbortBeforeProcessing());

        var second = await CliProcess.RunAsync(service.Environment, Create(prompt));

        Assert.True(second.ExitCode == 1, second.ToString());
        var error = JsonDocument.Parse(second.Stdout).RootElement.GetProperty("error");
        Assert.False(error.TryGetProperty("taskId", out _), second.ToString());
        // The first run's task may be listed as a candidate (same prompt, created moments before), never as this run's.
        var candidates = error.GetProperty("candidateTaskIds").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.All(candidates, c => Assert.Equal(firstTask, c));
        Assert.Contains("chanjing task list", second.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_TwoParallelRunsOneAnswerLostAfterItsTaskWasCreated_TheLostRunExitsOneListingItsCandidates()
    {
        service.Emulator.AddFault(EmulatorEndpoint.Submit, EmulatorFault.AbortAfterProcessing());

        var prompt = $"a templated prompt {Guid.NewGuid():N}";
        var runs = await Task.WhenAll(CliProcess.RunAsync(service.Environment, Create(prompt)), CliProcess.RunAsync(service.Environment, Create(prompt)));

        var succeeded = Assert.Single(runs, r => r.ExitCode == 0);
        var lost = Assert.Single(runs, r => r.ExitCode == 1);
        Assert.False(string.IsNullOrEmpty(JsonDocument.Parse(succeeded.Stdout).RootElement.GetProperty("taskId").GetString()));
        var lostDocument = JsonDocument.Parse(lost.Stdout).RootElement;
        Assert.False(lostDocument.TryGetProperty("taskId", out _), lost.ToString()); // no task taken as its own
        var error = lostDocument.GetProperty("error");
        Assert.False(error.TryGetProperty("taskId", out _), lost.ToString());
        var candidates = error.GetProperty("candidateTaskIds").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.NotEmpty(candidates); // its own task at least; the tool names them and does not choose
        Assert.Contains($"chanjing task wait {candidates[0]}", lost.Stderr, StringComparison.Ordinal);
    }
}
