using Chanjing.Emulator;

namespace Chanjing.Sdk.IntegrationTests.Submits;

/// <summary>A round trip per request family against the emulator: submit, wait, outputs, and downloads with the right extension.</summary>
public sealed class EveryModelTests
{
    private static readonly Uri Image1 = new("https://res.chanjing.cc/chanjing/res/aigc_creation/photo/ref1.jpg");
    private static readonly Uri Image2 = new("https://res.chanjing.cc/chanjing/res/aigc_creation/photo/ref2.jpg");

    public static TheoryData<string, Func<CreationRequest>, int> Families => new()
    {
        { "reference video", () => new ReferenceVideoRequest { Prompt = "a horse gallops", ReferenceImageUrls = { Image1, Image2 } }, 1 },
        { "image to video", () => new ImageToVideoRequest { Prompt = "the horse starts to run", StartFrameUrl = Image1, Clarity = VideoClarity.P720, DurationSeconds = 5 }, 1 },
        { "first and last frame", () => new ImageToVideoRequest { ModelCode = ChanjingModels.DoubaoSeedance10LiteImageToVideo, Prompt = "morph", StartFrameUrl = Image1, EndFrameUrl = Image2, DurationSeconds = 5 }, 1 },
        { "text to video", () => new TextToVideoRequest { Prompt = "a horse on a beach", AspectRatio = AspectRatio.Portrait9x16, Clarity = VideoClarity.P720, DurationSeconds = 5 }, 1 },
        { "video edit", () => new VideoEditRequest { Prompt = "make it snow", SourceUrls = { new Uri("https://res.chanjing.cc/chanjing/res/clip.mp4"), Image1 } }, 1 },
        { "images", () => new ImageGenerationRequest { Prompt = "a miniature scene", NumberOfImages = 3, AspectRatio = AspectRatio.Portrait9x16, Clarity = ImageClarity.Px2048 }, 3 },
        { "text-only images", () => new ImageGenerationRequest { ModelCode = ChanjingModels.DoubaoSeedream30TextToImage, Prompt = "neon city", NumberOfImages = 2 }, 2 },
        { "custom", () => new CustomCreationRequest(CreationType.Video, ChanjingModels.MiniMaxH3TextToVideo) { Prompt = "mountains", AdditionalFields = { ["resolution_mode"] = "super", ["video_duration"] = 6 } }, 1 },
    };

    [Theory]
    [MemberData(nameof(Families))]
    public async Task GenerateAsync_EveryFamily_SucceedsWithOneOutputPerImageAndDownloadsWithTheRightExtension(string family, Func<CreationRequest> create, int outputs)
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var request = create();
        var directory = Path.Combine(Path.GetTempPath(), "chanjing-every-model-" + Guid.NewGuid().ToString("N"));
        try
        {
            var task = await client.GenerateAsync(request, Support.FastWait);
            var saved = await client.DownloadOutputsAsync(task, directory);

            Assert.True(task.Status.IsSuccess, family);
            Assert.Equal(request.CreationType, task.Type);
            Assert.Equal(request.ModelCode, task.ModelCode);
            Assert.Equal(outputs, task.OutputUrls.Count);
            Assert.Equal(outputs, saved.Count);
            var extension = request.CreationType == CreationType.Image ? ".png" : ".mp4";
            Assert.All(saved, path => Assert.Equal(extension, Path.GetExtension(path)));
            Assert.Equal(request.Prompt, request.CreationType == CreationType.Image ? task.ImageSettings?.Prompt : task.VideoSettings?.Prompt);
            if (request is ImageGenerationRequest { NumberOfImages: { } count })
            {
                Assert.Equal(count, task.ImageSettings?.NumberOfImages);
            }
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Fact]
    public async Task SubmitAsync_LocalStartFrameAndLocalVideoSource_UploadedFirstThenSubmitted()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var frame = Path.Combine(Path.GetTempPath(), $"chanjing-frame-{Guid.NewGuid():N}.png");
        var clip = Path.Combine(Path.GetTempPath(), $"chanjing-clip-{Guid.NewGuid():N}.mp4");
        await File.WriteAllBytesAsync(frame, Support.Png(64, 48));
        // The smallest file that reads as MP4 by content: an 'ftyp' box.
        await File.WriteAllBytesAsync(clip, [0, 0, 0, 16, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m', 0, 0, 2, 0]);
        try
        {
            var i2v = await client.SubmitAsync(new ImageToVideoRequest { Prompt = "run", StartFrameUrl = new Uri(frame), Clarity = VideoClarity.P720, DurationSeconds = 5 });
            var edit = await client.SubmitAsync(new VideoEditRequest { Prompt = "snow", SourceUrls = { new Uri(clip) } });

            Assert.False(string.IsNullOrEmpty(i2v));
            Assert.False(string.IsNullOrEmpty(edit));
            Assert.Equal(2, emulator.CountRequests(EmulatorEndpoint.UploadPut));
            var submits = emulator.Journal.Where(r => r.Endpoint == EmulatorEndpoint.Submit).Select(r => r.Body).ToList();
            Assert.DoesNotContain(submits, body => body.Contains("file:", StringComparison.Ordinal) || body.Contains(Path.GetTempPath(), StringComparison.Ordinal));
            Assert.Contains("\"start_frame\":\"http", submits[0], StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(frame);
            File.Delete(clip);
        }
    }

    [Fact]
    public async Task WaitForAllAsync_MixOfImageAndVideoTasks_AllYielded()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var ids = new List<string>
        {
            await client.SubmitAsync(new ImageGenerationRequest { Prompt = "one", NumberOfImages = 2 }),
            await client.SubmitAsync(new TextToVideoRequest { Prompt = "two", AspectRatio = AspectRatio.Square1x1, Clarity = VideoClarity.P720, DurationSeconds = 5 }),
            await client.SubmitAsync(new ImageGenerationRequest { Prompt = "three" }),
        };

        var finished = await client.WaitForAllAsync(ids, Support.FastWait).ToListAsync();

        Assert.Equal(ids.Order(), finished.Select(t => t.Id).Order());
        Assert.Equal(2, finished.Count(t => t.Type == CreationType.Image));
    }

    [Fact]
    public async Task SubmitAsync_ImageTaskAnswerLostAndClaimingOn_ReconciledByWhatThePhotoInfoEchoes()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator, o => o.Reconciliation.ClaimUniqueMatch = true);
        emulator.AddFault(EmulatorEndpoint.Submit, EmulatorFault.AbortAfterProcessing());

        // A prompt of its own: submits of earlier tests to an emulator that had this port could own a task like it.
        // Every echoed setting sent: a default the service fills in is a difference, and only an exact match is claimed.
        var id = await client.SubmitAsync(new ImageGenerationRequest { Prompt = $"lost answer {Guid.NewGuid():N}", NumberOfImages = 2, AspectRatio = AspectRatio.Square1x1, Clarity = ImageClarity.Px2048 });

        Assert.Equal(1, emulator.TaskCount);
        Assert.Equal(CreationType.Image, (await client.GetTaskAsync(id)).Type);
    }
}
