using System.Collections;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Chanjing.Sdk.Internal.Diagnostics;
using Chanjing.Sdk.Internal.Pipeline;
using Chanjing.Sdk.Internal.Requests;
using Chanjing.Sdk.Internal.Endpoints;
using Chanjing.Sdk.Internal.Submits;

namespace Chanjing.Sdk.Tests.Submits;

/// <summary>The process-wide registry of submits: what it keeps, and that keeping it stays cheap at volume.</summary>
public sealed class SubmitRegistryTests
{
    private static SubmitFingerprint Fingerprint() => SubmitDraft.Create(TaskService.Request()).Fingerprint();

    private static CreationTask Matching(string id, DateTimeOffset? created = null)
    {
        using var document = JsonDocument.Parse(TaskService.Listed(id, created ?? DateTimeOffset.UtcNow).ToJsonString());
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
        Assert.False(late.Answered("task-x")); // the service's own answer names it
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

    /// <summary>
    /// A submit whose answer was lost reconciles and finds its single exact match, but another identical submit claims
    /// that task between the look-up and this submit's claim (its <c>Returned</c> answers false). This submit does not
    /// know its task: when it ends unknown it must keep blocking claims of tasks it could own, or a third identical
    /// submit can be handed this submit's real task.
    /// </summary>
    [Fact]
    public async Task Reconcile_ClaimLostToAnotherSubmitMeanwhile_SubmitEndsUnknown_StillBlocksClaimsOfTasksItCouldOwn()
    {
        var registry = SubmitRegistry.CreateForTests();
        var time = TimeProvider.System;
        var startedAt = time.GetUtcNow();
        var clock = new ServerClock();
        clock.Observe(startedAt, startedAt);
        var self = registry.Begin(Fingerprint(), time);
        self.ListedBefore = [];
        var other = registry.Begin(Fingerprint(), time); // an identical submit, reconciling at the same time
        var listed = new ClaimedByAnotherOnceListed([Matching("task-x", startedAt + TimeSpan.FromSeconds(1))], () => Assert.True(other.Returned("task-x")));
        var options = new ChanjingOptions();
        options.Reconciliation.Attempts = 1;
        options.Reconciliation.ClaimUniqueMatch = true;
        using var meter = new Meter("test-" + Guid.NewGuid().ToString("N"));

        var found = await SubmitReconciler.ReconcileAsync(
            (_, _) => Task.FromResult<IReadOnlyList<CreationTask>>(listed), self, startedAt, clock, options, new ChanjingTelemetry(meter), TestContext.Current.CancellationToken);
        self.Close(mayHaveCreated: true); // what the submit's finally does: its outcome is unknown

        Assert.Null(found.ClaimedTaskId);
        Assert.Equal("another submit returned it meanwhile", found.NotClaimedBecause);
        var claimer = registry.Begin(Fingerprint(), time);
        Assert.True(claimer.AnotherCouldOwn(Matching("task-y")));
    }

    /// <summary>A listing that, once read to its end, runs <c>meanwhile</c> (what another thread does between the look-up and the claim).</summary>
    private sealed class ClaimedByAnotherOnceListed(IReadOnlyList<CreationTask> tasks, Action meanwhile) : IReadOnlyList<CreationTask>
    {
        private int _ran;

        public int Count => tasks.Count;

        public CreationTask this[int index] => tasks[index];

        public IEnumerator<CreationTask> GetEnumerator()
        {
            foreach (var task in tasks)
            {
                yield return task;
            }

            if (Interlocked.Exchange(ref _ran, 1) == 0)
            {
                meanwhile();
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
