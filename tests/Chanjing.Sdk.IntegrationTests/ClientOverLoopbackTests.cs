using Chanjing.Emulator;

namespace Chanjing.Sdk.IntegrationTests;

public sealed class ClientOverLoopbackTests
{
    [Fact]
    public async Task SubmitGetList_AgainstEmulator_RoundTrip()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var request = Support.Request();
        request.AspectRatio = AspectRatio.Portrait9x16;
        request.Clarity = VideoClarity.P720;
        request.DurationSeconds = 10;

        var id = await client.SubmitReferenceVideoAsync(request);
        var task = await client.GetTaskAsync(id);
        var listed = await client.ListTasksAsync(new CreationTaskQuery { TaskIds = { id } }).ToListAsync();

        Assert.Equal(id, task.Id);
        Assert.Equal(CreationType.Video, task.Type);
        Assert.Equal("happyhorse-1.0-r2v", task.ModelCode);
        Assert.Equal(request.Prompt, task.VideoSettings!.Prompt);
        Assert.Equal((720, "9:16", 10), (task.VideoSettings.Clarity, task.VideoSettings.AspectRatio, task.VideoSettings.DurationSeconds));
        Assert.Equal(request.ReferenceImageUrls, task.ReferenceImageUrls);
        Assert.Equal(id, Assert.Single(listed).Id);
        Assert.Equal(1, emulator.CountRequests(EmulatorEndpoint.AccessToken));
        Assert.All(emulator.Journal.Where(r => r.Endpoint != EmulatorEndpoint.AccessToken), r => Assert.True(r.AccessToken));
    }

    public static TheoryData<EmulatorFault, Type, int?> Faults() => new()
    {
        { EmulatorFault.WithCode(400), typeof(ChanjingBadRequestException), 400 },
        { EmulatorFault.WithCode(40000), typeof(ChanjingInvalidParameterException), 40000 },
        { EmulatorFault.WithCode(40001), typeof(ChanjingRateLimitException), 40001 },
        { EmulatorFault.WithCode(50000), typeof(ChanjingServerException), 50000 },
        { EmulatorFault.WithCode(77777), typeof(ChanjingException), 77777 },
        { EmulatorFault.WithHttpStatus(502), typeof(ChanjingException), null },
        { EmulatorFault.Malformed(), typeof(ChanjingException), null },
        { EmulatorFault.AbortBeforeProcessing(), typeof(ChanjingException), null },
        { EmulatorFault.AbortAfterProcessing(), typeof(ChanjingException), null },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task GetTaskAsync_ScriptedFault_SurfacesAsItsExceptionType(EmulatorFault fault, Type expected, int? code)
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator, o => o.Retry.MaxAttempts = 0);
        var id = await client.SubmitReferenceVideoAsync(Support.Request());
        emulator.AddFault(EmulatorEndpoint.GetTask, fault);

        var error = await Assert.ThrowsAnyAsync<ChanjingException>(() => client.GetTaskAsync(id));

        Assert.Equal(expected, error.GetType());
        Assert.Equal(code, error.Code);
        if (fault.Kind == EmulatorFaultKind.HttpStatus)
        {
            Assert.Equal(System.Net.HttpStatusCode.BadGateway, error.StatusCode);
            Assert.Contains("502 Bad Gateway", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task GetTaskAsync_TransientFaultsWithinRetries_Succeeds()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator, o => o.Retry.MaxAttempts = 3);
        var id = await client.SubmitReferenceVideoAsync(Support.Request());
        emulator.AddFault(EmulatorEndpoint.GetTask, EmulatorFault.WithCode(50000));
        emulator.AddFault(EmulatorEndpoint.GetTask, EmulatorFault.WithHttpStatus(503));
        emulator.AddFault(EmulatorEndpoint.GetTask, EmulatorFault.AbortBeforeProcessing());

        var task = await client.GetTaskAsync(id);

        Assert.Equal(id, task.Id);
        Assert.Equal(4, emulator.CountRequests(EmulatorEndpoint.GetTask));
    }

    [Fact]
    public async Task GetTaskAsync_SlowBody_StillParsed()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var id = await client.SubmitReferenceVideoAsync(Support.Request());
        emulator.AddFault(EmulatorEndpoint.GetTask, EmulatorFault.Slow(TimeSpan.FromMilliseconds(5)));

        Assert.Equal(id, (await client.GetTaskAsync(id)).Id);
    }

    [Fact]
    public async Task WaitForCompletionAsync_OverLoopback_SucceedsWithProgressPerStatus()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var statuses = new List<string>();
        var progress = new SyncProgress(t => statuses.Add(t.Status.Value));

        var task = await client.GenerateReferenceVideoAsync(Support.Request(), Support.FastWait, progress);

        Assert.True(task.Status.IsSuccess);
        Assert.Single(task.OutputUrls);
        Assert.Equal("Success", statuses[^1]);
        Assert.Equal(statuses.Distinct().Count(), statuses.Count);
    }

    [Fact]
    public async Task WaitForCompletionAsync_FailureMarker_ThrowsTaskFailed()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);

        var error = await Assert.ThrowsAsync<ChanjingTaskFailedException>(() => client.GenerateReferenceVideoAsync(Support.Request("a horse [emulator:fail]"), Support.FastWait));

        Assert.Equal(CreationTaskStatus.Error, error.Task!.Status);
        Assert.Contains("不消耗蝉豆", error.Task.ErrorMessage, StringComparison.Ordinal);
        Assert.NotNull(error.TaskId);
    }

    [Fact]
    public async Task WaitForCompletionAsync_UnknownStatusThenSuccess_KeepsWaiting()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var id = await client.SubmitReferenceVideoAsync(Support.Request());
        emulator.SetTaskStatus(id, "Cancelling");
        var seen = new TaskCompletionSource();
        var progress = new SyncProgress(t =>
        {
            if (t.Status.Value == "Cancelling")
            {
                seen.TrySetResult();
            }
        });

        var wait = client.WaitForCompletionAsync(id, Support.FastWait, progress);
        await seen.Task.WaitAsync(TimeSpan.FromSeconds(20));
        emulator.SetTaskStatus(id, "Success");

        Assert.True((await wait).Status.IsSuccess);
    }

    [Fact]
    public async Task WaitForAllAsync_OverLoopback_YieldsEachTaskOnceWithListCalls()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await client.SubmitReferenceVideoAsync(Support.Request(i == 2 ? "fails [emulator:fail]" : $"horse {i}")));
        }

        var finished = new List<CreationTask>();
        await foreach (var task in client.WaitForAllAsync(ids, Support.FastWait))
        {
            finished.Add(task);
        }

        Assert.Equal(ids.Order(), finished.Select(t => t.Id).Order());
        Assert.Equal(1, finished.Count(t => t.Status.IsFailure));
        Assert.Equal(0, emulator.CountRequests(EmulatorEndpoint.GetTask));
    }

    private sealed class SyncProgress(Action<CreationTask> report) : IProgress<CreationTask>
    {
        public void Report(CreationTask value) => report(value);
    }
}
