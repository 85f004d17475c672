using System.Text.Json.Nodes;
using Chanjing.Emulator;

namespace Chanjing.Sdk.IntegrationTests.Emulator;

/// <summary>Customised avatars: 1 -> 2 with picture and preview, the documented failures, list, delete, callbacks, limits.</summary>
public sealed class EmulatorCustomisedAvatarTests
{
    [Fact]
    public async Task Create_InProductionWithRisingProgress_ThenSucceeds_WithPngPictureMp4PreviewSizeAndVoice()
    {
        var (emulator, http, time, token) = await EmulatorHttp.StartAsync();
        await using var _ = emulator;
        using var __ = http;
        var (fileId, _) = await AvatarHttp.UploadAsync(http, time, token, "customised_person", "source.mp4", await AvatarHttp.SourceVideoAsync(http, time, token));

        var created = await EmulatorHttp.PostAsync(http, "open/v1/create_customised_person", new JsonObject { ["name"] = "open_api_测试", ["file_id"] = fileId, ["train_type"] = "both", ["language"] = "cn", ["error_skip"] = false, ["resolution_rate"] = 0 }, token);
        var id = (string)created["data"]!;
        var start = await AvatarHttp.DataAsync(http, $"open/v1/customised_person?id={id}", token);
        time.Advance(TimeSpan.FromSeconds(1.5));
        var middle = await AvatarHttp.DataAsync(http, $"open/v1/customised_person?id={id}", token);
        time.Advance(TimeSpan.FromSeconds(1.5));
        var done = await AvatarHttp.DataAsync(http, $"open/v1/customised_person?id={id}", token);
        using var picture = await http.GetAsync((string)done["pic_url"]!);
        var (preview, errors) = await AvatarHttp.ProbeAsync(await http.GetByteArrayAsync((string)done["preview_url"]!), ".mp4");

        Assert.Matches("^C-[0-9a-f]{32}$", id);
        Assert.Equal((1, 0, string.Empty), ((int)start["status"]!, (int)start["progress"]!, (string)start["pic_url"]!));
        Assert.Equal((1, 50), ((int)middle["status"]!, (int)middle["progress"]!));
        Assert.Equal((2, 100, 1), ((int)done["status"]!, (int)done["progress"]!, (int)done["is_open"]!));
        Assert.Equal((64, 114), ((int)done["width"]!, (int)done["height"]!));
        Assert.StartsWith("C-Audio-", (string)done["audio_man_id"]!, StringComparison.Ordinal);
        Assert.Equal(("person", false, string.Empty), ((string)done["type"]!, (bool)done["support_4k"]!, (string)done["err_reason"]!));
        Assert.Equal("image/png", picture.Content.Headers.ContentType!.MediaType);
        Assert.Equal(["audio", "video"], preview.Select(s => s.Type).Order());
        Assert.Equal(string.Empty, errors);
    }

    [Fact]
    public async Task Create_FigureOnlyAnd4K_NoVoice_Support4K()
    {
        var (emulator, http, time, token) = await EmulatorHttp.StartAsync();
        await using var _ = emulator;
        using var __ = http;
        var (fileId, _) = await AvatarHttp.UploadAsync(http, time, token, "customised_person", "source.mov", await AvatarHttp.SourceVideoAsync(http, time, token));

        var id = (string)(await EmulatorHttp.PostAsync(http, "open/v1/create_customised_person", new JsonObject { ["name"] = "4K", ["file_id"] = fileId, ["train_type"] = "figure", ["resolution_rate"] = 1 }, token))["data"]!;
        time.Advance(TimeSpan.FromSeconds(3));
        var done = await AvatarHttp.DataAsync(http, $"open/v1/customised_person?id={id}", token);

        Assert.Equal((2, string.Empty, true, 2160, 3840), ((int)done["status"]!, (string)done["audio_man_id"]!, (bool)done["support_4k"]!, (int)done["width_4k"]!, (int)done["height_4k"]!));
    }

    [Theory]
    [InlineData("review unsafe 形象", 4, "视频内容安全审核未通过，请更换素材后重试")]
    [InlineData("boom [emulator:fail]", 5, "系统内部错误，请稍后重试")]
    public async Task Create_MarkerInName_EndsFailed_WithErrReason(string name, int status, string reason)
    {
        var (emulator, http, time, token) = await EmulatorHttp.StartAsync();
        await using var _ = emulator;
        using var __ = http;
        var (fileId, _) = await AvatarHttp.UploadAsync(http, time, token, "customised_person", "source.mp4", await AvatarHttp.SourceVideoAsync(http, time, token));

        var id = (string)(await EmulatorHttp.PostAsync(http, "open/v1/create_customised_person", new JsonObject { ["name"] = name, ["file_id"] = fileId }, token))["data"]!;
        time.Advance(TimeSpan.FromSeconds(3));
        var done = await AvatarHttp.DataAsync(http, $"open/v1/customised_person?id={id}", token);

        Assert.Equal((status, reason, reason, string.Empty), ((int)done["status"]!, (string)done["err_reason"]!, (string)done["reason"]!, (string)done["pic_url"]!));
    }

    [Fact]
    public async Task Create_Refusals_TooLongSource_WrongService_Format_TrainType_MissingFile()
    {
        var (emulator, http, time, token) = await EmulatorHttp.StartAsync();
        await using var _ = emulator;
        using var __ = http;
        var source = await AvatarHttp.SourceVideoAsync(http, time, token);
        var (longMp4, _) = await AvatarHttp.UploadAsync(http, time, token, "customised_person", "long.mp4", AvatarHttp.WithDuration(source, 301));
        var (fiveMinutes, _) = await AvatarHttp.UploadAsync(http, time, token, "customised_person", "five.mp4", AvatarHttp.WithDuration(source, 300));
        var (markedLong, _) = await AvatarHttp.UploadAsync(http, time, token, "customised_person", "talk_toolong.webm", [1, 2, 3]);
        var (audioFile, _) = await AvatarHttp.UploadAsync(http, time, token, "make_video_audio", "source.mp4", source);
        var (picture, _) = await AvatarHttp.UploadAsync(http, time, token, "customised_person", "face.png", Support.Png(8, 8));

        async Task<JsonObject> Create(string? fileId, string? trainType = null)
        {
            var body = new JsonObject { ["name"] = "n", ["file_id"] = fileId };
            if (trainType is not null)
            {
                body["train_type"] = trainType;
            }

            return await EmulatorHttp.PostAsync(http, "open/v1/create_customised_person", body, token);
        }

        static (int, string) Answer(JsonObject o) => ((int)o["code"]!, (string)o["msg"]!);

        Assert.Equal((40000, "视频时长超过5分钟"), Answer(await Create(longMp4)));
        Assert.Equal(0, (int)(await Create(fiveMinutes))["code"]!);
        Assert.Equal((40000, "视频时长超过5分钟"), Answer(await Create(markedLong)));
        Assert.Contains("customised_person", Answer(await Create(audioFile)).Item2, StringComparison.Ordinal);
        Assert.Equal((40000, "不支持的视频格式，仅支持 mp4、webm、mov"), Answer(await Create(picture)));
        Assert.Equal((40000, "train_type参数错误，仅支持\"voice\",\"figure\",\"both\""), Answer(await Create(fiveMinutes, "face")));
        Assert.Equal(40000, Answer(await Create("0123456789abcdef0123456789abcdef")).Item1);
        Assert.Equal((40000, "参数错误: file_id 必填"), Answer(await Create(null)));
    }

    [Fact]
    public async Task List_NewestFirstWithPageInfo_Delete_RemovesIt_MissingIdIsAnErrorCode()
    {
        var (emulator, http, time, token) = await EmulatorHttp.StartAsync();
        await using var _ = emulator;
        using var __ = http;
        var (fileId, _) = await AvatarHttp.UploadAsync(http, time, token, "customised_person", "source.mp4", await AvatarHttp.SourceVideoAsync(http, time, token));
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((string)(await EmulatorHttp.PostAsync(http, "open/v1/create_customised_person", new JsonObject { ["name"] = $"p{i}", ["file_id"] = fileId }, token))["data"]!);
        }

        var page1 = (JsonObject)(await EmulatorHttp.PostAsync(http, "open/v1/list_customised_person", new JsonObject { ["page"] = 1, ["page_size"] = 2 }, token))["data"]!;
        var deleted = await EmulatorHttp.PostAsync(http, "open/v1/delete_customised_person", new JsonObject { ["id"] = ids[2] }, token);
        var again = await EmulatorHttp.PostAsync(http, "open/v1/delete_customised_person", new JsonObject { ["id"] = ids[2] }, token);
        var get = await EmulatorHttp.GetAsync(http, $"open/v1/customised_person?id={ids[2]}", token);
        var after = (JsonObject)(await EmulatorHttp.PostAsync(http, "open/v1/list_customised_person", new JsonObject { ["page"] = 1, ["page_size"] = 20 }, token))["data"]!;

        Assert.Equal([ids[2], ids[1]], page1["list"]!.AsArray().Select(p => (string)p!["id"]!));
        Assert.Equal("""{"page":1,"size":2,"total_count":3,"total_page":2}""", page1["page_info"]!.ToJsonString());
        Assert.Equal(0, (int)deleted["code"]!);
        Assert.Equal((40000, "定制数字人不存在"), ((int)again["code"]!, (string)again["msg"]!));
        Assert.Equal((40000, "定制数字人不存在"), ((int)get["code"]!, (string)get["msg"]!));
        Assert.Equal([ids[1], ids[0]], after["list"]!.AsArray().Select(p => (string)p!["id"]!));
    }

    [Fact]
    public async Task Callback_PostsThePersonObject_AsGetAnswersIt()
    {
        using var receiver = new AvatarHttp.Receiver();
        var (emulator, http, time, token) = await EmulatorHttp.StartAsync();
        await using var _ = emulator;
        using var __ = http;
        var (fileId, _) = await AvatarHttp.UploadAsync(http, time, token, "customised_person", "source.mp4", await AvatarHttp.SourceVideoAsync(http, time, token));

        var id = (string)(await EmulatorHttp.PostAsync(http, "open/v1/create_customised_person", new JsonObject { ["name"] = "cb", ["file_id"] = fileId, ["callback"] = receiver.Url.AbsoluteUri }, token))["data"]!;
        time.Advance(TimeSpan.FromSeconds(3));
        var body = await receiver.FirstBody;
        var got = await AvatarHttp.DataAsync(http, $"open/v1/customised_person?id={id}", token);

        Assert.Equal(got.ToJsonString(), JsonNode.Parse(body)!.ToJsonString());
        Assert.Equal(2, (int)got["status"]!);
    }

    [Fact]
    public async Task RateLimit_ElevenCreatesInAMinute_TheEleventhIs40001_AndFaultsAndJournalNameTheEndpoints()
    {
        var (emulator, http, time, token) = await EmulatorHttp.StartAsync(new ChanjingEmulatorOptions { EnforceDocumentedRateLimits = true });
        await using var _ = emulator;
        using var __ = http;
        var (fileId, _) = await AvatarHttp.UploadAsync(http, time, token, "customised_person", "source.mp4", await AvatarHttp.SourceVideoAsync(http, time, token));
        var body = new JsonObject { ["name"] = "p", ["file_id"] = fileId };
        var codes = new List<int>();
        for (var i = 0; i < 11; i++)
        {
            codes.Add((int)(await EmulatorHttp.PostAsync(http, "open/v1/create_customised_person", body, token))["code"]!);
        }

        time.Advance(TimeSpan.FromMinutes(1));
        emulator.AddFault(EmulatorEndpoint.GetCustomisedPerson, EmulatorFault.WithCode(50000));
        var afterMinute = (int)(await EmulatorHttp.PostAsync(http, "open/v1/create_customised_person", body, token))["code"]!;
        var faulted = (int)(await EmulatorHttp.GetAsync(http, "open/v1/customised_person?id=C-x", token))["code"]!;

        Assert.Equal([.. Enumerable.Repeat(0, 10), 40001], codes);
        Assert.Equal((0, 50000), (afterMinute, faulted));
        Assert.Equal(12, emulator.CountRequests(EmulatorEndpoint.CreateCustomisedPerson));
        Assert.Equal(1, emulator.CountRequests(EmulatorEndpoint.GetCustomisedPerson));
    }
}
