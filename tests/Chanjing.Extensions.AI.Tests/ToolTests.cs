using System.Text.Json;
using Chanjing.Emulator;
using Chanjing.Sdk;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Chanjing.Extensions.AI.Tests;

/// <summary><see cref="ChanjingAIExtensions.AsAITools"/> against the emulator: through FunctionInvokingChatClient and called directly.</summary>
public sealed class ToolTests
{
    private static AIFunction Tool(IList<AITool> tools, string name) => Assert.IsAssignableFrom<AIFunction>(Assert.Single(tools, t => t.Name == name));

    private static JsonElement Json(object? result) => Assert.IsType<JsonElement>(result);

    private static ChanjingAIToolOptions Options(ILoggerFactory? loggers = null, TimeSpan? timeout = null) => new()
    {
        Polling = Support.FastPolling,
        WaitTimeout = timeout ?? TimeSpan.FromSeconds(30),
        LoggerFactory = loggers,
    };

    [Fact]
    public async Task ChatWithFunctionInvocation_ModelAsksForAVideo_ConversationEndsWithTheVideoUrl()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var (loggerFactory, logs) = Support.Logging();
        var model = new ToolScriptedChatClient("chanjing_generate_video", new Dictionary<string, object?> { ["prompt"] = "a horse gallops across the grassland", ["aspect_ratio"] = "9:16" });
        using var chat = new ChatClientBuilder(model).UseFunctionInvocation(loggerFactory).Build();

        var response = await chat.GetResponseAsync("Make me a video of a horse.", new ChatOptions { Tools = client.AsAITools(Options(loggerFactory)) });

        var task = await client.ListTasksAsync(new CreationTaskQuery()).FirstAsync();
        var url = Assert.Single(task.OutputUrls);
        Assert.Equal(CreationTaskStatus.Success, task.Status);
        Assert.EndsWith($"Here is your video: {url.AbsoluteUri}", response.Text, StringComparison.Ordinal);
        Assert.Contains(response.Messages, m => m.Contents.OfType<FunctionResultContent>().Any());
        Assert.Equal(2, model.Requests.Count);
        var body = Support.LastSubmit(emulator);
        Assert.Equal(ChanjingModels.HappyHorseTextToVideo, (string?)body["model_code"]);
        Assert.Equal("9:16", (string?)body["aspect_ratio"]);
        Assert.Contains(logs.GetSnapshot(), r => r.Id.Name == "ToolTaskSubmitted" && r.Message.Contains(task.Id, StringComparison.Ordinal));
        Assert.Contains(logs.GetSnapshot(), r => r.Id.Name == "ToolTaskProgress");
        // The tools never log a URL (output URLs may be signed); MEAI's own trace of the result is the app's choice.
        Assert.DoesNotContain(logs.GetSnapshot(), r => r.Category == "Chanjing.Extensions.AI.Tools" && r.Message.Contains(url.AbsoluteUri, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GenerateVideo_WaitTimesOut_TaskIdReturnedAndTheWaitToolFinishesItWithoutASecondSubmit()
    {
        var options = Support.FastEmulator();
        options.GeneratingDuration = TimeSpan.FromSeconds(3);
        await using var emulator = await ChanjingEmulator.StartAsync(options);
        using var client = Support.Client(emulator);
        var (loggerFactory, logs) = Support.Logging();
        var impatient = client.AsAITools(Options(loggerFactory, TimeSpan.FromMilliseconds(300)));
        var patient = client.AsAITools(Options(loggerFactory));

        var first = Json(await Tool(impatient, "chanjing_generate_video").InvokeAsync(new AIFunctionArguments { ["prompt"] = "a slow sunrise", ["image_urls"] = new[] { "https://example.com/a.jpg" } }));
        Assert.Equal("still_running", first.GetProperty("status").GetString());
        var taskId = first.GetProperty("task_id").GetString()!;
        Assert.Contains("chanjing_wait_for_task", first.GetProperty("next_step").GetString(), StringComparison.Ordinal);
        Assert.Contains(logs.GetSnapshot(), r => r.Id.Name == "ToolWaitTimedOut" && r.Level == LogLevel.Warning);

        var second = Json(await Tool(patient, "chanjing_wait_for_task").InvokeAsync(new AIFunctionArguments { ["task_id"] = JsonSerializer.SerializeToElement(taskId), ["kind"] = first.GetProperty("kind") }));

        Assert.Equal("succeeded", second.GetProperty("status").GetString());
        Assert.Equal(taskId, second.GetProperty("task_id").GetString());
        Assert.StartsWith("http", second.GetProperty("video_url").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, emulator.CountRequests(EmulatorEndpoint.Submit));
        Assert.Equal(ChanjingModels.HappyHorseReferenceToVideo, (string?)Support.LastSubmit(emulator)["model_code"]);
    }

    [Fact]
    public async Task MakeAvatarVideo_DefaultsOnly_TalkingAvatarVideoUrlAndDuration()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var tools = client.AsAITools(Options());

        var result = Json(await Tool(tools, "chanjing_make_avatar_video").InvokeAsync(new AIFunctionArguments { ["script"] = "Welcome to our shop. Today we show you three new products." }));

        Assert.True(result.GetProperty("status").GetString() == "succeeded", result.ToString());
        Assert.Equal("avatar_video", result.GetProperty("kind").GetString());
        var video = await client.AvatarVideos.GetAsync(result.GetProperty("task_id").GetString()!);
        Assert.Equal(video.VideoUrl!.AbsoluteUri, result.GetProperty("video_url").GetString());
        Assert.True(result.GetProperty("duration_seconds").GetDouble() > 0);
        Assert.Equal(1, emulator.CountRequests(EmulatorEndpoint.CreateVideo));
    }

    [Fact]
    public async Task ListTools_Limit_AtMostThatManyWithIdsAnAgentCanUse()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var tools = client.AsAITools(Options());

        var avatars = Json(await Tool(tools, "chanjing_list_avatars").InvokeAsync(new AIFunctionArguments { ["limit"] = 2 }));
        var voices = Json(await Tool(tools, "chanjing_list_voices").InvokeAsync(new AIFunctionArguments { ["limit"] = JsonSerializer.SerializeToElement(1) }));

        var avatarList = avatars.GetProperty("avatars").EnumerateArray().ToArray();
        Assert.InRange(avatarList.Length, 1, 2);
        Assert.All(avatarList, a => Assert.False(string.IsNullOrEmpty(a.GetProperty("id").GetString())));
        Assert.NotEmpty(avatarList[0].GetProperty("figures").EnumerateArray());
        var voice = Assert.Single(voices.GetProperty("voices").EnumerateArray());
        Assert.False(string.IsNullOrEmpty(voice.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Tools_SchemasAndDescriptions_EveryToolDescribedWithAnObjectSchema()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);

        var tools = client.AsAITools().Cast<AIFunction>().ToArray();

        Assert.Equal(["chanjing_generate_video", "chanjing_make_avatar_video", "chanjing_wait_for_task", "chanjing_list_avatars", "chanjing_list_voices"], tools.Select(t => t.Name));
        Assert.All(tools, t => Assert.True(t.Description.Length > 40, t.Name));
        Assert.All(tools, t => Assert.Equal("object", t.JsonSchema.GetProperty("type").GetString()));
        Assert.Equal("prompt", Tool(tools, "chanjing_generate_video").JsonSchema.GetProperty("required")[0].GetString());
    }

    [Fact]
    public async Task GenerateVideo_InvalidArguments_ResultSaysWhyAndNothingIsSubmitted()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var tool = Tool(client.AsAITools(Options()), "chanjing_generate_video");

        var missing = Json(await tool.InvokeAsync(new AIFunctionArguments { ["aspect_ratio"] = "16:9" }));
        var badUrl = Json(await tool.InvokeAsync(new AIFunctionArguments { ["prompt"] = "x", ["image_urls"] = new[] { "not a url" } }));
        var imageModel = Json(await tool.InvokeAsync(new AIFunctionArguments { ["prompt"] = "x", ["model"] = ChanjingModels.DoubaoSeedream40 }));

        Assert.All([missing, badUrl, imageModel], r => Assert.Equal("invalid_arguments", r.GetProperty("status").GetString()));
        Assert.Contains("prompt", missing.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("image_urls", badUrl.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, emulator.CountRequests(EmulatorEndpoint.Submit));
    }

    [Fact]
    public async Task GenerateVideo_TaskFails_FailedWithTheServicesReason()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var tool = Tool(client.AsAITools(Options()), "chanjing_generate_video");

        var result = Json(await tool.InvokeAsync(new AIFunctionArguments { ["prompt"] = "a storm " + emulator.Options.FailurePromptMarker }));

        Assert.Equal("failed", result.GetProperty("status").GetString());
        Assert.False(string.IsNullOrWhiteSpace(result.GetProperty("error").GetString()));
        Assert.False(string.IsNullOrEmpty(result.GetProperty("task_id").GetString()));
    }

    [Fact]
    public async Task GenerateVideo_SubmitAnswerLost_OutcomeUnknownWithTheCandidateAndNothingResubmitted()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        emulator.AddFault(EmulatorEndpoint.Submit, EmulatorFault.AbortAfterProcessing());
        var tools = client.AsAITools(Options());

        var result = Json(await Tool(tools, "chanjing_generate_video").InvokeAsync(new AIFunctionArguments { ["prompt"] = "a lighthouse at dusk" }));

        Assert.True(result.GetProperty("status").GetString() == "outcome_unknown", result.ToString());
        var candidate = Assert.Single(result.GetProperty("candidate_task_ids").EnumerateArray()).GetString()!;
        Assert.Equal(1, emulator.CountRequests(EmulatorEndpoint.Submit));
        var waited = Json(await Tool(tools, "chanjing_wait_for_task").InvokeAsync(new AIFunctionArguments { ["task_id"] = candidate }));
        Assert.Equal("succeeded", waited.GetProperty("status").GetString());
        Assert.Equal(1, emulator.CountRequests(EmulatorEndpoint.Submit));
    }

    [Fact]
    public async Task GenerateVideo_CancelledWhileWaiting_OperationCanceledAndTheTaskLeftToFinish()
    {
        var options = Support.FastEmulator();
        options.GeneratingDuration = TimeSpan.FromSeconds(20);
        await using var emulator = await ChanjingEmulator.StartAsync(options);
        using var client = Support.Client(emulator);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(new CancelOnEvent("ToolTaskSubmitted", cancellation)));
        var tool = Tool(client.AsAITools(Options(loggerFactory)), "chanjing_generate_video");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await tool.InvokeAsync(new AIFunctionArguments { ["prompt"] = "a long take" }, cancellation.Token));

        Assert.Equal(1, emulator.CountRequests(EmulatorEndpoint.Submit));
        Assert.True(cancellation.IsCancellationRequested);
    }

    /// <summary>Cancels a token when a log event of that name is written: the point to cancel at, without timing guesses.</summary>
    private sealed class CancelOnEvent(string eventName, CancellationTokenSource cancellation) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Name == eventName)
            {
                cancellation.Cancel();
            }
        }

        public void Dispose()
        {
        }
    }
}
