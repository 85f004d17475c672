using System.Text.Json;
using Chanjing.Sdk.Internal.Requests;
using Chanjing.Sdk.Internal.Endpoints;
using Chanjing.Sdk.Internal.Submits;

namespace Chanjing.Sdk.Tests.Submits;

/// <summary>The process-wide registry of submits: what it keeps, and that keeping it stays cheap at volume.</summary>
public sealed class SubmitRegistryTests
{
    private static SubmitFingerprint Fingerprint() => SubmitDraft.Create(TaskService.Request()).Fingerprint();

    private static CreationTask Matching(string id)
    {
        using var document = JsonDocument.Parse(TaskService.Listed(id, DateTimeOffset.UtcNow).ToJsonString());
        return TaskReader.ReadTask(document.RootElement.Clone());
    }

    /// <summary>
    /// A submit whose answer names a task an earlier claim already handed out knows its own task: it must not stay
    /// registered as one that "could own" any matching task, or it blocks every later claim of an identical request
    /// for hours, and the registry grows by one entry per such submit.
    /// </summary>
    [Fact]
    public void Registration_AnswerAlreadyReturnedElsewhere_IsSettled_AndBlocksNoClaim()
    {
        var registry = SubmitRegistry.CreateForTests();
        var time = TimeProvider.System;
        Assert.True(registry.Returned("task-x", time)); // claimed earlier by another submit

        var late = registry.Begin(Fingerprint(), time);
        Assert.False(late.Returned("task-x"));
        late.Close(mayHaveCreated: true); // what the submit's finally does after a successful send

        var claimer = registry.Begin(Fingerprint(), time);
        Assert.False(claimer.AnotherCouldOwn(Matching("task-y")));
        Assert.Equal(1, registry.OpenCount); // only the claimer itself
    }

    /// <summary>A submit that ended without an answer still blocks claims of tasks it could own (the control of the test above).</summary>
    [Fact]
    public void Registration_EndedWithoutAnswer_BlocksClaimsOfMatchingTasks()
    {
        var registry = SubmitRegistry.CreateForTests();
        var lost = registry.Begin(Fingerprint(), TimeProvider.System);
        lost.Close(mayHaveCreated: true);

        var claimer = registry.Begin(Fingerprint(), TimeProvider.System);

        Assert.True(claimer.AnotherCouldOwn(Matching("task-y")));
    }

    /// <summary>
    /// 20,000 submits within the keep window (nothing old enough to forget): the registry scans itself for old entries
    /// a handful of times, not once per submit past 4,096 (which made every submit O(n) at volume).
    /// </summary>
    [Fact]
    public void Registry_ManySubmitsWithinTheWindow_PrunesAFewTimes_NotOncePerSubmit()
    {
        var registry = SubmitRegistry.CreateForTests();
        for (var i = 0; i < 20_000; i++)
        {
            var registration = registry.Begin(Fingerprint(), TimeProvider.System);
            Assert.True(registration.Returned("task-" + i));
        }

        Assert.InRange(registry.Prunes, 1, 4);
        Assert.True(registry.WasReturned("task-0"));
        Assert.True(registry.WasReturned("task-19999"));
    }
}
