using System.Drawing;
using Chanjing.Emulator;
using Chanjing.Extensions.AI.Images;
using Chanjing.Sdk;
using Chanjing.Sdk.TestShared;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using MeaiImageRequest = Microsoft.Extensions.AI.ImageGenerationRequest;

namespace Chanjing.Extensions.AI.Tests;

/// <summary><see cref="ChanjingAIExtensions.AsIImageGenerator"/> against the emulator, inside the MEAI pipeline.</summary>
public sealed class ImageGeneratorTests
{
    [Fact]
    public async Task GenerateAsync_ThroughLoggingAndOpenTelemetry_SizeAndCountMappedAndUrisReturned()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var (loggerFactory, logs) = Support.Logging();
        using var activities = new ActivityCollector(nameof(GenerateAsync_ThroughLoggingAndOpenTelemetry_SizeAndCountMappedAndUrisReturned));
        using var generator = new ImageGeneratorBuilder(client.AsIImageGenerator())
            .UseLogging(loggerFactory)
            .UseOpenTelemetry(loggerFactory, nameof(GenerateAsync_ThroughLoggingAndOpenTelemetry_SizeAndCountMappedAndUrisReturned))
            .Build();

        var response = await generator.GenerateImagesAsync(
            "a red fox in the snow",
            new ImageGenerationOptions { Count = 2, ImageSize = new Size(1920, 1080), ResponseFormat = ImageGenerationResponseFormat.Uri });

        var images = response.Contents.OfType<UriContent>().ToArray();
        Assert.Equal(2, images.Length);
        Assert.All(images, i => Assert.StartsWith(emulator.BaseAddress.GetLeftPart(UriPartial.Authority), i.Uri.AbsoluteUri, StringComparison.Ordinal));
        Assert.All(images, i => Assert.StartsWith("image/", i.MediaType, StringComparison.Ordinal));
        var task = Assert.IsType<CreationTask>(response.RawRepresentation);
        Assert.Equal(CreationTaskStatus.Success, task.Status);

        var body = Support.LastSubmit(emulator);
        Assert.Equal(ChanjingModels.DoubaoSeedream40, (string?)body["model_code"]);
        Assert.Equal("16:9", (string?)body["aspect_ratio"]);
        Assert.Equal(2048, (int?)body["clarity"]);
        Assert.Equal(2, (int?)body["number_of_images"]);

        var activity = Assert.Single(activities.Activities);
        Assert.Contains(activity.Tags, t => t.Value == ChanjingModels.DoubaoSeedream40);
        Assert.Contains(activity.Tags, t => t.Value == "chanjing");
        Assert.Contains(logs.GetSnapshot(), r => r.Category == typeof(LoggingImageGenerator).FullName && r.Message.Contains("completed", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task GenerateAsync_DataFormatAndInMemoryOriginal_OriginalUploadedAsReferenceAndBytesReturned()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var (loggerFactory, _) = Support.Logging();
        using var generator = client.AsIImageGenerator().AsBuilder().UseLogging(loggerFactory).UseOpenTelemetry(loggerFactory).Build();
        var original = new DataContent(TestImages.Png(32, 32), "image/png");

        var response = await generator.EditImageAsync(original, "the same scene at night", new ImageGenerationOptions { ResponseFormat = ImageGenerationResponseFormat.Data });

        var image = Assert.Single(response.Contents.OfType<DataContent>());
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], image.Data[..4].ToArray());
        Assert.Equal("image/png", image.MediaType);
        Assert.Equal(1, emulator.CountRequests(EmulatorEndpoint.UploadPut));
        var reference = Assert.Single(Support.LastSubmit(emulator)["ref_img_url"]!.AsArray());
        Assert.StartsWith(emulator.BaseAddress.GetLeftPart(UriPartial.Authority), (string)reference!, StringComparison.Ordinal);
        Assert.Equal("1:1", (string?)Support.LastSubmit(emulator)["aspect_ratio"]);
    }

    [Fact]
    public async Task GenerateAsync_FromDependencyInjection_ModelIdChosenPerCallAndServicesExposed()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IChanjingClient>(client);
        services.AddImageGenerator(sp => sp.GetRequiredService<IChanjingClient>().AsIImageGenerator()).UseLogging().UseOpenTelemetry();
        await using var provider = services.BuildServiceProvider();
        var generator = provider.GetRequiredService<IImageGenerator>();

        var response = await generator.GenerateImagesAsync("a lighthouse", new ImageGenerationOptions { ModelId = ChanjingModels.DoubaoSeedream30TextToImage, ImageSize = new Size(768, 1024) });

        Assert.NotEmpty(response.Contents);
        var body = Support.LastSubmit(emulator);
        Assert.Equal(ChanjingModels.DoubaoSeedream30TextToImage, (string?)body["model_code"]);
        Assert.Equal("3:4", (string?)body["aspect_ratio"]);
        Assert.Equal(1024, (int?)body["clarity"]);
        var metadata = generator.GetService<ImageGeneratorMetadata>();
        Assert.Equal("chanjing", metadata?.ProviderName);
        Assert.Equal(ChanjingModels.DoubaoSeedream40, metadata?.DefaultModelId);
        Assert.Same(client, generator.GetService<IChanjingClient>());
    }

    [Fact]
    public async Task GenerateAsync_TaskFails_SdkTypedExceptionThroughThePipeline()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var (loggerFactory, logs) = Support.Logging();
        using var generator = client.AsIImageGenerator().AsBuilder().UseLogging(loggerFactory).UseOpenTelemetry(loggerFactory).Build();

        var error = await Assert.ThrowsAsync<ChanjingTaskFailedException>(() => generator.GenerateImagesAsync("a cat " + emulator.Options.FailurePromptMarker));

        Assert.False(error.Job.IsSucceeded);
        Assert.Contains(logs.GetSnapshot(), r => r.Exception is ChanjingTaskFailedException);
    }

    [Fact]
    public async Task GenerateAsync_UnsupportedOriginal_ArgumentExceptionBeforeAnyRequest()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        using var generator = client.AsIImageGenerator();

        await Assert.ThrowsAsync<ArgumentException>(() => generator.GenerateAsync(new MeaiImageRequest("x", [new TextContent("not an image")])));

        Assert.Empty(emulator.Journal);
    }

    [Theory]
    [InlineData(1024, 1024, "1:1", 1024)]
    [InlineData(1920, 1080, "16:9", 2048)]
    [InlineData(1080, 1920, "9:16", 2048)]
    [InlineData(1024, 1536, "3:4", 2048)]
    [InlineData(4000, 3000, "4:3", 4096)]
    [InlineData(3000, 1000, "16:9", 2048)]
    public void ImageShape_Size_NearestRatioAndClarity(int width, int height, string ratio, int clarity)
    {
        Assert.Equal(ratio, ImageShape.NearestRatio(new Size(width, height)).Value);
        Assert.Equal(clarity, ImageShape.NearestClarity(ChanjingModels.DoubaoSeedream40, new Size(width, height)).Value);
    }

    [Fact]
    public void ImageShape_ModelWithoutSmallClarity_NearestAllowed()
    {
        Assert.Equal(2048, ImageShape.NearestClarity(ChanjingModels.DoubaoSeedream45, new Size(512, 512)).Value);
        Assert.Equal(2048, ImageShape.NearestClarity(ChanjingModels.KlingV21Image, new Size(4096, 4096)).Value);
    }
}
