using System.Text.Json.Nodes;
using Chanjing.Sdk.Tests.TestSupport;

namespace Chanjing.Sdk.Tests.Submits;

/// <summary>
/// Rule 1 after a lost answer: the SDK reports the tasks that could be the submit's (CandidateTaskIds) and, only when
/// asked to (Reconciliation.ClaimUniqueMatch), returns one that is provably the submit's. A user of one app never
/// receives another user's video.
/// </summary>
public sealed class ReconciliationTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Reconcile_ByDefault_MatchingTaskIsReportedAsCandidateNotReturned()
    {
        var time = new ManualTimeProvider();
        var listed = new List<JsonObject>();
        var handler = TaskService.Create(_ =>
        {
            listed.Add(TaskService.Listed("created", time.GetUtcNow()));
            return TaskService.BadGateway();
        }, () => listed, time.GetUtcNow);
        using var client = handler.CreateClient(TaskService.Reporting(), time);

        var error = await Assert.ThrowsAsync<ChanjingSubmitOutcomeUnknownException>(() => client.SubmitReferenceVideoAsync(TaskService.Request()));

        Assert.Equal(["created"], error.CandidateTaskIds);
        Assert.Contains("created", error.Message, StringComparison.Ordinal);
        Assert.Contains("WaitForCompletionAsync", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconcile_ClaimUniqueMatchOn_ExactMatchCreatedAfterTheSubmitBegan_IsReturned()
    {
        var time = new ManualTimeProvider();
        var listed = new List<JsonObject>();
        var handler = TaskService.Create(_ =>
        {
            listed.Add(TaskService.Listed("mine", time.GetUtcNow()));
            return TaskService.BadGateway();
        }, () => listed, time.GetUtcNow);
        using var client = handler.CreateClient(TaskService.Claiming(), time);

        Assert.Equal("mine", await client.SubmitReferenceVideoAsync(TaskService.Request()));
    }

    [Fact]
    public async Task Reconcile_SecondIdenticalSubmitLost_DoesNotReturnTheFirstTask()
    {
        var time = new ManualTimeProvider();
        var listed = new List<JsonObject>();
        var handler = TaskService.Create(n =>
        {
            if (n == 1)
            {
                listed.Add(TaskService.Listed("first", time.GetUtcNow()));
                return Wire.Ok(JsonValue.Create("first"));
            }

            return TaskService.BadGateway(); // the second submit's answer is lost and nothing was created
        }, () => listed, time.GetUtcNow);
        using var client = handler.CreateClient(TaskService.Claiming(), time);

        Assert.Equal("first", await client.SubmitReferenceVideoAsync(TaskService.Request()));
        var error = await Assert.ThrowsAsync<ChanjingSubmitOutcomeUnknownException>(() => client.SubmitReferenceVideoAsync(TaskService.Request()));

        Assert.Empty(error.CandidateTaskIds);
    }

    /// <summary>Issue 22, R1: two concurrent submits with one prompt, the first without images and the second with; the first lost its answer and created nothing. Both returned the second's task.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Reconcile_ConcurrentSubmitWithImagesCreatedTheTask_SubmitWithoutImagesNeverGetsIt(bool claim)
    {
        var time = new ManualTimeProvider();
        var listed = new List<JsonObject>();
        var secondArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseSecond = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = TaskService.Create(async (n, _) =>
        {
            if (n == 1)
            {
                await secondArrived.Task; // the first's answer is lost once the second is being processed
                return TaskService.BadGateway();
            }

            lock (listed)
            {
                var task = Wire.Task("with-images", "Queued", createTime: time.GetUtcNow().ToUnixTimeSeconds(), type: 3);
                task["model_code"] = ChanjingModels.DoubaoSeedream40;
                task["ref_img_url"] = new JsonArray("https://cdn.example/a.jpg");
                task["photo_info"] = new JsonObject { ["ref_prompt"] = "same prompt", ["ref_img_url"] = new JsonArray("https://cdn.example/a.jpg"), ["number_of_images"] = 1, ["aspect_ratio"] = "1:1", ["clarity"] = 2048 };
                listed.Add(task);
            }

            secondArrived.SetResult();
            await releaseSecond.Task;
            return Wire.Ok(JsonValue.Create("with-images"));
        }, () => listed, time.GetUtcNow);
        using var client = handler.CreateClient(claim ? TaskService.Claiming() : TaskService.Reporting(), time);

        var withoutImages = client.SubmitAsync(new ImageGenerationRequest { ModelCode = ChanjingModels.DoubaoSeedream40, Prompt = "same prompt", NumberOfImages = 1, AspectRatio = AspectRatio.Square1x1, Clarity = ImageClarity.Px2048 });
        var withImages = client.SubmitAsync(new ImageGenerationRequest { ModelCode = ChanjingModels.DoubaoSeedream40, Prompt = "same prompt", NumberOfImages = 1, AspectRatio = AspectRatio.Square1x1, Clarity = ImageClarity.Px2048, ReferenceImageUrls = { new Uri("https://x/a.jpg") } });
        var error = await Assert.ThrowsAsync<ChanjingSubmitOutcomeUnknownException>(() => withoutImages.WaitAsync(Bound));
        releaseSecond.SetResult();

        Assert.Equal("with-images", await withImages.WaitAsync(Bound));
        Assert.DoesNotContain("with-images", error.CandidateTaskIds); // a task that lists images cannot come from a body without any
    }

    /// <summary>Issue 22, R1: the same with one submit leaving the aspect ratio out (the service fills 1:1) and the other sending 1:1.</summary>
    [Fact]
    public async Task Reconcile_ConcurrentSubmitDifferingOnlyInAnOmittedAspectRatio_ItsTaskIsNotClaimed()
    {
        var time = new ManualTimeProvider();
        var listed = new List<JsonObject>();
        var secondArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseSecond = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = TaskService.Create(async (n, _) =>
        {
            if (n == 1)
            {
                await secondArrived.Task;
                return TaskService.BadGateway();
            }

            lock (listed)
            {
                listed.Add(ImageTask("square", time.GetUtcNow(), "1:1"));
            }

            secondArrived.SetResult();
            await releaseSecond.Task;
            return Wire.Ok(JsonValue.Create("square"));
        }, () => listed, time.GetUtcNow);
        using var client = handler.CreateClient(TaskService.Claiming(), time);

        var first = client.SubmitAsync(new ImageGenerationRequest { ModelCode = ChanjingModels.DoubaoSeedream30TextToImage, Prompt = "a cat", NumberOfImages = 1 });
        var second = client.SubmitAsync(new ImageGenerationRequest { ModelCode = ChanjingModels.DoubaoSeedream30TextToImage, Prompt = "a cat", NumberOfImages = 1, AspectRatio = AspectRatio.Square1x1 });
        var error = await Assert.ThrowsAsync<ChanjingSubmitOutcomeUnknownException>(() => first.WaitAsync(Bound));
        releaseSecond.SetResult();

        Assert.Equal("square", await second.WaitAsync(Bound));
        Assert.Equal(["square"], error.CandidateTaskIds); // it could be the first's (a filled default): reported, never returned
        Assert.Contains("not claimed", error.Message, StringComparison.Ordinal);
    }

    private static JsonObject ImageTask(string id, DateTimeOffset created, string aspect, int count = 1)
    {
        var task = Wire.Task(id, "Queued", createTime: created.ToUnixTimeSeconds(), type: 3);
        task["model_code"] = ChanjingModels.DoubaoSeedream30TextToImage;
        task["ref_img_url"] = new JsonArray();
        task["photo_info"] = new JsonObject { ["ref_prompt"] = "a cat", ["aspect_ratio"] = aspect, ["number_of_images"] = count };
        return task;
    }

    [Fact]
    public async Task Reconcile_IdenticalSubmitStillAwaitingItsAnswer_ItsTaskIsNotClaimed()
    {
        var time = new ManualTimeProvider();
        var (handler, arrived, release) = TaskService.FirstAnswerSlowOthersLost(time, "task-of-a"); // A's answer is slow; B's is lost, B created nothing
        using var client = handler.CreateClient(TaskService.Claiming(), time);

        var a = client.SubmitReferenceVideoAsync(TaskService.Request());
        await arrived.Task.WaitAsync(Bound);
        var b = await Assert.ThrowsAsync<ChanjingSubmitOutcomeUnknownException>(() => client.SubmitReferenceVideoAsync(TaskService.Request()));
        release.SetResult();

        Assert.Equal("task-of-a", await a.WaitAsync(Bound));
        Assert.Equal(["task-of-a"], b.CandidateTaskIds);
    }

    /// <summary>A submit that ended with an unknown outcome could own a matching task for good: a later claim must not take it.</summary>
    [Fact]
    public async Task Reconcile_EarlierSubmitEndedWithUnknownOutcome_ATaskItCouldOwnIsNotClaimed()
    {
        var time = new ManualTimeProvider();
        var listed = new List<JsonObject>();
        var handler = TaskService.Create(n =>
        {
            if (n == 1)
            {
                listed.Add(TaskService.Listed("maybe-the-firsts", time.GetUtcNow())); // created, answer lost
            }

            return TaskService.BadGateway();
        }, () => listed, time.GetUtcNow);
        using var reporting = handler.CreateClient(TaskService.Reporting(), time);
        using var claiming = handler.CreateClient(TaskService.Claiming(), time);

        var first = await Assert.ThrowsAsync<ChanjingSubmitOutcomeUnknownException>(() => reporting.SubmitReferenceVideoAsync(TaskService.Request()));
        var second = await Assert.ThrowsAsync<ChanjingSubmitOutcomeUnknownException>(() => claiming.SubmitReferenceVideoAsync(TaskService.Request()));

        Assert.Equal(["maybe-the-firsts"], first.CandidateTaskIds);
        Assert.Equal(["maybe-the-firsts"], second.CandidateTaskIds);
    }

    /// <summary>A submit cancelled after its POST left may have created a task: the same holds for it.</summary>
    [Fact]
    public async Task Reconcile_EarlierSubmitCancelledAfterSending_ATaskItCouldOwnIsNotClaimed()
    {
        var time = new ManualTimeProvider();
        var listed = new List<JsonObject>();
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = TaskService.Create(async (n, cancellationToken) =>
        {
            if (n == 1)
            {
                lock (listed)
                {
                    listed.Add(TaskService.Listed("maybe-the-cancelled", time.GetUtcNow()));
                }

                arrived.SetResult();
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return TaskService.BadGateway();
        }, () => listed, time.GetUtcNow);
        using var client = handler.CreateClient(TaskService.Claiming(), time);
        using var cancel = new CancellationTokenSource();

        var cancelled = client.SubmitReferenceVideoAsync(TaskService.Request(), cancel.Token);
        await arrived.Task.WaitAsync(Bound);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Bound));
        var error = await Assert.ThrowsAsync<ChanjingSubmitOutcomeUnknownException>(() => client.SubmitReferenceVideoAsync(TaskService.Request()));

        Assert.Equal(["maybe-the-cancelled"], error.CandidateTaskIds);
    }

    /// <summary>Issue 22, F1: clarity, duration and number of images were never compared (read as long from int-backed values).</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Reconcile_TaskWithAnotherClarityAndDuration_IsNoCandidate(bool claim)
    {
        var time = new ManualTimeProvider();
        var listed = new List<JsonObject>();
        var handler = TaskService.Create(_ =>
        {
            listed.Add(TaskService.Listed("1080p-10s", time.GetUtcNow(), clarity: 1080, duration: 10)); // someone else's
            return TaskService.BadGateway();
        }, () => listed, time.GetUtcNow);
        using var client = handler.CreateClient(claim ? TaskService.Claiming() : TaskService.Reporting(), time);
        var request = TaskService.Request();
        request.Clarity = VideoClarity.P720;
        request.DurationSeconds = 5;

        var error = await Assert.ThrowsAsync<ChanjingSubmitOutcomeUnknownException>(() => client.SubmitReferenceVideoAsync(request));

        Assert.Empty(error.CandidateTaskIds);
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(4, 2)]
    public async Task Reconcile_ImageTaskWithAnotherNumberOfImages_IsNoCandidate(int sent, int echoed)
    {
        var time = new ManualTimeProvider();
        var listed = new List<JsonObject>();
        var handler = TaskService.Create(_ =>
        {
            var task = Wire.Task("other-count", "Queued", createTime: time.GetUtcNow().ToUnixTimeSeconds(), type: 3);
            task["model_code"] = ChanjingModels.DoubaoSeedream30TextToImage;
            task["photo_info"] = new JsonObject { ["ref_prompt"] = "a cat", ["number_of_images"] = echoed };
            listed.Add(task);
            return TaskService.BadGateway();
        }, () => listed, time.GetUtcNow);
        using var client = handler.CreateClient(TaskService.Claiming(), time);

        var error = await Assert.ThrowsAsync<ChanjingSubmitOutcomeUnknownException>(
            () => client.SubmitAsync(new ImageGenerationRequest { ModelCode = ChanjingModels.DoubaoSeedream30TextToImage, Prompt = "a cat", NumberOfImages = sent }));

        Assert.Empty(error.CandidateTaskIds);
    }

    [Fact]
    public async Task Reconcile_TaskCreatedBeforeTheSubmitBegan_IsNotReturned()
    {
        var time = new ManualTimeProvider();
        var earlier = time.GetUtcNow() - TimeSpan.FromSeconds(30);
        var handler = TaskService.Create(_ => TaskService.BadGateway(), () => [TaskService.Listed("someone-elses", earlier)], time.GetUtcNow);
        using var client = handler.CreateClient(TaskService.Claiming(), time);

        var error = await Assert.ThrowsAsync<ChanjingSubmitOutcomeUnknownException>(() => client.SubmitReferenceVideoAsync(TaskService.Request()));

        Assert.Empty(error.CandidateTaskIds);
    }

    /// <summary>Issue 22, F2: a service clock ahead by more than ClockSkew (or not measured before the submit) widened the look-back to tasks created minutes before the submit.</summary>
    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public async Task Reconcile_ServiceClockSevenMinutesAhead_TasksCreatedBeforeTheSubmitAreNeitherCandidatesNorClaimed(bool claim, bool measuredBeforeTheSubmit)
    {
        var time = new ManualTimeProvider();
        var ahead = TimeSpan.FromMinutes(7);
        DateTimeOffset ServerNow() => time.GetUtcNow() + ahead;
        var listed = new List<JsonObject>
        {
            TaskService.Listed("one-minute-before", ServerNow() - TimeSpan.FromMinutes(1)),
            TaskService.Listed("six-minutes-before", ServerNow() - TimeSpan.FromMinutes(6)),
        };
        var handler = TaskService.Create(_ => TaskService.BadGateway(), () => listed, ServerNow, dateOnSubmit: measuredBeforeTheSubmit);
        using var client = handler.CreateClient(claim ? TaskService.Claiming() : TaskService.Reporting(), time);

        var error = await Assert.ThrowsAsync<ChanjingSubmitOutcomeUnknownException>(() => client.SubmitReferenceVideoAsync(TaskService.Request()));

        Assert.Empty(error.CandidateTaskIds);
    }

    [Fact]
    public async Task Reconcile_ServiceClockAheadBeyondClockSkew_ItsOwnTaskIsACandidateButNotClaimed()
    {
        var time = new ManualTimeProvider();
        var ahead = TimeSpan.FromMinutes(7);
        var listed = new List<JsonObject>();
        var handler = TaskService.Create(_ =>
        {
            listed.Add(TaskService.Listed("mine", time.GetUtcNow() + ahead));
            return TaskService.BadGateway();
        }, () => listed, () => time.GetUtcNow() + ahead);
        using var client = handler.CreateClient(TaskService.Claiming(), time);

        var error = await Assert.ThrowsAsync<ChanjingSubmitOutcomeUnknownException>(() => client.SubmitReferenceVideoAsync(TaskService.Request()));

        Assert.Equal(["mine"], error.CandidateTaskIds);
        Assert.Contains("ClockSkew", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconcile_ServerClockMeasuredBehind_LooksBackByTheMeasuredSkewAndMatchesRehostedImages()
    {
        var time = new ManualTimeProvider();
        var behind = TimeSpan.FromSeconds(40);
        var listed = new List<JsonObject>();
        var handler = TaskService.Create(_ =>
        {
            // The service's clock runs 40 s behind: its create_time is 40 s before the client's submit start.
            listed.Add(TaskService.Listed("mine", time.GetUtcNow() - behind));
            return TaskService.BadGateway();
        }, () => listed, () => time.GetUtcNow() - behind);
        using var client = handler.CreateClient(TaskService.Claiming(), time);

        Assert.Equal("mine", await client.SubmitReferenceVideoAsync(TaskService.Request()));
    }

    [Fact]
    public async Task Reconcile_TwoClientsOfOneAccountLoseTheirAnswersOneAfterTheOther_OnlyTheFirstClaimsTheTask()
    {
        var time = new ManualTimeProvider();
        var listed = new List<JsonObject>();
        var handler = TaskService.Create(_ =>
        {
            lock (listed)
            {
                if (listed.Count == 0)
                {
                    listed.Add(TaskService.Listed("created-once", time.GetUtcNow()));
                }
            }

            return TaskService.BadGateway();
        }, () => listed, time.GetUtcNow);
        using var first = handler.CreateClient(TaskService.Claiming(), time);
        using var second = handler.CreateClient(TaskService.Claiming(), time);

        var id = await first.SubmitReferenceVideoAsync(TaskService.Request());
        var error = await Assert.ThrowsAsync<ChanjingSubmitOutcomeUnknownException>(() => second.SubmitReferenceVideoAsync(TaskService.Request()));

        Assert.Equal("created-once", id);
        Assert.Empty(error.CandidateTaskIds); // returned to the first: provably not the second's
    }

    /// <summary>Issue 22, R4: ids were remembered per credential, so one account used with two tokens (a rotation, or a fixed token beside app id + secret) could get one task twice.</summary>
    [Fact]
    public async Task Reconcile_OneServiceUsedWithTwoCredentials_ATaskReturnedThroughOneIsNotClaimedThroughTheOther()
    {
        var time = new ManualTimeProvider();
        var listed = new List<JsonObject>();
        var handler = TaskService.Create(n =>
        {
            if (n == 1)
            {
                listed.Add(TaskService.Listed("returned-once", time.GetUtcNow()));
                return Wire.Ok(JsonValue.Create("returned-once"));
            }

            return TaskService.BadGateway();
        }, () => listed, time.GetUtcNow);
        using var oldToken = handler.CreateClient(TaskService.Claiming(o => o.AccessToken = "token-before-rotation"), time);
        using var newToken = handler.CreateClient(TaskService.Claiming(o => o.AccessToken = "token-after-rotation"), time);

        Assert.Equal("returned-once", await oldToken.SubmitReferenceVideoAsync(TaskService.Request()));
        var error = await Assert.ThrowsAsync<ChanjingSubmitOutcomeUnknownException>(() => newToken.SubmitReferenceVideoAsync(TaskService.Request()));

        Assert.Empty(error.CandidateTaskIds);
    }

    [Fact]
    public async Task Reconcile_SubmitWithoutAPrompt_DoesNotClaimATaskThatEchoesOne()
    {
        var time = new ManualTimeProvider();
        var listed = new List<JsonObject>();
        var handler = TaskService.Create(_ =>
        {
            var task = TaskService.Listed("someone-elses", time.GetUtcNow(), "a cat playing the piano", images: 0);
            task["model_code"] = ChanjingModels.TxKling25;
            listed.Add(task);
            return TaskService.BadGateway();
        }, () => listed, time.GetUtcNow);
        using var client = handler.CreateClient(TaskService.Claiming(), time);

        var error = await Assert.ThrowsAsync<ChanjingSubmitOutcomeUnknownException>(
            () => client.SubmitAsync(new ImageToVideoRequest { ModelCode = ChanjingModels.TxKling25, StartFrameUrl = new Uri("https://x/frame.jpg"), DurationSeconds = 5 }));

        Assert.Empty(error.CandidateTaskIds);
    }

    [Fact]
    public async Task Reconcile_ClaimUniqueMatchOn_TaskEchoingAnAspectRatioTheRequestLeftOut_IsOnlyACandidate()
    {
        var time = new ManualTimeProvider();
        var listed = new List<JsonObject>();
        var handler = TaskService.Create(_ =>
        {
            listed.Add(ImageTask("filled-default", time.GetUtcNow(), "1:1"));
            return TaskService.BadGateway();
        }, () => listed, time.GetUtcNow);
        using var client = handler.CreateClient(TaskService.Claiming(), time);

        var error = await Assert.ThrowsAsync<ChanjingSubmitOutcomeUnknownException>(
            () => client.SubmitAsync(new ImageGenerationRequest { ModelCode = ChanjingModels.DoubaoSeedream30TextToImage, Prompt = "a cat", NumberOfImages = 1 }));

        Assert.Equal(["filled-default"], error.CandidateTaskIds);
        Assert.Contains("echoes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconcile_ClaimUniqueMatchOn_ImageTaskEchoingEveryFieldSent_IsReturned()
    {
        var time = new ManualTimeProvider();
        var listed = new List<JsonObject>();
        var handler = TaskService.Create(_ =>
        {
            listed.Add(ImageTask("exact", time.GetUtcNow(), "1:1", count: 2));
            return TaskService.BadGateway();
        }, () => listed, time.GetUtcNow);
        using var client = handler.CreateClient(TaskService.Claiming(), time);

        var id = await client.SubmitAsync(new ImageGenerationRequest { ModelCode = ChanjingModels.DoubaoSeedream30TextToImage, Prompt = "a cat", NumberOfImages = 2, AspectRatio = AspectRatio.Square1x1 });

        Assert.Equal("exact", id);
    }
}
