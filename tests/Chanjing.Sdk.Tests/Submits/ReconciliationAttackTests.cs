using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Chanjing.Sdk.Tests.TestSupport;

namespace Chanjing.Sdk.Tests.Submits;

/// <summary>
/// Review of issue 22: attacks on "a user of one app never receives another user's video" with
/// <see cref="ChanjingReconciliationOptions.ClaimUniqueMatch"/> on, in the one-process setting where it is documented safe.
/// </summary>
public sealed class ReconciliationAttackTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    /// <summary>An HTTP Date header has whole seconds: the service's clock as it reaches the client, truncated.</summary>
    private static DateTimeOffset Truncated(DateTimeOffset t) => new(t.UtcTicks - (t.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    /// <summary>
    /// Promise: a claimed task "was created no earlier than the submit began". The service's clock equals the client's;
    /// its Date header has whole seconds, like every HTTP Date. A task identical to the request exists, created
    /// <paramref name="createdMsBeforeStart"/> ms before the submit began by an earlier run of the same app (one process
    /// at a time, the documented safe setting: a script run twice, a restarted worker). The new submit's POST is refused
    /// with a 502 after <paramref name="postMs"/> ms, having created nothing. The earlier run's task is claimed as this
    /// submit's: the claim window starts at the whole second of (start + offset measured from a truncated Date), up to
    /// two seconds before the submit began.
    /// </summary>
    [Theory]
    [InlineData(600, 400, 0)]   // begun at .600, the other task at .200 of the same second
    [InlineData(50, 550, 900)]  // begun at .050, the other task at .500 of the previous second; the POST took 0.9 s
    public async Task Reconcile_ClaimUniqueMatchOn_TaskCreatedBeforeTheSubmitBeganInTheSameOrPreviousSecond_IsNotClaimed(int startMs, int createdMsBeforeStart, int postMs)
    {
        var time = new ManualTimeProvider();
        time.Advance(TimeSpan.FromSeconds(10) + TimeSpan.FromMilliseconds(startMs));
        var earlierRun = TaskService.Listed("earlier-runs-task", time.GetUtcNow() - TimeSpan.FromMilliseconds(createdMsBeforeStart));
        var listed = new List<JsonObject> { earlierRun };
        var handler = TaskService.Create(_ =>
        {
            time.Advance(TimeSpan.FromMilliseconds(postMs));
            return TaskService.BadGateway(); // nothing created
        }, () => listed, () => Truncated(time.GetUtcNow()));
        using var client = handler.CreateClient(TaskService.Claiming(), time);

        var error = await Assert.ThrowsAsync<ChanjingSubmitOutcomeUnknownException>(() => client.SubmitReferenceVideoAsync(TaskService.Request()).WaitAsync(Bound));

        Assert.Equal(["earlier-runs-task"], error.CandidateTaskIds); // it may be reported: it cannot be told apart by create_time
    }

    /// <summary>
    /// Promise: no id is returned that another submit of the account "(any client, any credentials)" in this process could
    /// still own. Two clients of one account in one process reach the same service through two addresses of it (a host
    /// name and its IP, or the service name and an egress alias). Client B's submit created a task and is waiting for its
    /// answer; client A's identical submit loses its answer before processing. A claims B's task, then B's answer
    /// arrives: both users get one video. The registry is keyed by the address string.
    /// </summary>
    [Fact]
    public async Task Reconcile_ClaimUniqueMatchOn_IdenticalSubmitInFlightThroughAnotherAddressOfTheService_ItsTaskIsNotClaimed()
    {
        var time = new ManualTimeProvider();
        var listed = new List<JsonObject>();
        var bCreated = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var prompt = $"a horse gallops {Guid.NewGuid():N}"; // the process's registry is shared with every other test
        var posts = 0;
        var handler = TaskService.Create(async (n, _) =>
        {
            Interlocked.Increment(ref posts);
            if (n == 1)
            {
                await bCreated.Task; // A's POST is answered 502 after B's task exists; A created nothing
                return TaskService.BadGateway();
            }

            lock (listed)
            {
                listed.Add(TaskService.Listed("task-of-b", time.GetUtcNow(), prompt));
            }

            bCreated.SetResult();
            await release.Task; // B's answer is slow
            return Wire.Ok(JsonValue.Create("task-of-b"));
        }, () => listed, time.GetUtcNow);
        var port = Random.Shared.Next(20000, 60000);
        using var a = handler.CreateClient(TaskService.Claiming(o => { o.BaseAddress = new Uri($"http://127.0.0.1:{port}/"); o.SubmitRegistry = SubmitRegistry.Shared; }), time);
        using var b = handler.CreateClient(TaskService.Claiming(o => { o.BaseAddress = new Uri($"http://localhost:{port}/"); o.SubmitRegistry = SubmitRegistry.Shared; }), time);

        var aSubmit = a.SubmitReferenceVideoAsync(TaskService.Request(prompt));
        var bSubmit = b.SubmitReferenceVideoAsync(TaskService.Request(prompt));
        string? aId = null;
        Exception? aError = null;
        try
        {
            aId = await aSubmit.WaitAsync(Bound);
        }
        catch (Exception ex)
        {
            aError = ex;
        }

        release.SetResult();

        Assert.Equal("task-of-b", await bSubmit.WaitAsync(Bound));
        Assert.Equal(2, Volatile.Read(ref posts));
        Assert.True(aId is null, $"A's submit created nothing but returned {aId}, the task B's submit returned too");
        var unknown = Assert.IsType<ChanjingSubmitOutcomeUnknownException>(aError);
        Assert.Equal(["task-of-b"], unknown.CandidateTaskIds);
        Assert.Contains("in flight", unknown.Message, StringComparison.Ordinal); // held by the registry, not by chance
    }

    /// <summary>
    /// Holds (no test had covered it): no claim of a task that another submit of this process "is still in flight with a
    /// request it could match", when that submit is a <see cref="CustomCreationRequest"/> whose AdditionalFields carry
    /// the reference images as a JsonValue wrapping a string[] rather than a JsonArray. The fingerprint counts images
    /// only in a JsonArray; it still counts two (the draft's deep copy of AdditionalFields reads as an array). Submit A, a ReferenceVideoRequest with the same prompt, settings and two images, loses its answer before
    /// processing while B waits for its answer: B's task is only a candidate.
    /// </summary>
    [Fact]
    public async Task Reconcile_ClaimUniqueMatchOn_InFlightSubmitWithImagesAsAJsonValueInAdditionalFields_ItsTaskIsNotClaimed()
    {
        var time = new ManualTimeProvider();
        var (handler, arrived, release) = TaskService.FirstAnswerSlowOthersLost(time, "task-of-b"); // B's answer is slow; A's is lost, A created nothing
        using var client = handler.CreateClient(TaskService.Claiming(), time);
        var custom = new CustomCreationRequest(CreationType.Video, ChanjingModels.HappyHorseReferenceToVideo) { Prompt = TaskService.Prompt };
        custom.AdditionalFields["ref_img_url"] = JsonValue.Create(new[] { "https://x/ref1.jpg", "https://x/ref2.jpg" }, (JsonTypeInfo<string[]>)JsonSerializerOptions.Default.GetTypeInfo(typeof(string[])));
        custom.AdditionalFields["aspect_ratio"] = "16:9";
        custom.AdditionalFields["clarity"] = 1080;
        custom.AdditionalFields["video_duration"] = 5;

        var bSubmit = client.SubmitAsync(custom);
        await arrived.Task.WaitAsync(Bound);
        string? aId = null;
        Exception? aError = null;
        try
        {
            aId = await client.SubmitReferenceVideoAsync(TaskService.Request()).WaitAsync(Bound);
        }
        catch (Exception ex)
        {
            aError = ex;
        }

        release.SetResult();

        Assert.Equal("task-of-b", await bSubmit.WaitAsync(Bound));
        Assert.True(aId is null, $"A's submit created nothing but returned {aId}, the task B's submit returned too");
        var unknown = Assert.IsType<ChanjingSubmitOutcomeUnknownException>(aError);
        Assert.Equal(["task-of-b"], unknown.CandidateTaskIds);
    }
}
