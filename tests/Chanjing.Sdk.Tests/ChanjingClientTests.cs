using System.Net;
using System.Text.Json.Nodes;
using Chanjing.Sdk.Tests.TestSupport;
using RichardSzalay.MockHttp;

namespace Chanjing.Sdk.Tests;

public sealed class ChanjingClientTests
{
    private static ReferenceVideoRequest SeedRequest() => new()
    {
        Prompt = "keep the horse's features consistent; it gallops across the grassland, steady push-in, cinematic",
        ReferenceImageUrls =
        {
            new Uri("https://res.chanjing.cc/chanjing/res/aigc_creation/photo/ref1.jpg"),
            new Uri("https://res.chanjing.cc/chanjing/res/aigc_creation/photo/ref2.jpg"),
        },
        AspectRatio = AspectRatio.Landscape16x9,
        Clarity = VideoClarity.P1080,
        DurationSeconds = 5,
    };

    [Fact]
    public async Task SubmitReferenceVideoAsync_SeedExample_SendsDocumentedJsonHeaderPathAndMethod()
    {
        var mock = Sut.StrictMock();
        string? body = null;
        string? token = null;
        mock.Expect(HttpMethod.Post, "https://open-api.chanjing.cc/open/v1/ai_creation/task/submit")
            .Respond(async request =>
            {
                body = await request.Content!.ReadAsStringAsync();
                token = request.Headers.GetValues("access_token").Single();
                return Wire.Json(Wire.Example("submit.response.json"));
            });
        using var client = Sut.CreateSut(mock);

        var id = await client.SubmitReferenceVideoAsync(SeedRequest());

        Assert.Equal("a60747d7-dc05-4afc-b2ef-ee4370ed53c6", id);
        Assert.Equal(Sut.Token, token);
        Assert.True(Wire.JsonEquals(Wire.Example("submit.request.json"), body!), body);
        mock.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task SubmitReferenceVideoAsync_CallerChangesRequestAfterCall_SendsSnapshot()
    {
        var mock = Sut.StrictMock();
        var gate = new TaskCompletionSource();
        string? body = null;
        mock.When(HttpMethod.Post, "*/task/submit").Respond(async request =>
        {
            body = await request.Content!.ReadAsStringAsync();
            await gate.Task;
            return Wire.Ok(JsonValue.Create("id-1"));
        });
        using var client = Sut.CreateSut(mock);
        var request = SeedRequest();

        var submit = client.SubmitReferenceVideoAsync(request);
        request.Prompt = "changed";
        gate.SetResult();
        await submit;

        Assert.Contains("keep the horse", body, StringComparison.Ordinal);
    }

    public static TheoryData<string, Action<ReferenceVideoRequest>> InvalidRequests() => new()
    {
        { "Prompt", r => r.Prompt = null! },
        { "Prompt", r => r.Prompt = "" },
        { "Prompt", r => r.Prompt = "   " },
        { "ReferenceImageUrls", r => r.ReferenceImageUrls.Clear() },
        { "ReferenceImageUrls[1]", r => r.ReferenceImageUrls.Add(new Uri("relative/path.jpg", UriKind.Relative)) },
        { "ReferenceImageUrls[1]", r => r.ReferenceImageUrls.Add(new Uri("ftp://example.com/a.jpg")) },
        { "ReferenceImageUrls[1]", r => r.ReferenceImageUrls.Add(null!) },
        { "DurationSeconds", r => r.DurationSeconds = 0 },
        { "DurationSeconds", r => r.DurationSeconds = -5 },
        { "ModelCode", r => r.ModelCode = " " },
        { "Clarity", r => r.Clarity = default },
        { "AspectRatio", r => r.AspectRatio = default },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task SubmitReferenceVideoAsync_InvalidRequest_ThrowsNamingPropertyBeforeAnyRequest(string property, Action<ReferenceVideoRequest> breakIt)
    {
        var mock = Sut.StrictMock();
        using var client = Sut.CreateSut(mock);
        var request = new ReferenceVideoRequest { Prompt = "a horse", ReferenceImageUrls = { new Uri("https://example.com/a.jpg") } };
        breakIt(request);

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => client.SubmitReferenceVideoAsync(request));

        Assert.Contains("ReferenceVideoRequest." + property, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, mock.GetMatchCount(mock.When("*")));
    }

    [Fact]
    public async Task SubmitReferenceVideoAsync_MissingLocalFile_ThrowsNamingFileBeforeAnyRequest()
    {
        var mock = Sut.StrictMock();
        using var client = Sut.CreateSut(mock);
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".png");
        var request = new ReferenceVideoRequest { Prompt = "a horse", ReferenceImageUrls = { new Uri(missing) } };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.SubmitReferenceVideoAsync(request));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0, 0, 0, 0, 0, 0 }, "not a JPEG, PNG or WEBP")]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0, 0, 0, 0, 0, 0 }, "not a JPEG, PNG or WEBP")]
    public async Task SubmitReferenceVideoAsync_LocalFileOfWrongFormat_RefusedBeforeAnyRequest(byte[] content, string expected)
    {
        var mock = Sut.StrictMock();
        using var client = Sut.CreateSut(mock);
        // Named .png on purpose: the format is judged by content, not by extension.
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".png");
        await File.WriteAllBytesAsync(path, content);
        try
        {
            var request = new ReferenceVideoRequest { Prompt = "a horse", ReferenceImageUrls = { new Uri(path) } };

            var error = await Assert.ThrowsAsync<ArgumentException>(() => client.SubmitReferenceVideoAsync(request));

            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task SubmitReferenceVideoAsync_LocalFileOver20MB_RefusedBeforeAnyRequest()
    {
        var mock = Sut.StrictMock();
        using var client = Sut.CreateSut(mock);
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".png");
        await using (var file = File.Create(path))
        {
            await file.WriteAsync(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
            file.SetLength((20L * 1024 * 1024) + 1);
        }

        try
        {
            var request = new ReferenceVideoRequest { Prompt = "a horse", ReferenceImageUrls = { new Uri(path) } };

            var error = await Assert.ThrowsAsync<ArgumentException>(() => client.SubmitReferenceVideoAsync(request));

            Assert.Contains("at most 20971520 bytes", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task GetTaskAsync_DocumentedTask_ParsesEveryField()
    {
        var mock = Sut.StrictMock();
        var item = Wire.ExampleNode("list-tasks.response.json")["data"]!["list"]![0]!.DeepClone();
        mock.Expect(HttpMethod.Get, "https://open-api.chanjing.cc/open/v1/ai_creation/task")
            .WithExactQueryString("unique_id=58b1c892-6e40-48f9-b06f-50bdd800d3d0")
            .WithHeaders("access_token", Sut.Token)
            .Respond(_ => Wire.Json(Wire.Envelope(item)));
        using var client = Sut.CreateSut(mock);

        var task = await client.GetTaskAsync("58b1c892-6e40-48f9-b06f-50bdd800d3d0");

        AssertDocumentedTask(task);
        mock.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task GetTaskAsync_IdWithReservedCharacters_IsEscaped()
    {
        var mock = Sut.StrictMock();
        mock.Expect(HttpMethod.Get, "*/open/v1/ai_creation/task").WithExactQueryString("unique_id=a%26b%3Dc%20d").Respond(_ => Wire.Ok(Wire.Task("a&b=c d")));
        using var client = Sut.CreateSut(mock);

        var task = await client.GetTaskAsync("a&b=c d");

        Assert.Equal("a&b=c d", task.Id);
        mock.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task GetTaskAsync_UnknownStatusAndFields_PreservedNotFailed()
    {
        var mock = Sut.StrictMock();
        var task = Wire.Task("t1", "Cancelled");
        task["brand_new_field"] = new JsonObject { ["x"] = 1 };
        mock.When("*/open/v1/ai_creation/task").Respond(_ => Wire.Ok(task));
        using var client = Sut.CreateSut(mock);

        var result = await client.GetTaskAsync("t1");

        Assert.Equal("Cancelled", result.Status.Value);
        Assert.False(result.Status.IsKnown);
        Assert.False(result.Status.IsTerminal);
        Assert.Equal(1, result.RawJson.GetProperty("brand_new_field").GetProperty("x").GetInt32());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public async Task GetTaskAsync_EmptyId_ThrowsBeforeAnyRequest(string? id)
    {
        var mock = Sut.StrictMock();
        using var client = Sut.CreateSut(mock);

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => client.GetTaskAsync(id!));

        Assert.Equal("taskId", error.ParamName);
    }

    [Fact]
    public async Task ListTasksAsync_DocumentedExample_ParsesFieldByField()
    {
        var mock = Sut.StrictMock();
        string? body = null;
        mock.Expect(HttpMethod.Post, "https://open-api.chanjing.cc/open/v1/ai_creation/task/page").Respond(async request =>
        {
            body = await request.Content!.ReadAsStringAsync();
            return Wire.Json(Wire.Example("list-tasks.response.json"));
        });
        using var client = Sut.CreateSut(mock);

        var tasks = await client.ListTasksAsync(new CreationTaskQuery { Type = CreationType.Image }).ToListAsync();

        var task = Assert.Single(tasks);
        AssertDocumentedTask(task);
        Assert.True(Wire.JsonEquals("""{"unique_ids":[],"type":3,"page":1,"page_size":50}""", body!), body);
    }

    [Fact]
    public async Task ListTasksAsync_ThreePages_FollowsPageInfo()
    {
        var mock = Sut.StrictMock();
        var pages = new List<int>();
        mock.When(HttpMethod.Post, "*/task/page").Respond(async request =>
        {
            var page = (int)(await Wire.BodyAsync(request))["page"]!;
            pages.Add(page);
            return Wire.Ok(Wire.Page(Enumerable.Range(0, 2).Select(i => (JsonNode)Wire.Task($"p{page}-{i}")), page, totalPages: 3, size: 2));
        });
        using var client = Sut.CreateSut(mock);

        var ids = await client.ListTasksAsync(new CreationTaskQuery { PageSize = 2 }).Select(t => t.Id).ToListAsync();

        Assert.Equal([1, 2, 3], pages);
        Assert.Equal(["p1-0", "p1-1", "p2-0", "p2-1", "p3-0", "p3-1"], ids);
    }

    [Fact]
    public async Task ListTasksAsync_EmptyPageBeforeTotalPage_Stops()
    {
        var mock = Sut.StrictMock();
        var calls = 0;
        mock.When(HttpMethod.Post, "*/task/page").Respond(_ =>
        {
            calls++;
            return Wire.Ok(Wire.Page(calls == 1 ? [Wire.Task("only")] : [], calls, totalPages: 10));
        });
        using var client = Sut.CreateSut(mock);

        var ids = await client.ListTasksAsync(new CreationTaskQuery()).Select(t => t.Id).ToListAsync();

        Assert.Equal(["only"], ids);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task ListTasksAsync_120Ids_ThreeFilteredRequestsOf50_50_20()
    {
        var mock = Sut.StrictMock();
        var sizes = new List<int>();
        mock.When(HttpMethod.Post, "*/task/page").Respond(async request =>
        {
            var ids = (JsonArray)(await Wire.BodyAsync(request))["unique_ids"]!;
            sizes.Add(ids.Count);
            return Wire.Ok(Wire.Page(ids.Select(id => (JsonNode)Wire.Task((string)id!))));
        });
        using var client = Sut.CreateSut(mock);
        var query = new CreationTaskQuery();
        foreach (var i in Enumerable.Range(0, 120))
        {
            query.TaskIds.Add($"id-{i}");
        }

        var tasks = await client.ListTasksAsync(query).ToListAsync();

        Assert.Equal([50, 50, 20], sizes);
        Assert.Equal(120, tasks.Select(t => t.Id).Distinct().Count());
    }

    [Fact]
    public async Task ListTasksAsync_CancelledBetweenPages_StopsWithoutNextRequest()
    {
        var mock = Sut.StrictMock();
        var calls = 0;
        mock.When(HttpMethod.Post, "*/task/page").Respond(_ =>
        {
            calls++;
            return Wire.Ok(Wire.Page([Wire.Task($"t{calls}")], calls, totalPages: 5));
        });
        using var client = Sut.CreateSut(mock);
        using var cts = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in client.ListTasksAsync(new CreationTaskQuery(), cts.Token))
            {
                cts.Cancel();
            }
        });

        Assert.Equal(1, calls);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(51)]
    public void ListTasksAsync_PageSizeOutOfRange_ThrowsBeforeAnyRequest(int pageSize)
    {
        var mock = Sut.StrictMock();
        using var client = Sut.CreateSut(mock);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => client.ListTasksAsync(new CreationTaskQuery { PageSize = pageSize }));

        Assert.Contains("PageSize must be between 1 and 50", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NoCredentials_ThrowsOptionsValidationNamingSettings()
    {
        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => new ChanjingClient(new ChanjingOptions()));

        Assert.Contains("AccessToken", error.Message, StringComparison.Ordinal);
        Assert.Contains("AppId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Constructor_CallerHttpClientWithoutBaseAddress_StillSendsToOptionsBaseAddressWithToken()
    {
        var mock = Sut.StrictMock();
        mock.Expect(HttpMethod.Get, "http://127.0.0.1:9/api/open/v1/ai_creation/task").WithHeaders("access_token", Sut.Token).Respond(_ => Wire.Ok(Wire.Task("x")));
        using var client = new ChanjingClient(mock.ToHttpClient(), Sut.Options(o => o.BaseAddress = new Uri("http://127.0.0.1:9/api")));

        await client.GetTaskAsync("x");

        mock.VerifyNoOutstandingExpectation();
    }

    internal static void AssertDocumentedTask(CreationTask task)
    {
        Assert.Equal("58b1c892-6e40-48f9-b06f-50bdd800d3d0", task.Id);
        Assert.Equal(7L, task.RecordId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1772510584), task.CreatedAt);
        Assert.Equal(1, task.NumberOfCreations);
        Assert.Equal(CreationType.Image, task.Type);
        Assert.Equal(CreationTaskStatus.Error, task.Status);
        Assert.True(task.Status.IsFailure);
        Assert.Equal("任务失败,本次生成不消耗蝉豆", task.ErrorMessage);
        Assert.Equal("9:16", task.AspectRatio);
        Assert.Empty(task.OutputUrls);
        var photo = "https://www.chanjing.cc/chanjing/res/aigc_creation/open/photo/2026-03-02/f794a528f749aa652fa327c83e49306b.jpg";
        Assert.Equal([new Uri(photo)], task.ReferenceImageUrls);
        Assert.Equal("doubao-seedream-4.5", task.ModelCode);
        Assert.Equal(string.Empty, task.ModelName);
        Assert.NotNull(task.ImageSettings);
        Assert.Equal([new Uri(photo)], task.ImageSettings!.ReferenceImageUrls);
        Assert.Equal("生成一张微缩模型风格的创意场景图。", task.ImageSettings.Prompt);
        Assert.Equal(4096, task.ImageSettings.Clarity);
        Assert.Equal("9:16", task.ImageSettings.AspectRatio);
        Assert.Equal(string.Empty, task.ImageSettings.QualityMode);
        Assert.Equal(1, task.ImageSettings.NumberOfImages);
        Assert.NotNull(task.VideoSettings);
        Assert.Empty(task.VideoSettings!.PhotoUrls);
        Assert.Equal(string.Empty, task.VideoSettings.Prompt);
        Assert.Equal(0, task.VideoSettings.Clarity);
        Assert.Equal(0, task.VideoSettings.DurationSeconds);
        Assert.Equal(string.Empty, task.VideoSettings.Style);
        Assert.Equal("58b1c892-6e40-48f9-b06f-50bdd800d3d0", task.RawJson.GetProperty("unique_id").GetString());
    }
}
