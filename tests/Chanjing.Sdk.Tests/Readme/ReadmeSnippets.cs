using Chanjing.Emulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Chanjing.Sdk.Tests.Readme;

/// <summary>
/// Every C# block of README.md, compiled. Each block sits between "begin-snippet: NAME" and "end-snippet"
/// comments; <see cref="ReadmeTests"/> fails when README.md and this file drift apart.
/// </summary>
internal static partial class ReadmeSnippets
{
    public static async Task FirstCall()
    {
        // begin-snippet: first-call
        using var client = new ChanjingClient(new ChanjingOptions { AppId = "your-app-id", SecretKey = "your-secret-key" });

        var taskId = await client.SubmitReferenceVideoAsync(new ReferenceVideoRequest
        {
            Prompt = "Keep the horse's features consistent; it gallops across the grassland, steady push-in, cinematic",
            ReferenceImageUrls =
            {
                new Uri("https://res.chanjing.cc/chanjing/res/aigc_creation/photo/ref1.jpg"),
                new Uri("https://res.chanjing.cc/chanjing/res/aigc_creation/photo/ref2.jpg"),
            },
            AspectRatio = AspectRatio.Landscape16x9,
            Clarity = VideoClarity.P1080,
            DurationSeconds = 5,
        });

        CreationTask task = await client.GetTaskAsync(taskId);
        Console.WriteLine($"{task.Id}: {task.Status}");
        // end-snippet
    }

    public static void Authentication()
    {
        // begin-snippet: authentication
        // A fixed token: sent as is, never refreshed.
        var withToken = new ChanjingOptions { AccessToken = Environment.GetEnvironmentVariable("CHANJING_ACCESS_TOKEN") };

        // App id + secret key: tokens are fetched on first use, cached until 5 minutes before expire_in,
        // refreshed by one caller at a time, and shared by every client of the same account in the process.
        var withKeys = new ChanjingOptions
        {
            AppId = Environment.GetEnvironmentVariable("CHANJING_APP_ID"),
            SecretKey = Environment.GetEnvironmentVariable("CHANJING_SECRET_KEY"),
            TokenRefreshMargin = TimeSpan.FromMinutes(5),
        };
        // end-snippet
        _ = (withToken, withKeys);
    }

    public static void SharedTokenCache(IServiceCollection services, IConfiguration configuration)
    {
        // begin-snippet: shared-token-cache
        // Several instances of one app share one token through Redis instead of invalidating each other's.
        services.AddStackExchangeRedisCache(redis => redis.Configuration = "localhost:6379");
        services.AddChanjing(configuration).UseDistributedTokenCache();
        // end-snippet
    }

    public static async Task List(IChanjingClient client)
    {
        // begin-snippet: list
        var query = new CreationTaskQuery { Type = CreationType.Video, OnlySuccessful = true, PageSize = 50 };
        await foreach (var task in client.ListTasksAsync(query))
        {
            Console.WriteLine($"{task.CreatedAt:u} {task.Id} {task.OutputUrls.FirstOrDefault()}");
        }
        // end-snippet
    }

    public static async Task Avatars(IChanjingClient client)
    {
        // begin-snippet: avatars-public
        // The tag dictionary, then every public avatar carrying both tags (paged to the end, each once).
        var categories = await client.Avatars.ListTagsAsync();
        var query = new PublicAvatarQuery { TagIds = { categories[0].Tags[0].Id, categories[1].Tags[0].Id } };
        await foreach (var avatar in client.Avatars.ListPublicAsync(query))
        {
            var figure = avatar.Figures.First(f => f.Type == AvatarFigureType.SitBody);
            Console.WriteLine($"{avatar.Id} {avatar.Name}: {figure.Width}x{figure.Height}, speaks with voice {avatar.VoiceId}");
        }
        // end-snippet
    }

    public static async Task EveryModel(IChanjingClient client)
    {
        // begin-snippet: model-reference-video
        // Reference images + prompt → video (HappyHorse r2v by default; 16:9, 1080p, 5 s unless changed).
        var video = await client.GenerateAsync(new ReferenceVideoRequest
        {
            Prompt = "Keep the horse's features consistent; it gallops across the grassland",
            ReferenceImageUrls = { new Uri("https://res.chanjing.cc/chanjing/res/aigc_creation/photo/ref1.jpg"), new Uri("file:///photos/horse.png") },
            DurationSeconds = 10,
        });
        // end-snippet

        // begin-snippet: model-image-to-video
        // A first frame (and, for models that take one, a last frame) → video. Local files are uploaded first.
        var taskId = await client.SubmitAsync(new ImageToVideoRequest
        {
            ModelCode = ChanjingModels.DoubaoSeedance10LiteImageToVideo,
            Prompt = "The flower opens in time-lapse",
            StartFrameUrl = new Uri("file:///photos/bud.jpg"),
            EndFrameUrl = new Uri("file:///photos/bloom.jpg"),
            DurationSeconds = 5,
        });
        // end-snippet

        // begin-snippet: model-text-to-video
        // A prompt → video, no image.
        var clip = await client.GenerateAsync(new TextToVideoRequest
        {
            Prompt = "A white horse on a misty beach at sunrise",
            AspectRatio = AspectRatio.Portrait9x16,
            Clarity = VideoClarity.P720,
            DurationSeconds = 5,
        });
        // end-snippet

        // begin-snippet: model-video-edit
        // Videos (images optional) + prompt → an edited video.
        var edited = await client.GenerateAsync(new VideoEditRequest
        {
            Prompt = "Make it snow",
            SourceUrls = { new Uri("https://res.chanjing.cc/chanjing/res/clip.mp4") },
        });
        // end-snippet

        // begin-snippet: model-images
        // A prompt (reference images optional) → 1 to 4 images, one output URL each; saved as .png files.
        var images = await client.GenerateAsync(new ImageGenerationRequest
        {
            Prompt = "A miniature diorama of a tea house",
            NumberOfImages = 4,
            AspectRatio = new AspectRatio("3:4"),
            Clarity = ImageClarity.Px2048,
        });
        var files = await client.DownloadOutputsAsync(images, "output");
        // end-snippet

        // begin-snippet: model-custom
        // Any model, including one Chanjing adds after this release: fields go out verbatim.
        var custom = await client.SubmitAsync(new CustomCreationRequest(CreationType.Video, "minmax-h3-t2v")
        {
            Prompt = "Mountains at dawn",
            CallbackUrl = new Uri("https://app.example/chanjing/done"),
            AdditionalFields = { ["clarity"] = 1440, ["resolution_mode"] = "super", ["video_duration"] = 6 },
        });
        // end-snippet

        GC.KeepAlive((video, taskId, clip, edited, files, custom));
    }

    public static async Task WaitOne(IChanjingClient client, ReferenceVideoRequest request, CancellationToken cancellationToken)
    {
        // begin-snippet: wait-one
        var options = new WaitOptions
        {
            PollInterval = TimeSpan.FromSeconds(2),     // first pause; then ×1.5 each poll, ±20 % jitter
            MaxPollInterval = TimeSpan.FromSeconds(15), // backoff ceiling
            Timeout = TimeSpan.FromMinutes(20),         // the wait always ends
            OnSubmitted = id => Console.WriteLine($"Save this id to resume later: {id}"),
        };
        var progress = new Progress<CreationTask>(t => Console.WriteLine($"{t.Id} is {t.Status}"));

        try
        {
            CreationTask done = await client.GenerateReferenceVideoAsync(request, options, progress, cancellationToken);
            Console.WriteLine(done.OutputUrls[0]);
        }
        catch (ChanjingTaskFailedException failed)
        {
            Console.WriteLine($"Task {failed.Job.Id} failed (not charged): {failed.Job.ErrorMessage}");
        }
        catch (ChanjingWaitTimeoutException timeout)
        {
            // The task may still be running: resume later with the same id.
            var resumed = await client.WaitForCompletionAsync(timeout.TaskId!, options, progress, cancellationToken);
            Console.WriteLine(resumed.Status);
        }
        // end-snippet
    }

    public static async Task WaitMany(IChanjingClient client, IReadOnlyList<string> taskIds)
    {
        // begin-snippet: wait-many
        // One list request covers 50 tasks: 1,000 tasks cost 20 requests a round, not 1,000.
        await foreach (var task in client.WaitForAllAsync(taskIds))
        {
            Console.WriteLine(task.Status.IsSuccess ? $"{task.Id} {task.OutputUrls[0]}" : $"{task.Id} failed: {task.ErrorMessage}");
        }
        // end-snippet
    }

    public static async Task Errors(IChanjingClient client, ReferenceVideoRequest request)
    {
        // begin-snippet: errors
        try
        {
            await client.SubmitReferenceVideoAsync(request);
        }
        catch (ChanjingSubmitOutcomeUnknownException unknown)
        {
            // The request was sent but the answer was lost. Never resubmit blindly: the candidates are the tasks
            // created since unknown.SubmitStartedAt that match the request (possibly another submit's with the same settings).
            Console.WriteLine($"{unknown.Message} Candidates: {string.Join(", ", unknown.CandidateTaskIds)}");
        }
        catch (ChanjingInvalidParameterException invalid)
        {
            Console.WriteLine($"Code {invalid.Code}: {invalid.ServiceMessage} (trace {invalid.TraceId})");
        }
        catch (ChanjingException other) when (other.IsTransient)
        {
            Console.WriteLine($"Try again later: {other.Message}");
        }
        // end-snippet
    }

    public static void Observability(string[] args)
    {
        // begin-snippet: observability
        var builder = Host.CreateApplicationBuilder(args);
        builder.Services.AddChanjing(builder.Configuration);
        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource("Chanjing.Sdk"))      // one span per call and per wait
            .WithMetrics(metrics => metrics.AddMeter("Chanjing.Sdk"));      // the instruments below
        // Add your exporter (OTLP, Prometheus, ...) to both builders.
        // end-snippet
        GC.KeepAlive(builder);
    }

    public static async Task DependencyInjection(string[] args)
    {
        // begin-snippet: dependency-injection
        var builder = Host.CreateApplicationBuilder(args);
        builder.Services.AddChanjing(builder.Configuration)   // reads the "Chanjing" section, validated at start-up
            .HttpClientBuilder.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        builder.Services.AddChanjing("second-brand", builder.Configuration.GetSection("ChanjingSecondBrand"));
        using var host = builder.Build();

        var client = host.Services.GetRequiredService<IChanjingClient>();
        var second = host.Services.GetRequiredKeyedService<IChanjingClient>("second-brand");
        // end-snippet
        await Task.CompletedTask;
        _ = (client, second);
    }

    public static async Task Files(IChanjingClient client, CancellationToken cancellationToken)
    {
        // begin-snippet: files
        // Local images: pass file: URIs; they are checked (JPEG/PNG/WEBP, at most 20 MB), uploaded, then submitted.
        var request = new ReferenceVideoRequest
        {
            Prompt = "The horse walks through falling snow",
            ReferenceImageUrls = { new Uri(Path.GetFullPath("images/horse-front.png")), new Uri(Path.GetFullPath("images/horse-side.png")) },
        };
        var task = await client.GenerateReferenceVideoAsync(request, cancellationToken: cancellationToken);

        // Or upload yourself and reuse the URL.
        UploadedFile uploaded = await client.UploadFileAsync("images/horse-front.png", cancellationToken);
        Console.WriteLine(uploaded.Url);

        // Outputs: streamed, resumed with HTTP Range after a dropped connection, never left half-written.
        IReadOnlyList<string> files = await client.DownloadOutputsAsync(task, "output", new Progress<long>(bytes => Console.Write($"\r{bytes:N0} bytes")), cancellationToken);
        // end-snippet
        _ = files;
    }

    public static async Task TestingWithEmulator()
    {
        // begin-snippet: testing-emulator
        await using var emulator = await ChanjingEmulator.StartAsync(new ChanjingEmulatorOptions
        {
            QueuedDuration = TimeSpan.FromMilliseconds(100),
            GeneratingDuration = TimeSpan.FromMilliseconds(200),
        });
        using var client = new ChanjingClient(new ChanjingOptions
        {
            BaseAddress = emulator.BaseAddress,
            AppId = emulator.AppId,
            SecretKey = emulator.SecretKey,
        });

        // Script the service's bad days: rate limits, 5xx pages, dropped connections, malformed bodies.
        emulator.AddFault(EmulatorEndpoint.Submit, EmulatorFault.WithCode(40001), count: 2);
        var id = await client.SubmitReferenceVideoAsync(new ReferenceVideoRequest
        {
            Prompt = "a horse",
            ReferenceImageUrls = { new Uri("https://example.com/horse.jpg") },
        });

        // The journal shows what reached the server: here three submits, one task.
        Console.WriteLine($"{emulator.CountRequests(EmulatorEndpoint.Submit)} submits, {emulator.TaskCount} task, id {id}");
        // end-snippet
    }

    public static void TestingWithModelFactory()
    {
        // begin-snippet: testing-model-factory
        CreationTask finished = ChanjingModelFactory.CreationTask(
            id: "task-1",
            status: CreationTaskStatus.Success,
            outputUrls: [new Uri("https://example.com/video.mp4")]);
        // Return it from your IChanjingClient mock or fake.
        // end-snippet
        _ = finished;
    }

    public static async Task SpeechAndVoices(IChanjingClient client)
    {
        // begin-snippet: speech
        // A public voice speaks a text: the audio (WAV) and its subtitle timeline, saved as SRT.
        string? voiceId = null;
        await foreach (var voice in client.Voices.ListPublicAsync())
        {
            voiceId ??= voice.Id;
        }

        var speech = await client.Speech.GenerateAsync(new SpeechRequest("你好，欢迎使用蝉镜。", voiceId!) { Speed = 1.1 });
        Console.WriteLine($"{speech.AudioUrl} ({speech.Duration}), {speech.Subtitles.Count} cues");
        await client.DownloadOutputsAsync(speech, "output");
        await client.Speech.SaveSubtitlesAsync(speech, Path.Combine("output", speech.Id + ".srt"));
        // end-snippet

        // begin-snippet: voice-clone
        // Clone a voice from a local recording (uploaded first), then let it speak.
        var clone = await client.Voices.GenerateAsync(new VoiceCloneRequest("my voice", MediaSource.FromFile("me.wav")));
        var spoken = await client.Speech.GenerateAsync(new SpeechRequest("这是我克隆的声音。", clone.Id));
        // end-snippet
        _ = spoken;
    }

    public static async Task LipSyncAndDesign(IChanjingClient client)
    {
        // begin-snippet: lipsync
        // Re-voice a local video with a local audio file: both uploaded, the output as long as the audio.
        var video = await client.LipSync.GenerateAsync(LipSyncRequest.FromAudio(MediaSource.FromFile("talk.mp4"), MediaSource.FromFile("voice.wav")));
        var saved = await client.DownloadOutputsAsync(video, "output");
        Console.WriteLine($"{saved[0]} ({video.Duration})");
        // end-snippet

        // begin-snippet: avatar-design
        // Design a digital human from a description, then bring one of its pictures to life.
        var photos = await client.AvatarDesign.GeneratePhotoAsync(new AvatarPhotoRequest("Young adult", "Female") { NumberOfImages = 2, Detail = "短发，职业装" });
        var motion = await client.AvatarDesign.GenerateMotionAsync(new AvatarMotionRequest(photos.Id, photos.ImageUrls[0]) { Emotion = "微笑" });
        Console.WriteLine(motion.VideoUrl);
        // end-snippet
    }
}
