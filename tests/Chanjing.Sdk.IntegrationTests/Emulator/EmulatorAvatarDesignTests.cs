using System.Text.Json.Nodes;
using Chanjing.Emulator;
using Microsoft.Extensions.Time.Testing;

namespace Chanjing.Sdk.IntegrationTests.Emulator;

/// <summary>Avatar design: photo (PNGs at 9:16 / 16:9), motion (MP4) and LoRA tasks, their string statuses, refusals, failures, the task page, limits.</summary>
public sealed class EmulatorAvatarDesignTests
{
    private static JsonObject Photo(int images = 1, int aspect = 0, string detail = "短发，亲和力强，职业装") => new()
    {
        ["age"] = "Young adult",
        ["gender"] = "Female",
        ["number_of_images"] = images,
        ["aspect_ratio"] = aspect,
        ["industry"] = "教育培训",
        ["background"] = "现代直播间背景",
        ["detail"] = detail,
        ["talking_pose"] = "上半身特写，站立讲解",
    };

    private static JsonObject Lora(int photos = 5, string name = "我的LoRA") => new()
    {
        ["name"] = name,
        ["photos"] = new JsonArray([.. Enumerable.Range(1, photos).Select(i => (JsonNode)$"https://example.com/lora/{i}.jpg")]),
    };

    [Fact]
    public async Task Photo_QueuedGeneratingSuccess_NumberOfImagesPngs_AtTheAspectRatio()
    {
        var (emulator, http, time, token) = await EmulatorHttp.StartAsync();
        await using var _ = emulator;
        using var __ = http;

        var portrait = await CreateAsync(http, token, "open/v1/aigc/photo", Photo(images: 3));
        var landscape = await CreateAsync(http, token, "open/v1/aigc/photo", Photo(aspect: 1));
        var queued = await GetAsync(http, token, $"open/v1/aigc/photo/task?unique_id={portrait}");
        time.Advance(TimeSpan.FromSeconds(2));
        var generating = await GetAsync(http, token, $"open/v1/aigc/photo/task?unique_id={portrait}");
        time.Advance(TimeSpan.FromSeconds(1));
        var done = await GetAsync(http, token, $"open/v1/aigc/photo/task?unique_id={portrait}");
        var wide = await GetAsync(http, token, $"open/v1/aigc/photo/task?unique_id={landscape}");
        var images = new List<byte[]>();
        foreach (var url in done["output_url"]!.AsArray())
        {
            images.Add(await http.GetByteArrayAsync((string)url!));
        }

        var probes = new List<AvatarHttp.Stream>();
        foreach (var image in images.Append(await http.GetByteArrayAsync((string)wide["output_url"]![0]!)))
        {
            probes.Add((await AvatarHttp.ProbeAsync(image, ".png")).Streams.Single());
        }

        Assert.Matches("^[0-9a-f]{32}$", portrait);
        Assert.Equal(("Queued", 1, 0, 1), ((string)queued["progress_desc"]!, (int)queued["type"]!, queued["output_url"]!.AsArray().Count, (int)queued["waiting_num"]!));
        Assert.Equal(("Generating", 0), ((string)generating["progress_desc"]!, (int)generating["waiting_num"]!));
        Assert.Equal(["aspect_ratio", "err_msg", "output_url", "progress_desc", "type", "unique_id", "waiting_num"], done.Select(p => p.Key).Order());
        Assert.Equal(("Success", string.Empty, 0, 3), ((string)done["progress_desc"]!, (string)done["err_msg"]!, (int)done["aspect_ratio"]!, images.Count));
        Assert.Equal(3, images.Select(Convert.ToBase64String).Distinct().Count());
        Assert.All(probes.Take(3), p => Assert.Equal(("png", 64, 114), (p.Codec, p.Width, p.Height)));
        Assert.Equal(("png", 114, 64, 1), (probes[3].Codec, probes[3].Width, probes[3].Height, (int)wide["aspect_ratio"]!));
        Assert.Equal(images[2], emulator.GetAvatarDesignOutputBytes(portrait, 2));
        Assert.Throws<KeyNotFoundException>(() => emulator.GetAvatarDesignOutputBytes(portrait, 3));
    }

    [Fact]
    public async Task Motion_FromASucceededPhoto_QueuedGeneratingSuccess_OneMp4AtThePhotosAspectRatio()
    {
        var (emulator, http, time, token) = await EmulatorHttp.StartAsync();
        await using var _ = emulator;
        using var __ = http;
        var photo = await CreateAsync(http, token, "open/v1/aigc/photo", Photo(aspect: 1));
        var notYet = await EmulatorHttp.PostAsync(http, "open/v1/aigc/motion", new JsonObject { ["photo_unique_id"] = photo, ["photo_path"] = "https://example.com/a.png" }, token);
        time.Advance(TimeSpan.FromSeconds(3));
        var path = (string)(await GetAsync(http, token, $"open/v1/aigc/photo/task?unique_id={photo}"))["output_url"]![0]!;

        var motion = await CreateAsync(http, token, "open/v1/aigc/motion", new JsonObject { ["photo_unique_id"] = photo, ["photo_path"] = path, ["emotion"] = "微笑，自信", ["gesture"] = true });
        var queued = await GetAsync(http, token, $"open/v1/aigc/motion/task?unique_id={motion}");
        time.Advance(TimeSpan.FromSeconds(1.5));
        var generating = await GetAsync(http, token, $"open/v1/aigc/motion/task?unique_id={motion}");
        time.Advance(TimeSpan.FromSeconds(1.5));
        var done = await GetAsync(http, token, $"open/v1/aigc/motion/task?unique_id={motion}");
        var bytes = await http.GetByteArrayAsync((string)done["output_url"]![0]!);
        var probe = await EmulatorMediaProbe.RunAsync(bytes, ".mp4");
        var asPhoto = await EmulatorHttp.GetAsync(http, $"open/v1/aigc/photo/task?unique_id={motion}", token);

        Assert.Equal((40000, "文生图任务未成功，不能生成视频"), ((int)notYet["code"]!, (string)notYet["msg"]!));
        Assert.Equal(("Queued", 2), ((string)queued["progress_desc"]!, (int)queued["type"]!));
        Assert.Equal("Generating", (string)generating["progress_desc"]!);
        Assert.Equal(("Success", 1), ((string)done["progress_desc"]!, done["output_url"]!.AsArray().Count));
        Assert.EndsWith(".mp4", (string)done["output_url"]![0]!, StringComparison.Ordinal);
        Assert.Equal(("h264", 114, 64, string.Empty), (probe.Codec, probe.Width, probe.Height, probe.DecodeErrors));
        Assert.Equal(5.0, probe.Duration, 1);
        Assert.Equal(bytes, emulator.GetAvatarDesignOutputBytes(motion));
        Assert.Equal(40000, (int)asPhoto["code"]!);
    }

    [Fact]
    public async Task Create_RefusesWhatTheReferenceRulesOut_With40000()
    {
        var (emulator, http, time, token) = await EmulatorHttp.StartAsync();
        await using var _ = emulator;
        using var __ = http;
        var photo = await CreateAsync(http, token, "open/v1/aigc/photo", Photo());
        time.Advance(TimeSpan.FromSeconds(3));
        var cases = new (string Path, string Expected, JsonObject Body)[]
        {
            ("aigc/photo", "age 必填", Edit(Photo(), b => b.Remove("age"))),
            ("aigc/photo", "gender", Edit(Photo(), b => b["gender"] = "Other")),
            ("aigc/photo", "number_of_images 必填", Edit(Photo(), b => b.Remove("number_of_images"))),
            ("aigc/photo", "number_of_images 应为 1-4", Photo(images: 5)),
            ("aigc/photo", "number_of_images 应为 1-4", Photo(images: 0)),
            ("aigc/photo", "aspect_ratio 应为 0-1", Photo(aspect: 2)),
            ("aigc/photo", "detail 长度不能超过1500", Photo(detail: new string('长', 1501))),
            ("aigc/photo", "ref_content", Edit(Photo(), b => b["ref_content"] = "pose")),
            ("aigc/photo", "ref_img_url", Edit(Photo(), b => b["ref_img_url"] = "file:///tmp/me.png")),
            ("aigc/motion", "photo_unique_id 必填", new JsonObject { ["photo_path"] = "https://example.com/a.png" }),
            ("aigc/motion", "文生图任务不存在", new JsonObject { ["photo_unique_id"] = "nope", ["photo_path"] = "https://example.com/a.png" }),
            ("aigc/motion", "photo_path", new JsonObject { ["photo_unique_id"] = photo, ["photo_path"] = "/local/a.png" }),
            ("aigc/motion", "emotion 长度不能超过800", new JsonObject { ["photo_unique_id"] = photo, ["photo_path"] = "https://example.com/a.png", ["emotion"] = new string('笑', 801) }),
            ("aigc/motion", "gesture 应为布尔值", new JsonObject { ["photo_unique_id"] = photo, ["photo_path"] = "https://example.com/a.png", ["gesture"] = "yes" }),
            ("aigc/lora/task/create", "5 到 50", Lora(photos: 4)),
            ("aigc/lora/task/create", "5 到 50", Lora(photos: 51)),
            ("aigc/lora/task/create", "name 必填", Lora(name: " ")),
            ("aigc/lora/task/create", "http(s)", Edit(Lora(), b => b["photos"]![0] = "me.jpg")),
            ("aigc/lora/task/create", "photos", Edit(Lora(), b => b["photos"] = "https://example.com/1.jpg")),
            ("aigc/lora/task/create", "LoRA任务不存在", Edit(Lora(), b => b["lora_id"] = "nope")),
        };

        foreach (var (path, expected, body) in cases)
        {
            var answer = await EmulatorHttp.PostAsync(http, "open/v1/" + path, body, token);
            Assert.True((int)answer["code"]! == 40000 && ((string)answer["msg"]!).Contains(expected, StringComparison.Ordinal), $"{path} {expected}: {answer.ToJsonString()}");
        }

        var page = await EmulatorHttp.GetAsync(http, "open/v1/aigc/photo/task/page?page=1&page_size=100", token);
        Assert.Single(page["data"]!.AsArray());
    }

    [Fact]
    public async Task AcceptedTasks_EndAsFailOrError_WithErrMsg_ByMarker_OrForced()
    {
        var (emulator, http, time, token) = await EmulatorHttp.StartAsync();
        await using var _ = emulator;
        using var __ = http;
        var good = await CreateAsync(http, token, "open/v1/aigc/photo", Photo());
        var failing = await CreateAsync(http, token, "open/v1/aigc/photo", Photo(detail: "[emulator:fail]"));
        var erroring = await CreateAsync(http, token, "open/v1/aigc/photo", Photo(detail: "[emulator:error]"));
        var broke = await CreateAsync(http, token, "open/v1/aigc/photo", Photo(detail: "[emulator:no-credits]"));
        var forced = await CreateAsync(http, token, "open/v1/aigc/photo", Photo());
        emulator.SetAvatarDesignStatus(forced, "Cancelled");
        time.Advance(TimeSpan.FromSeconds(3));
        var motion = await CreateAsync(http, token, "open/v1/aigc/motion", new JsonObject { ["photo_unique_id"] = good, ["photo_path"] = "https://example.com/a.png", ["emotion"] = "[emulator:fail]" });
        time.Advance(TimeSpan.FromSeconds(3));

        async Task<(string, string, int)> Outcome(string kind, string id)
        {
            var task = await GetAsync(http, token, $"open/v1/aigc/{kind}/task?unique_id={id}");
            return ((string)task["progress_desc"]!, (string)task["err_msg"]!, task["output_url"]!.AsArray().Count);
        }

        Assert.Equal(("Fail", "生成失败，请稍后重试", 0), await Outcome("photo", failing));
        Assert.Equal(("Error", "系统内部错误，请稍后重试", 0), await Outcome("photo", erroring));
        Assert.Equal(("Fail", "蝉豆不足扣费失败", 0), await Outcome("photo", broke));
        Assert.Equal(("Cancelled", string.Empty, 0), await Outcome("photo", forced));
        Assert.Equal(("Fail", "生成失败，请稍后重试", 0), await Outcome("motion", motion));
        Assert.Throws<KeyNotFoundException>(() => emulator.GetAvatarDesignOutputBytes(failing));
    }

    [Fact]
    public async Task Page_PhotoAndMotionTasks_NewestFirst_APlainArray_PageAndPageSize()
    {
        var (emulator, http, time, token) = await EmulatorHttp.StartAsync();
        await using var _ = emulator;
        using var __ = http;
        var first = await CreateAsync(http, token, "open/v1/aigc/photo", Photo());
        time.Advance(TimeSpan.FromSeconds(3));
        var second = await CreateAsync(http, token, "open/v1/aigc/photo", Photo(images: 2));
        var motion = await CreateAsync(http, token, "open/v1/aigc/motion", new JsonObject { ["photo_unique_id"] = first, ["photo_path"] = "https://example.com/a.png" });

        var all = (await EmulatorHttp.GetAsync(http, "open/v1/aigc/photo/task/page", token))["data"]!.AsArray();
        var paged = (await EmulatorHttp.GetAsync(http, "open/v1/aigc/photo/task/page?page=2&page_size=2", token))["data"]!.AsArray();
        var bad = await EmulatorHttp.GetAsync(http, "open/v1/aigc/photo/task/page?page_size=101", token);

        Assert.Equal([motion, second, first], all.Select(t => (string)t!["unique_id"]!));
        Assert.Equal([2, 1, 1], all.Select(t => (int)t!["type"]!));
        Assert.Equal(["Queued", "Queued", "Success"], all.Select(t => (string)t!["progress_desc"]!));
        Assert.Equal([first], paged.Select(t => (string)t!["unique_id"]!));
        Assert.Equal(40000, (int)bad["code"]!);
    }

    [Fact]
    public async Task Lora_QueuedGeneratingSuccess_NamesAPhotoTaskThatExists_AFailedOneIsRetriedUnderItsId()
    {
        var (emulator, http, time, token) = await EmulatorHttp.StartAsync();
        await using var _ = emulator;
        using var __ = http;

        var created = await EmulatorHttp.PostAsync(http, "open/v1/aigc/lora/task/create", Lora(photos: 50), token);
        var loraId = (string)created["data"]!["lora_id"]!;
        var failingId = (string)(await EmulatorHttp.PostAsync(http, "open/v1/aigc/lora/task/create", Lora(name: "[emulator:fail]"), token))["data"]!["lora_id"]!;
        var unsafeId = (string)(await EmulatorHttp.PostAsync(http, "open/v1/aigc/lora/task/create", Edit(Lora(), b => b["photos"]![4] = "https://example.com/unsafe.jpg"), token))["data"]!["lora_id"]!;
        var notFailed = await EmulatorHttp.PostAsync(http, "open/v1/aigc/lora/task/create", Edit(Lora(), b => b["lora_id"] = loraId), token);
        var queued = await GetAsync(http, token, $"open/v1/aigc/lora/task?lora_id={loraId}");
        time.Advance(TimeSpan.FromSeconds(2));
        var generating = await GetAsync(http, token, $"open/v1/aigc/lora/task?lora_id={loraId}");
        time.Advance(TimeSpan.FromSeconds(1));
        var done = await GetAsync(http, token, $"open/v1/aigc/lora/task?lora_id={loraId}");
        var photo = await GetAsync(http, token, $"open/v1/aigc/photo/task?unique_id={(string)done["photo_task_ids"]![0]!}");
        var picture = (await AvatarHttp.ProbeAsync(await http.GetByteArrayAsync((string)photo["output_url"]![0]!), ".png")).Streams.Single();
        var failed = await GetAsync(http, token, $"open/v1/aigc/lora/task?lora_id={failingId}");
        var failedPhoto = await GetAsync(http, token, $"open/v1/aigc/photo/task?unique_id={(string)failed["photo_task_ids"]![0]!}");
        var unsafeLora = await GetAsync(http, token, $"open/v1/aigc/lora/task?lora_id={unsafeId}");
        var retried = await EmulatorHttp.PostAsync(http, "open/v1/aigc/lora/task/create", Edit(Lora(), b => b["lora_id"] = failingId), token);
        var retrying = await GetAsync(http, token, $"open/v1/aigc/lora/task?lora_id={failingId}");
        time.Advance(TimeSpan.FromSeconds(3));
        var retriedDone = await GetAsync(http, token, $"open/v1/aigc/lora/task?lora_id={failingId}");
        emulator.SetLoraStatus(loraId, "Published");
        var forced = await GetAsync(http, token, $"open/v1/aigc/lora/task?lora_id={loraId}");

        Assert.Equal(0, (int)created["code"]!);
        Assert.Equal(["lora_id"], created["data"]!.AsObject().Select(p => p.Key));
        Assert.Equal((40000, "仅失败的LoRA任务可以重试"), ((int)notFailed["code"]!, (string)notFailed["msg"]!));
        Assert.Equal(["err_msg", "lora_id", "photo_task_ids", "status"], done.Select(p => p.Key).Order());
        Assert.Equal(("Queued", "Generating", "Success"), ((string)queued["status"]!, (string)generating["status"]!, (string)done["status"]!));
        Assert.Equal(("Success", 1, 1), ((string)photo["progress_desc"]!, (int)photo["type"]!, photo["output_url"]!.AsArray().Count));
        Assert.Equal(("png", 64, 114), (picture.Codec, picture.Width, picture.Height));
        Assert.Equal(("Fail", "LoRA训练失败，请稍后重试"), ((string)failed["status"]!, (string)failed["err_msg"]!));
        Assert.Equal("Fail", (string)failedPhoto["progress_desc"]!);
        Assert.Equal(("Fail", "训练照片内容安全审核未通过"), ((string)unsafeLora["status"]!, (string)unsafeLora["err_msg"]!));
        Assert.Equal((0, failingId), ((int)retried["code"]!, (string)retried["data"]!["lora_id"]!));
        Assert.Equal(("Queued", "Success"), ((string)retrying["status"]!, (string)retriedDone["status"]!));
        Assert.Equal(failed["photo_task_ids"]!.ToJsonString(), retriedDone["photo_task_ids"]!.ToJsonString());
        Assert.Equal("Published", (string)forced["status"]!);
    }

    [Fact]
    public async Task DocumentedLimits_OneRunningPhotoAndOneRunningMotion_10CreatesAMinute_OnlyWhenEnforced()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var (emulator, http, _, token) = await EmulatorHttp.StartAsync(new ChanjingEmulatorOptions { TimeProvider = time, EnforceDocumentedRateLimits = true });
        await using var __ = emulator;
        using var ___ = http;

        var first = await EmulatorHttp.PostAsync(http, "open/v1/aigc/photo", Photo(), token);
        var second = await EmulatorHttp.PostAsync(http, "open/v1/aigc/photo", Photo(), token);
        var lora = await EmulatorHttp.PostAsync(http, "open/v1/aigc/lora/task/create", Lora(), token);
        time.Advance(TimeSpan.FromSeconds(3));
        var third = await EmulatorHttp.PostAsync(http, "open/v1/aigc/photo", Photo(), token);
        var motion = await EmulatorHttp.PostAsync(http, "open/v1/aigc/motion", new JsonObject { ["photo_unique_id"] = (string)first["data"]!, ["photo_path"] = "https://example.com/a.png" }, token);
        var secondMotion = await EmulatorHttp.PostAsync(http, "open/v1/aigc/motion", new JsonObject { ["photo_unique_id"] = (string)first["data"]!, ["photo_path"] = "https://example.com/a.png" }, token);
        emulator.Options.QueuedDuration = emulator.Options.GeneratingDuration = TimeSpan.Zero;
        var codes = new List<int>();
        for (var i = 0; i < 9; i++)
        {
            codes.Add((int)(await EmulatorHttp.PostAsync(http, "open/v1/aigc/photo", Photo(), token))["code"]!);
        }

        Assert.Equal((0, 40001, "任务并发数超过限制(1)，请等待进行中的任务完成"), ((int)first["code"]!, (int)second["code"]!, (string)second["msg"]!));
        Assert.Equal((0, 0), ((int)lora["code"]!, (int)third["code"]!));
        Assert.Equal((0, 40001), ((int)motion["code"]!, (int)secondMotion["code"]!));
        // The refused second photo counted in the minute: 3 + 7 = 10.
        Assert.Equal([.. Enumerable.Repeat(0, 7), 40001, 40001], codes);
    }

    private static JsonObject Edit(JsonObject body, Action<JsonObject> edit)
    {
        edit(body);
        return body;
    }

    private static async Task<string> CreateAsync(HttpClient http, string token, string path, JsonObject body)
    {
        var created = await EmulatorHttp.PostAsync(http, path, body, token);
        Assert.True((int)created["code"]! == 0, created.ToJsonString());
        return (string)created["data"]!;
    }

    private static Task<JsonObject> GetAsync(HttpClient http, string token, string path) => AvatarHttp.DataAsync(http, path, token);
}
