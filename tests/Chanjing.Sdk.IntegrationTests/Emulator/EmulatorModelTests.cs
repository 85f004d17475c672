using System.Text.Json.Nodes;
using Chanjing.Emulator;

namespace Chanjing.Sdk.IntegrationTests.Emulator;

/// <summary>Every documented submit body (chanjing-api.md, "Every AI-creation model") is accepted, echoed and finished with decodable outputs.</summary>
public sealed class EmulatorModelTests
{
    private const string Img = "https://res.chanjing.cc/chanjing/res/aigc_creation/photo/ref1.jpg";
    private const string Img2 = "https://res.chanjing.cc/chanjing/res/aigc_creation/photo/ref2.jpg";
    private const string Clip = "https://res.chanjing.cc/chanjing/res/aigc_creation/video/source.mp4";

    public static TheoryData<string> DocumentedBodies() =>
    [
        $$"""{"ref_img_url":["{{Img}}","{{Img2}}"],"ref_prompt":"keep the horse consistent","creation_type":4,"aspect_ratio":"16:9","clarity":1080,"video_duration":5,"model_code":"happyhorse-1.0-r2v"}""",
        $$"""{"ref_img_url":["{{Img}}"],"ref_prompt":"the horse starts to run","creation_type":4,"clarity":720,"video_duration":10,"model_code":"happyhorse-1.0-i2v"}""",
        $$"""{"start_frame":"{{Img}}","ref_prompt":"the horse starts to run","creation_type":4,"clarity":1080,"video_duration":5,"model_code":"happyhorse-1.0-i2v"}""",
        """{"ref_prompt":"a horse on a beach","creation_type":4,"aspect_ratio":"9:16","clarity":720,"video_duration":5,"model_code":"happyhorse-1.0-t2v"}""",
        $$"""{"ref_img_url":["{{Clip}}","{{Img}}"],"ref_prompt":"make it snow","creation_type":4,"clarity":1080,"model_code":"happyhorse-1.0-video-edit"}""",
        $$"""{"start_frame":"{{Img}}","end_frame":"{{Img2}}","ref_prompt":"morph","creation_type":4,"aspect_ratio":"1:1","video_duration":5,"model_code":"Doubao-Seedance-1.0-lite-i2v"}""",
        """{"ref_prompt":"city at night","creation_type":4,"aspect_ratio":"16:9","clarity":1080,"video_duration":10,"model_code":"Doubao-Seedance-1.0-pro"}""",
        """{"ref_prompt":"a cat dancing","creation_type":4,"aspect_ratio":"1:1","quality_mode":"std","video_duration":5,"model_code":"kling-v2-5-turbo-normal"}""",
        $$"""{"ref_img_url":["{{Img}}"],"ref_prompt":"the cat jumps","creation_type":4,"quality_mode":"pro","video_duration":10,"model_code":"kling-v2-5-turbo-normal"}""",
        $$"""{"start_frame":"{{Img}}","end_frame":"{{Img2}}","ref_prompt":"","aspect_ratio":"16:9","clarity":1080,"quality_mode":"pro","video_duration":5,"creation_type":4,"model_code":"tx_kling2.5"}""",
        $$"""{"ref_img_url":["{{Img}}","{{Img2}}"],"ref_prompt":"from start to end","creation_type":4,"aspect_ratio":"16:9","clarity":1080,"quality_mode":"pro","video_duration":5,"model_code":"tx_kling-v2-1-master"}""",
        $$"""{"start_frame":"{{Img}}","ref_prompt":"waves","creation_type":4,"clarity":1080,"video_duration":6,"aspect_ratio":"16:9","quality_mode":"std","model_code":"MiniMax-Hailuo-02"}""",
        """{"ref_prompt":"a dragon","creation_type":4,"aspect_ratio":"21:9","video_duration":5,"style":"anime","number_of_images":1,"resolution_mode":"native","callback":"","model_code":"Doubao-Seedance-2.0"}""",
        $$"""{"ref_img_url":["{{Img}}"],"ref_prompt":"a dragon","creation_type":4,"video_duration":5,"model_code":"seedance-2.0-pro-wetoken"}""",
        """{"ref_prompt":"mountains","creation_type":4,"clarity":1440,"resolution_mode":"super","video_duration":6,"model_code":"minmax-h3-t2v"}""",
        """{"ref_prompt":"a miniature scene","creation_type":3,"aspect_ratio":"3:4","clarity":2048,"number_of_images":4,"model_code":"doubao-seedream-3.0-t2i"}""",
        """{"ref_prompt":"a miniature scene","creation_type":3,"model_code":"doubao-seedream-3.0-t2i"}""",
        $$"""{"ref_img_url":["{{Img}}"],"ref_prompt":"same style","creation_type":3,"aspect_ratio":"4:3","clarity":1024,"number_of_images":2,"model_code":"doubao-seedream-4.0"}""",
        $$"""{"ref_img_url":["{{Img}}"],"ref_prompt":"生成一张微缩模型风格的创意场景图。","creation_type":3,"aspect_ratio":"9:16","clarity":4096,"quality_mode":"","number_of_images":1,"model_code":"doubao-seedream-4.5"}""",
        $$"""{"ref_img_url":["{{Img}}"],"ref_prompt":"a portrait","creation_type":3,"aspect_ratio":"16:9","clarity":1024,"number_of_images":3,"model_code":"kling-v2-1"}""",
    ];

    [Theory]
    [MemberData(nameof(DocumentedBodies))]
    public async Task Submit_DocumentedBody_AcceptedEchoedAndFinishedWithDecodableOutputs(string json)
    {
        var body = (JsonObject)JsonNode.Parse(json)!;
        var (emulator, http, time, token) = await EmulatorHttp.StartAsync();
        await using var _ = emulator;
        using var __ = http;

        var task = await EmulatorHttp.RunToSuccessAsync(http, time, token, body);

        var isVideo = (int)body["creation_type"]! == 4;
        var echo = task[isVideo ? "motion_info" : "photo_info"]!;
        Assert.Equal((int)body["creation_type"]!, (int)task["type"]!);
        Assert.Equal((string)body["model_code"]!, (string)task["model_code"]!);
        Assert.Equal((string?)body["ref_prompt"] ?? string.Empty, (string)echo["ref_prompt"]!);
        AssertEchoed(body, echo, "clarity");
        AssertEchoed(body, echo, "aspect_ratio");
        AssertEchoed(body, echo, "quality_mode");
        if (isVideo)
        {
            AssertEchoed(body, echo, "video_duration");
            Assert.Equal((string?)body["start_frame"] ?? (string?)echo["photo_path_url"], (string?)echo["photo_path_url"]);
        }
        else
        {
            Assert.Equal((int?)body["number_of_images"] ?? 1, (int)echo["number_of_images"]!);
            Assert.Equal(body["ref_img_url"]?.AsArray().Count ?? 0, echo["ref_img_url"]!.AsArray().Count);
        }

        var outputs = task["output_url"]!.AsArray().Select(u => (string)u!).ToList();
        Assert.Equal(isVideo ? 1 : (int?)body["number_of_images"] ?? 1, outputs.Count);
        var ratio = EmulatorHttp.Ratio((string)task["aspect_ratio"]! is { Length: > 0 } r ? r : "16:9");
        foreach (var url in outputs)
        {
            using var response = await http.GetAsync(url);
            var probe = await EmulatorMediaProbe.RunAsync(await response.Content.ReadAsByteArrayAsync(), isVideo ? ".mp4" : ".png");
            Assert.Equal((isVideo ? "video/mp4" : "image/png", isVideo ? "h264" : "png", string.Empty), (response.Content.Headers.ContentType!.MediaType, probe.Codec, probe.DecodeErrors));
            Assert.InRange((double)probe.Width / probe.Height, ratio * 0.97, ratio * 1.03);
            if (isVideo)
            {
                Assert.InRange(probe.Duration, (int)echo["video_duration"]! - 0.5, (int)echo["video_duration"]! + 0.5);
            }
        }
    }

    public static TheoryData<string, string> Rejections() => new()
    {
        { """{"ref_prompt":"p","creation_type":4,"video_duration":5,"model_code":"happyhorse-9.9"}""", "模型不存在" },
        { """{"ref_prompt":"p","creation_type":4,"video_duration":5,"model_code":"HappyHorse-1.0-R2V"}""", "模型不存在" },
        { $$"""{"ref_img_url":["{{Img}}"],"ref_prompt":"p","creation_type":3,"model_code":"doubao-seedream-3.0-t2i"}""", "不支持参考图" },
        { $$"""{"start_frame":"{{Img}}","ref_prompt":"p","creation_type":4,"aspect_ratio":"16:9","clarity":720,"video_duration":5,"model_code":"happyhorse-1.0-t2v"}""", "不支持参考图" },
        { """{"ref_prompt":"p","creation_type":3,"aspect_ratio":"1:1","clarity":1024,"number_of_images":5,"model_code":"doubao-seedream-4.0"}""", "number_of_images" },
        { """{"ref_prompt":"p","creation_type":3,"number_of_images":0,"model_code":"doubao-seedream-4.5"}""", "number_of_images" },
        { $$"""{"ref_img_url":["{{Img}}"],"creation_type":4,"aspect_ratio":"16:9","clarity":1080,"video_duration":5,"model_code":"happyhorse-1.0-r2v"}""", "ref_prompt 必填" },
        { """{"ref_prompt":"p","creation_type":4,"aspect_ratio":"16:9","clarity":1080,"video_duration":5,"model_code":"happyhorse-1.0-r2v"}""", "ref_img_url 必填" },
        { """{"ref_prompt":"p","creation_type":4,"quality_mode":"std","model_code":"kling-v2-5-turbo-normal"}""", "video_duration 必填" },
        { """{"ref_prompt":"p","creation_type":4,"clarity":720,"video_duration":5,"model_code":"happyhorse-1.0-i2v"}""", "start_frame" },
        { $$"""{"ref_img_url":["{{Img}}"],"ref_prompt":"p","creation_type":4,"model_code":"happyhorse-1.0-video-edit"}""", "视频" },
        { """{"ref_prompt":"p","creation_type":3,"clarity":1024,"model_code":"doubao-seedream-4.5"}""", "clarity" },
        { $$"""{"ref_img_url":["{{Img}}"],"ref_prompt":"p","creation_type":4,"aspect_ratio":"16:9","clarity":1440,"video_duration":5,"model_code":"happyhorse-1.0-r2v"}""", "clarity" },
        { """{"ref_prompt":"p","creation_type":4,"model_code":"doubao-seedream-4.5"}""", "creation_type" },
        { """{"ref_prompt":"p","creation_type":4,"video_duration":5,"callback":"ftp://example.com/done","model_code":"Doubao-Seedance-2.0"}""", "callback" },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public async Task Submit_DocumentedRejection_Answers40000WithChineseMessage(string json, string expected)
    {
        var (emulator, http, _, token) = await EmulatorHttp.StartAsync();
        await using var __ = emulator;
        using var ___ = http;

        var response = await EmulatorHttp.PostAsync(http, "open/v1/ai_creation/task/submit", JsonNode.Parse(json)!, token);

        Assert.Equal(40000, (int)response["code"]!);
        Assert.Contains(expected, (string)response["msg"]!, StringComparison.Ordinal);
        Assert.Equal(0, emulator.TaskCount);
    }

    [Fact]
    public void KnownModelCodes_CoverEveryDocumentedModel()
    {
        var documented = DocumentedBodies().Select(row => (string)JsonNode.Parse((string)row.Data)!["model_code"]!).ToHashSet();

        Assert.Equal(17, ChanjingEmulator.KnownModelCodes.Count);
        Assert.Subset(ChanjingEmulator.KnownModelCodes.ToHashSet(), documented);
        Assert.Superset(ChanjingEmulator.KnownModelCodes.ToHashSet(), documented);
    }

    private static void AssertEchoed(JsonObject body, JsonNode echo, string field)
    {
        if (body[field] is { } sent && !(sent.GetValueKind() == System.Text.Json.JsonValueKind.String && (string)sent! == string.Empty))
        {
            Assert.Equal(sent.ToJsonString(), echo[field]!.ToJsonString());
        }
    }
}
