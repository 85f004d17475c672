using Chanjing.Emulator;

namespace Chanjing.Sdk.IntegrationTests.Submits;

public sealed class SubmitSafetyTests
{
    [Fact]
    public async Task Submit_AttemptTimeoutAndNoTaskCreated_OneRequestReachedServerAndOutcomeUnknown()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator, o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(300);
            o.Reconciliation.Attempts = 2;
        });
        emulator.AddFault(EmulatorEndpoint.Submit, EmulatorFault.Delayed(TimeSpan.FromSeconds(30)));

        var error = await Assert.ThrowsAsync<ChanjingSubmitOutcomeUnknownException>(() => client.SubmitReferenceVideoAsync(Support.Request()));

        Assert.Equal(1, emulator.CountRequests(EmulatorEndpoint.Submit));
        Assert.Equal(0, emulator.TaskCount);
        Assert.Equal(2, emulator.CountRequests(EmulatorEndpoint.ListTasks));
        Assert.Contains("was not sent again", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_TaskCreatedThenConnectionDropped_ReportedAsTheOneCandidateAndNotReturned()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        emulator.AddFault(EmulatorEndpoint.Submit, EmulatorFault.AbortAfterProcessing());

        var error = await Assert.ThrowsAsync<ChanjingSubmitOutcomeUnknownException>(() => client.SubmitReferenceVideoAsync(Support.Request()));

        Assert.Equal(1, emulator.CountRequests(EmulatorEndpoint.Submit));
        Assert.Equal(1, emulator.TaskCount);
        var candidate = Assert.Single(error.CandidateTaskIds);
        Assert.Equal(candidate, (await client.GetTaskAsync(candidate)).Id);
    }

    [Fact]
    public async Task Submit_TaskCreatedThenConnectionDroppedAndClaimingOn_IdRecoveredByReconciliationAndOneTaskExists()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator, o => o.Reconciliation.ClaimUniqueMatch = true);
        emulator.AddFault(EmulatorEndpoint.Submit, EmulatorFault.AbortAfterProcessing());

        // A prompt of its own: submits of earlier tests to an emulator that had this port could own a task like it.
        var id = await client.SubmitReferenceVideoAsync(Support.Request($"a horse gallops {Guid.NewGuid():N}"));

        Assert.Equal(1, emulator.CountRequests(EmulatorEndpoint.Submit));
        Assert.Equal(1, emulator.TaskCount);
        Assert.Equal(id, (await client.GetTaskAsync(id)).Id);
    }

    [Fact]
    public async Task Submit_ServerError50000_NotResubmitted()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator, o => o.Reconciliation.Enabled = false);
        emulator.AddFault(EmulatorEndpoint.Submit, EmulatorFault.WithCode(50000));

        await Assert.ThrowsAsync<ChanjingSubmitOutcomeUnknownException>(() => client.SubmitReferenceVideoAsync(Support.Request()));

        Assert.Equal(1, emulator.CountRequests(EmulatorEndpoint.Submit));
    }

    [Fact]
    public async Task Submit_RateLimitedTwice_ThreeRequestsOneTask()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        emulator.AddFault(EmulatorEndpoint.Submit, EmulatorFault.WithCode(40001), count: 2);

        var id = await client.SubmitReferenceVideoAsync(Support.Request());

        Assert.Equal(3, emulator.CountRequests(EmulatorEndpoint.Submit));
        Assert.Equal(1, emulator.TaskCount);
        Assert.False(string.IsNullOrEmpty(id));
    }

    [Fact]
    public async Task Submit_TokenInvalidatedByAnotherFetch_RefreshesAndSubmitsOnce()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        await client.SubmitReferenceVideoAsync(Support.Request());
        emulator.InvalidateAccessToken();

        await client.SubmitReferenceVideoAsync(Support.Request("second"));

        Assert.Equal(3, emulator.CountRequests(EmulatorEndpoint.Submit));
        Assert.Equal(2, emulator.TaskCount);
        Assert.Equal(2, emulator.CountRequests(EmulatorEndpoint.AccessToken));
    }

    [Fact]
    public async Task Emulators_StartedOneAfterAnotherOnTheSamePort_AreSeparateAccounts()
    {
        // A test suite starts hundreds of emulators; the kernel hands a closed one's port to a later one. The SDK shares
        // tokens process-wide by address and app id, so two emulators with one app id on one port looked like one account
        // whose tokens the second one had forgotten: a stray 10400 and a second submit request (a flaky count in CI).
        // Restarted from the same options object, as a fixture would: each start is still a new account.
        var options = Support.FastEmulator();
        Uri address;
        await using (var first = await ChanjingEmulator.StartAsync(options))
        {
            using var client = Support.Client(first);
            await client.SubmitReferenceVideoAsync(Support.Request());
            address = first.BaseAddress;
        }

        options.Url = address.GetLeftPart(UriPartial.Authority);
        await using var second = await ChanjingEmulator.StartAsync(options);
        using var next = Support.Client(second);

        await next.SubmitReferenceVideoAsync(Support.Request());

        Assert.Equal(address, second.BaseAddress);
        Assert.Equal(1, second.CountRequests(EmulatorEndpoint.Submit));
        Assert.Equal(1, second.CountRequests(EmulatorEndpoint.AccessToken));
    }
}
