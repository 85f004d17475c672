using System.Text.Json.Nodes;
using Chanjing.Sdk.Tests.TestSupport;

namespace Chanjing.Sdk.Tests.Models;

/// <summary>Every request family produces exactly the documented body: field names, JSON types, nothing unset.</summary>
public sealed class CreationRequestWireTests
{
    private const string Ref1 = "https://res.chanjing.cc/chanjing/res/aigc_creation/photo/ref1.jpg";
    private const string Ref2 = "https://res.chanjing.cc/chanjing/res/aigc_creation/photo/ref2.jpg";
    private const string Start = "https://res.chanjing.cc/chanjing/res/aigc_creation/photo/start.jpg";

    /// <summary>Submits <paramref name="request"/> to a handler that records the body; returns it.</summary>
    internal static async Task<string> SentBodyAsync(CreationRequest request)
    {
        string? body = null;
        var handler = new LambdaHandler(async (message, _) =>
        {
            body = await message.Content!.ReadAsStringAsync();
            return Wire.Ok(JsonValue.Create("task-1"));
        });
        using var client = handler.CreateClient();
        Assert.Equal("task-1", await client.SubmitAsync(request));
        return body!;
    }

    private static async Task AssertBodyAsync(string expected, CreationRequest request)
    {
        var body = await SentBodyAsync(request);
        Assert.True(Wire.JsonEquals(expected, body), $"expected {expected}\nsent     {body}");
    }

    [Fact]
    public async Task ReferenceVideoRequest_DocumentedR2vExample_ExactBody() => await AssertBodyAsync(Wire.Example("submit.request.json"), new ReferenceVideoRequest
    {
        Prompt = "keep the horse's features consistent; it gallops across the grassland, steady push-in, cinematic",
        ReferenceImageUrls = { new Uri(Ref1), new Uri(Ref2) },
    });

    [Fact]
    public async Task ImageToVideoRequest_DocumentedI2vExample_ExactBody() => await AssertBodyAsync(
        $$"""{"start_frame":"{{Start}}","ref_prompt":"让画面中的马向前奔跑,鬃毛随风摆动,镜头平滑跟随,保持自然光影","creation_type":4,"aspect_ratio":"16:9","clarity":1080,"video_duration":5,"model_code":"happyhorse-1.0-i2v"}""",
        new ImageToVideoRequest
        {
            StartFrameUrl = new Uri(Start),
            Prompt = "让画面中的马向前奔跑,鬃毛随风摆动,镜头平滑跟随,保持自然光影",
            AspectRatio = AspectRatio.Landscape16x9,
            Clarity = VideoClarity.P1080,
            DurationSeconds = 5,
        });

    [Fact]
    public async Task ImageGenerationRequest_DocumentedSeedream30Example_ExactBody() => await AssertBodyAsync(
        """{"ref_prompt":"赛博朋克城市夜景,霓虹灯,雨夜,电影镜头","creation_type":3,"aspect_ratio":"16:9","clarity":2048,"number_of_images":1,"model_code":"doubao-seedream-3.0-t2i"}""",
        new ImageGenerationRequest
        {
            ModelCode = ChanjingModels.DoubaoSeedream30TextToImage,
            Prompt = "赛博朋克城市夜景,霓虹灯,雨夜,电影镜头",
            AspectRatio = AspectRatio.Landscape16x9,
            Clarity = ImageClarity.Px2048,
            NumberOfImages = 1,
        });

    [Fact]
    public async Task TextToVideoRequest_HappyHorseT2v_ExactBody() => await AssertBodyAsync(
        """{"ref_prompt":"a horse on a beach","creation_type":4,"aspect_ratio":"9:16","clarity":720,"video_duration":10,"model_code":"happyhorse-1.0-t2v"}""",
        new TextToVideoRequest { Prompt = "a horse on a beach", AspectRatio = AspectRatio.Portrait9x16, Clarity = VideoClarity.P720, DurationSeconds = 10 });

    [Fact]
    public async Task VideoEditRequest_VideoAndImage_ExactBody() => await AssertBodyAsync(
        $$"""{"ref_img_url":["https://res.chanjing.cc/clip.mp4","{{Ref1}}"],"ref_prompt":"make it snow","creation_type":4,"clarity":1080,"model_code":"happyhorse-1.0-video-edit"}""",
        new VideoEditRequest { Prompt = "make it snow", SourceUrls = { new Uri("https://res.chanjing.cc/clip.mp4"), new Uri(Ref1) }, Clarity = VideoClarity.P1080 });

    [Fact]
    public async Task ImageGenerationRequest_Seedream40WithReference_ExactBody() => await AssertBodyAsync(
        $$"""{"ref_img_url":["{{Ref1}}"],"ref_prompt":"same style","creation_type":3,"aspect_ratio":"4:3","clarity":1024,"number_of_images":2,"model_code":"doubao-seedream-4.0"}""",
        new ImageGenerationRequest { ModelCode = ChanjingModels.DoubaoSeedream40, Prompt = "same style", ReferenceImageUrls = { new Uri(Ref1) }, AspectRatio = new AspectRatio("4:3"), Clarity = ImageClarity.Px1024, NumberOfImages = 2 });

    [Fact]
    public async Task ImageGenerationRequest_DefaultModelOnlyPrompt_NoUnsetFields() => await AssertBodyAsync(
        """{"ref_prompt":"a miniature scene","creation_type":3,"model_code":"doubao-seedream-4.5"}""",
        new ImageGenerationRequest { Prompt = "a miniature scene" });

    [Fact]
    public async Task ReferenceVideoRequest_KlingTurboWithoutClarity_QualityModeAndNoClarity() => await AssertBodyAsync(
        $$"""{"ref_img_url":["{{Ref1}}"],"ref_prompt":"the cat jumps","creation_type":4,"aspect_ratio":"16:9","video_duration":10,"quality_mode":"pro","model_code":"kling-v2-5-turbo-normal"}""",
        new ReferenceVideoRequest { ModelCode = ChanjingModels.KlingV25TurboNormal, Prompt = "the cat jumps", ReferenceImageUrls = { new Uri(Ref1) }, Clarity = null, DurationSeconds = 10, QualityMode = QualityMode.Pro });

    [Fact]
    public async Task ImageToVideoRequest_StartAndEndFrames_BothSent() => await AssertBodyAsync(
        $$"""{"start_frame":"{{Ref1}}","end_frame":"{{Ref2}}","ref_prompt":"morph","creation_type":4,"aspect_ratio":"16:9","clarity":1080,"video_duration":5,"quality_mode":"pro","model_code":"tx_kling2.5"}""",
        new ImageToVideoRequest { ModelCode = ChanjingModels.TxKling25, StartFrameUrl = new Uri(Ref1), EndFrameUrl = new Uri(Ref2), Prompt = "morph", AspectRatio = AspectRatio.Landscape16x9, Clarity = VideoClarity.P1080, DurationSeconds = 5, QualityMode = QualityMode.Pro });

    [Fact]
    public async Task CustomCreationRequest_NewFieldsAndCallback_SentVerbatim() => await AssertBodyAsync(
        """{"ref_prompt":"mountains","creation_type":4,"model_code":"minmax-h3-t2v","callback":"https://app.example/done","clarity":1440,"resolution_mode":"super","video_duration":6,"extra":{"nested":[1,true,null]}}""",
        new CustomCreationRequest(CreationType.Video, ChanjingModels.MiniMaxH3TextToVideo)
        {
            Prompt = "mountains",
            CallbackUrl = new Uri("https://app.example/done"),
            AdditionalFields =
            {
                ["clarity"] = 1440,
                ["resolution_mode"] = "super",
                ["video_duration"] = 6,
                ["extra"] = JsonNode.Parse("""{"nested":[1,true,null]}"""),
            },
        });

    [Fact]
    public async Task CustomCreationRequest_ModelTheSdkDoesNotKnow_SentWithGenericChecksOnly() => await AssertBodyAsync(
        """{"ref_prompt":"p","creation_type":3,"model_code":"future-model-9","number_of_images":4,"style":"ink"}""",
        new CustomCreationRequest(CreationType.Image, "future-model-9") { Prompt = "p", AdditionalFields = { ["number_of_images"] = 4, ["style"] = "ink" } });

    [Fact]
    public async Task AdditionalFields_ChangedAfterSubmitStarts_BodyIsTheSnapshot()
    {
        var node = new JsonObject { ["a"] = 1 };
        var request = new CustomCreationRequest(CreationType.Video, "future-model") { Prompt = "p", AdditionalFields = { ["opts"] = node } };

        var body = await SentBodyAsync(request);
        node["a"] = 2;

        Assert.Contains("\"opts\":{\"a\":1}", body, StringComparison.Ordinal);
        Assert.Equal(2, (int)node["a"]!);
    }
}
