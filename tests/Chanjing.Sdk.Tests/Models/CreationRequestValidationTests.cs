using System.Text.Json.Nodes;
using Chanjing.Sdk.Tests.TestSupport;

namespace Chanjing.Sdk.Tests.Models;

/// <summary>One test per rule: each refused with an ArgumentException naming the property, before any request.</summary>
public sealed class CreationRequestValidationTests
{
    private static readonly Uri Image = new("https://res.chanjing.cc/a.jpg");

    public static TheoryData<string, Func<CreationRequest>, string> Refused => new()
    {
        { "text-only image model takes no reference image", () => new ImageGenerationRequest { ModelCode = ChanjingModels.DoubaoSeedream30TextToImage, Prompt = "p", ReferenceImageUrls = { Image } }, "ImageGenerationRequest.ReferenceImageUrls is not accepted by model doubao-seedream-3.0-t2i" },
        { "number_of_images above 4", () => new ImageGenerationRequest { Prompt = "p", NumberOfImages = 5 }, "ImageGenerationRequest.NumberOfImages must be between 1 and 4" },
        { "number_of_images of an unknown model still 1-4", () => new ImageGenerationRequest { ModelCode = "future-image", Prompt = "p", NumberOfImages = 9 }, "between 1 and 4" },
        { "number_of_images zero", () => new ImageGenerationRequest { Prompt = "p", NumberOfImages = 0 }, "ImageGenerationRequest.NumberOfImages must be greater than zero" },
        { "r2v clarity outside 720/1080", () => new ReferenceVideoRequest { Prompt = "p", ReferenceImageUrls = { Image }, Clarity = new VideoClarity(1440) }, "ReferenceVideoRequest.Clarity is 1440, but model happyhorse-1.0-r2v takes 720, 1080" },
        { "r2v duration outside 5/10", () => new ReferenceVideoRequest { Prompt = "p", ReferenceImageUrls = { Image }, DurationSeconds = 7 }, "ReferenceVideoRequest.DurationSeconds is 7" },
        { "r2v aspect ratio outside the documented ones", () => new ReferenceVideoRequest { Prompt = "p", ReferenceImageUrls = { Image }, AspectRatio = new AspectRatio("4:3") }, "ReferenceVideoRequest.AspectRatio is '4:3'" },
        { "r2v without its required duration", () => new ReferenceVideoRequest { Prompt = "p", ReferenceImageUrls = { Image }, DurationSeconds = null }, "ReferenceVideoRequest.DurationSeconds is required by model happyhorse-1.0-r2v" },
        { "kling turbo has no clarity", () => new ReferenceVideoRequest { ModelCode = ChanjingModels.KlingV25TurboNormal, Prompt = "p", ReferenceImageUrls = { Image } }, "ReferenceVideoRequest.Clarity is not accepted by model kling-v2-5-turbo-normal ('clarity'); set it to null" },
        { "kling turbo quality mode std/pro", () => new TextToVideoRequest { ModelCode = ChanjingModels.KlingV25TurboNormal, Prompt = "p", DurationSeconds = 5, QualityMode = new QualityMode("ultra") }, "TextToVideoRequest.QualityMode is 'ultra'" },
        { "image family with a video model", () => new ImageGenerationRequest { ModelCode = ChanjingModels.HappyHorseTextToVideo, Prompt = "p" }, "model happyhorse-1.0-t2v makes videos, but a ImageGenerationRequest makes images" },
        { "video family with an image model", () => new TextToVideoRequest { ModelCode = ChanjingModels.DoubaoSeedream45, Prompt = "p" }, "makes images" },
        { "additional field colliding with a modelled one", () => new ReferenceVideoRequest { Prompt = "p", ReferenceImageUrls = { Image }, AdditionalFields = { ["clarity"] = 720 } }, "ReferenceVideoRequest.AdditionalFields[\"clarity\"] collides with ReferenceVideoRequest.Clarity" },
        { "additional field colliding with a base field", () => new CustomCreationRequest(CreationType.Video, "m") { AdditionalFields = { ["model_code"] = "other" } }, "collides with CustomCreationRequest.ModelCode" },
        { "text to video needs a prompt", () => new TextToVideoRequest(), "TextToVideoRequest.Prompt must not be null" },
        { "image generation needs a prompt", () => new ImageGenerationRequest { Prompt = "  " }, "ImageGenerationRequest.Prompt must not be empty" },
        { "image to video needs a frame", () => new ImageToVideoRequest { Prompt = "p", Clarity = VideoClarity.P720, DurationSeconds = 5 }, "ImageToVideoRequest.StartFrameUrl or EndFrameUrl must be set" },
        { "happyhorse i2v needs the first frame", () => new ImageToVideoRequest { Prompt = "p", EndFrameUrl = Image, Clarity = VideoClarity.P720, DurationSeconds = 5 }, "ImageToVideoRequest.StartFrameUrl is required by model happyhorse-1.0-i2v" },
        { "video edit needs a source", () => new VideoEditRequest { Prompt = "p" }, "VideoEditRequest.SourceUrls must contain at least one URL" },
        { "seedream 4.5 clarity 2048/4096", () => new ImageGenerationRequest { Prompt = "p", Clarity = ImageClarity.Px1024 }, "ImageGenerationRequest.Clarity is 1024, but model doubao-seedream-4.5 takes 2048, 4096" },
        { "kling v2.1 image takes one reference", () => new ImageGenerationRequest { ModelCode = ChanjingModels.KlingV21Image, Prompt = "p", AspectRatio = AspectRatio.Square1x1, Clarity = ImageClarity.Px1024, ReferenceImageUrls = { Image, Image } }, "takes at most 1" },
        { "seedream 4.0 needs an aspect ratio", () => new ImageGenerationRequest { ModelCode = ChanjingModels.DoubaoSeedream40, Prompt = "p", Clarity = ImageClarity.Px2048 }, "ImageGenerationRequest.AspectRatio is required by model doubao-seedream-4.0" },
        { "t2v takes no frame even through additional fields", () => new TextToVideoRequest { Prompt = "p", AspectRatio = AspectRatio.Square1x1, Clarity = VideoClarity.P720, DurationSeconds = 5, AdditionalFields = { ["start_frame"] = "https://x/a.jpg" } }, "TextToVideoRequest.AdditionalFields[\"start_frame\"] is not accepted by model happyhorse-1.0-t2v" },
        { "callback must be http(s)", () => new TextToVideoRequest { ModelCode = "future", Prompt = "p", CallbackUrl = new Uri("ftp://example.com/done") }, "TextToVideoRequest.CallbackUrl must use http or https" },
        { "relative frame URL", () => new ImageToVideoRequest { ModelCode = "future", Prompt = "p", StartFrameUrl = new Uri("a.jpg", UriKind.Relative) }, "ImageToVideoRequest.StartFrameUrl must be an absolute" },
        { "empty model code", () => new TextToVideoRequest { ModelCode = " ", Prompt = "p" }, "TextToVideoRequest.ModelCode must not be empty" },
        { "model code with a line break", () => new TextToVideoRequest { ModelCode = "happyhorse\r\nX-Injected: 1", Prompt = "p" }, "control characters" },
        { "default aspect ratio value", () => new TextToVideoRequest { ModelCode = "future", Prompt = "p", AspectRatio = default(AspectRatio) }, "TextToVideoRequest.AspectRatio must not be default(AspectRatio)" },
        { "video edit of images only", () => new VideoEditRequest { Prompt = "p", SourceUrls = { Image } }, "VideoEditRequest.SourceUrls holds only images; model happyhorse-1.0-video-edit needs at least one video" },
        { "kling turbo takes one reference image", () => new ReferenceVideoRequest { ModelCode = ChanjingModels.KlingV25TurboNormal, Prompt = "p", Clarity = null, ReferenceImageUrls = { Image, Image } }, "takes at most 1" },
        { "happyhorse i2v aspect ratios", () => new ImageToVideoRequest { Prompt = "p", StartFrameUrl = Image, Clarity = VideoClarity.P720, DurationSeconds = 5, AspectRatio = new AspectRatio("4:3") }, "ImageToVideoRequest.AspectRatio is '4:3', but model happyhorse-1.0-i2v takes 9:16, 16:9, 1:1" },
        { "empty additional field name", () => new CustomCreationRequest(CreationType.Video, "future") { Prompt = "p", AdditionalFields = { [" "] = 1 } }, "empty name" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task SubmitAsync_RuleBroken_RefusedBeforeAnyRequest(string rule, Func<CreationRequest> create, string message)
    {
        var handler = new LambdaHandler((_, _) => throw new InvalidOperationException("no request expected"));
        using var client = handler.CreateClient();

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => client.SubmitAsync(create()));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.True(handler.Count == 0, rule);
    }

    [Fact]
    public async Task SubmitAsync_I2vFirstFrameAsReferenceImage_AcceptedAsThePageTableShows()
    {
        var body = await CreationRequestWireTests.SentBodyAsync(new CustomCreationRequest(CreationType.Video, ChanjingModels.HappyHorseImageToVideo)
        {
            Prompt = "p",
            AdditionalFields = { ["ref_img_url"] = new JsonArray("https://x/start.jpg"), ["clarity"] = 720, ["video_duration"] = 5 },
        });

        Assert.Contains("\"ref_img_url\":[\"https://x/start.jpg\"]", body, StringComparison.Ordinal);
    }
}
