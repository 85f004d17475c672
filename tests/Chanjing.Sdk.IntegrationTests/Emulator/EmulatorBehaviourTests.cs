using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chanjing.Emulator;
using Microsoft.Extensions.Time.Testing;

namespace Chanjing.Sdk.IntegrationTests.Emulator;

/// <summary>The emulator's own behaviours, over raw HTTP, and the fidelity of its JSON to the documented examples.</summary>
public sealed class EmulatorBehaviourTests
{
    private static async Task<JsonObject> PostAsync(HttpClient http, string path, object body, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Add("access_token", token);
        }

        using var response = await http.SendAsync(request);
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static async Task<JsonObject> GetAsync(HttpClient http, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("access_token", token);
        using var response = await http.SendAsync(request);
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static async Task<string> TokenAsync(HttpClient http, ChanjingEmulator emulator) =>
        (string)(await PostAsync(http, "open/v1/access_token", new { app_id = emulator.AppId, secret_key = emulator.SecretKey }))["data"]!["access_token"]!;

    private static object SubmitBody(string prompt = "p") => new
    {
        ref_img_url = new[] { "https://x/a.jpg" },
        ref_prompt = prompt,
        creation_type = 4,
        aspect_ratio = "16:9",
        clarity = 1080,
        video_duration = 5,
        model_code = "happyhorse-1.0-r2v",
    };

    private static HttpClient Http(ChanjingEmulator emulator) => new() { BaseAddress = emulator.BaseAddress };

    [Fact]
    public async Task DateHeader_IsTheEmulatorsClock_NotTheRealOne()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2020, 1, 2, 3, 4, 5, TimeSpan.Zero));
        await using var emulator = await ChanjingEmulator.StartAsync(new ChanjingEmulatorOptions { TimeProvider = time });
        using var http = Http(emulator);

        using var token = await http.PostAsync("open/v1/access_token", JsonContent.Create(new { app_id = emulator.AppId, secret_key = emulator.SecretKey }));
        using var unknown = await http.GetAsync("open/v1/no_such_endpoint");
        time.Advance(TimeSpan.FromMinutes(1));
        using var later = await http.GetAsync("open/v1/no_such_endpoint");

        Assert.Equal(time.GetUtcNow() - TimeSpan.FromMinutes(1), token.Headers.Date);
        Assert.Equal(time.GetUtcNow() - TimeSpan.FromMinutes(1), unknown.Headers.Date);
        Assert.Equal(time.GetUtcNow(), later.Headers.Date);
    }

    [Fact]
    public async Task AccessToken_NewTokenInvalidatesPrevious()
    {
        await using var emulator = await ChanjingEmulator.StartAsync();
        using var http = Http(emulator);
        var first = await TokenAsync(http, emulator);
        Assert.Equal(0, (int)(await PostAsync(http, "open/v1/ai_creation/task/submit", SubmitBody(), first))["code"]!);

        var second = await TokenAsync(http, emulator);

        Assert.Equal(10400, (int)(await PostAsync(http, "open/v1/ai_creation/task/submit", SubmitBody(), first))["code"]!);
        Assert.Equal(0, (int)(await PostAsync(http, "open/v1/ai_creation/task/submit", SubmitBody(), second))["code"]!);
    }

    [Fact]
    public async Task AccessToken_WrongCredentials_ErrorEnvelope()
    {
        await using var emulator = await ChanjingEmulator.StartAsync();
        using var http = Http(emulator);

        var response = await PostAsync(http, "open/v1/access_token", new { app_id = emulator.AppId, secret_key = "wrong" });

        Assert.Equal(40000, (int)response["code"]!);
        Assert.NotNull(response["trace_id"]);
    }

    [Fact]
    public async Task AccessToken_ExpiresOnTheEmulatorClock()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var emulator = await ChanjingEmulator.StartAsync(new ChanjingEmulatorOptions { TimeProvider = time, TokenLifetime = TimeSpan.FromHours(1) });
        using var http = Http(emulator);
        var response = await PostAsync(http, "open/v1/access_token", new { app_id = emulator.AppId, secret_key = emulator.SecretKey });
        var token = (string)response["data"]!["access_token"]!;

        Assert.Equal((time.GetUtcNow() + TimeSpan.FromHours(1)).ToUnixTimeSeconds(), (long)response["data"]!["expire_in"]!);
        Assert.Equal(0, (int)(await PostAsync(http, "open/v1/ai_creation/task/submit", SubmitBody(), token))["code"]!);
        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(10400, (int)(await PostAsync(http, "open/v1/ai_creation/task/submit", SubmitBody(), token))["code"]!);
    }

    [Fact]
    public async Task Submit_InvalidBodies_RejectedAsTheServiceWould()
    {
        await using var emulator = await ChanjingEmulator.StartAsync();
        using var http = Http(emulator);
        var token = await TokenAsync(http, emulator);

        using var notJson = new HttpRequestMessage(HttpMethod.Post, "open/v1/ai_creation/task/submit") { Content = new StringContent("not json", Encoding.UTF8, "application/json") };
        notJson.Headers.Add("access_token", token);
        using var notJsonResponse = await http.SendAsync(notJson);
        Assert.Equal(400, (int)JsonNode.Parse(await notJsonResponse.Content.ReadAsStringAsync())!["code"]!);
        Assert.Equal(40000, (int)(await PostAsync(http, "open/v1/ai_creation/task/submit", new { ref_prompt = "p" }, token))["code"]!);
        Assert.Equal(40000, (int)(await PostAsync(http, "open/v1/ai_creation/task/submit", new { ref_img_url = new[] { "https://x/a.jpg" }, ref_prompt = "p", creation_type = 3, aspect_ratio = "16:9", clarity = 1080, video_duration = 5, model_code = "happyhorse-1.0-r2v" }, token))["code"]!);
        Assert.Equal(40000, (int)(await PostAsync(http, "open/v1/ai_creation/task/submit", new { ref_img_url = new[] { "https://x/a.jpg" }, ref_prompt = "p", creation_type = 4, aspect_ratio = "16:9", clarity = 1080, video_duration = 0, model_code = "happyhorse-1.0-r2v" }, token))["code"]!);
        Assert.Equal(40000, (int)(await PostAsync(http, "open/v1/ai_creation/task/submit", new { ref_img_url = new[] { "https://x/a.jpg" }, ref_prompt = "p", creation_type = 4, aspect_ratio = "16:9", clarity = 1080, video_duration = 5, model_code = "HappyHorse-1.0-R2V" }, token))["code"]!);
        Assert.Equal(0, emulator.TaskCount);
    }

    [Fact]
    public async Task List_PagesWithPageInfoAndTotal_AndFiltersById()
    {
        await using var emulator = await ChanjingEmulator.StartAsync();
        using var http = Http(emulator);
        var token = await TokenAsync(http, emulator);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((string)(await PostAsync(http, "open/v1/ai_creation/task/submit", SubmitBody($"p{i}"), token))["data"]!);
        }

        var page3 = (JsonObject)(await PostAsync(http, "open/v1/ai_creation/task/page", new { unique_ids = Array.Empty<string>(), type = 4, page = 3, page_size = 2 }, token))["data"]!;
        var filtered = (JsonObject)(await PostAsync(http, "open/v1/ai_creation/task/page", new { unique_ids = new[] { ids[1], ids[3] }, type = 4, page = 1, page_size = 50 }, token))["data"]!;
        var images = (JsonObject)(await PostAsync(http, "open/v1/ai_creation/task/page", new { unique_ids = Array.Empty<string>(), type = 3, page = 1, page_size = 50 }, token))["data"]!;

        Assert.Equal(5, (int)page3["total"]!);
        Assert.Equal((3, 2, 5, 3), ((int)page3["page_info"]!["page"]!, (int)page3["page_info"]!["size"]!, (int)page3["page_info"]!["total_count"]!, (int)page3["page_info"]!["total_page"]!));
        Assert.Equal(ids[0], (string)page3["list"]![0]!["unique_id"]!);
        Assert.Equal(new[] { ids[3], ids[1] }, ((JsonArray)filtered["list"]!).Select(t => (string)t!["unique_id"]!));
        Assert.Empty((JsonArray)images["list"]!);
    }

    [Fact]
    public async Task List_MoreThan50Ids_Rejected()
    {
        await using var emulator = await ChanjingEmulator.StartAsync();
        using var http = Http(emulator);
        var token = await TokenAsync(http, emulator);

        var response = await PostAsync(http, "open/v1/ai_creation/task/page", new { unique_ids = Enumerable.Range(0, 51).Select(i => $"id{i}").ToArray(), type = 4, page = 1, page_size = 50 }, token);

        Assert.Equal(40000, (int)response["code"]!);
    }

    [Fact]
    public async Task Upload_ContentTypeMustEqualMimeType()
    {
        await using var emulator = await ChanjingEmulator.StartAsync();
        using var http = Http(emulator);
        var token = await TokenAsync(http, emulator);
        var data = (await GetAsync(http, "open/v1/common/create_upload_url?service=ai_creation&name=ref.png", token))["data"]!;
        var signUrl = new Uri((string)data["sign_url"]!);

        using var wrong = new ByteArrayContent([1, 2, 3]);
        wrong.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
        using var wrongResponse = await http.PutAsync(signUrl, wrong);
        using var right = new ByteArrayContent([1, 2, 3]);
        right.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue((string)data["mime_type"]!);
        using var rightResponse = await http.PutAsync(signUrl, right);

        Assert.Equal("image/png", (string)data["mime_type"]!);
        Assert.Equal(HttpStatusCode.Forbidden, wrongResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rightResponse.StatusCode);
    }

    [Fact]
    public async Task FileDetail_ProcessingThenReadyAfterDelay()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var emulator = await ChanjingEmulator.StartAsync(new ChanjingEmulatorOptions { TimeProvider = time, FileReadyDelay = TimeSpan.FromSeconds(10) });
        using var http = Http(emulator);
        var token = await TokenAsync(http, emulator);
        var data = (await GetAsync(http, "open/v1/common/create_upload_url?service=ai_creation&name=ref.png", token))["data"]!;
        using var content = new ByteArrayContent([1, 2, 3]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        using var put = await http.PutAsync((string)data["sign_url"]!, content);

        var before = (int)(await GetAsync(http, $"open/v1/common/file_detail?id={data["file_id"]}", token))["data"]!["status"]!;
        time.Advance(TimeSpan.FromSeconds(10));
        var after = (int)(await GetAsync(http, $"open/v1/common/file_detail?id={data["file_id"]}", token))["data"]!["status"]!;

        Assert.Equal((0, 1), (before, after));
    }

    [Fact]
    public async Task RateLimit_PerToken_Answers40001AboveTheLimit()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var emulator = await ChanjingEmulator.StartAsync(new ChanjingEmulatorOptions { TimeProvider = time, RequestsPerSecondPerToken = 2 });
        using var http = Http(emulator);
        var token = await TokenAsync(http, emulator);

        var codes = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            codes.Add((int)(await PostAsync(http, "open/v1/ai_creation/task/submit", SubmitBody(), token))["code"]!);
        }

        time.Advance(TimeSpan.FromSeconds(1));
        codes.Add((int)(await PostAsync(http, "open/v1/ai_creation/task/submit", SubmitBody(), token))["code"]!);

        Assert.Equal([0, 0, 40001, 0], codes);
    }

    [Fact]
    public async Task TaskLifecycle_QueuedGeneratingSuccess_OnTheEmulatorClock_AndOutputServedWithRange()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var emulator = await ChanjingEmulator.StartAsync(new ChanjingEmulatorOptions { TimeProvider = time });
        using var http = Http(emulator);
        var token = await TokenAsync(http, emulator);
        var id = (string)(await PostAsync(http, "open/v1/ai_creation/task/submit", SubmitBody(), token))["data"]!;

        async Task<JsonNode> TaskAsync() => (await GetAsync(http, $"open/v1/ai_creation/task?unique_id={id}", token))["data"]!;
        var queued = (string)(await TaskAsync())["progress_desc"]!;
        time.Advance(TimeSpan.FromSeconds(1));
        var generating = (string)(await TaskAsync())["progress_desc"]!;
        time.Advance(TimeSpan.FromSeconds(2));
        var done = await TaskAsync();
        var url = (string)done["output_url"]![0]!;
        using var ranged = new HttpRequestMessage(HttpMethod.Get, url);
        ranged.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(100, 199);
        using var response = await http.SendAsync(ranged);
        var part = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(("Queued", "Generating", "Success"), (queued, generating, (string)done["progress_desc"]!));
        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal("video/mp4", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(emulator.GetOutputBytes(id).AsSpan(100, 100).ToArray(), part);
        Assert.Equal("ftyp"u8.ToArray(), emulator.GetOutputBytes(id).AsSpan(4, 4).ToArray());
    }

    [Fact]
    public async Task Journal_RedactsSecretKey()
    {
        await using var emulator = await ChanjingEmulator.StartAsync();
        using var http = Http(emulator);

        await TokenAsync(http, emulator);

        var entry = Assert.Single(emulator.Journal);
        Assert.DoesNotContain(emulator.SecretKey, entry.Body, StringComparison.Ordinal);
        Assert.Contains("\"secret_key\":\"***\"", entry.Body, StringComparison.Ordinal);
    }

    public static TheoryData<string> Endpoints() => ["access-token", "submit", "list-tasks", "create-upload-url"];

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Fidelity_EmulatorJson_HasTheDocumentedFieldNamesAndTypes(string endpoint)
    {
        await using var emulator = await ChanjingEmulator.StartAsync();
        using var http = Http(emulator);
        var token = await TokenAsync(http, emulator);
        JsonNode actual = endpoint switch
        {
            "access-token" => await PostAsync(http, "open/v1/access_token", new { app_id = emulator.AppId, secret_key = emulator.SecretKey }),
            "submit" => await PostAsync(http, "open/v1/ai_creation/task/submit", JsonNode.Parse(Support.Example("submit.request.json"))!, token),
            "create-upload-url" => await GetAsync(http, "open/v1/common/create_upload_url?service=customised_person&name=person.mp4", token),
            _ => await ListImageTaskAsync(http, token),
        };
        var documented = JsonNode.Parse(Support.Example(endpoint + ".response.json"))!;

        AssertSameShape(documented, actual, "$");
    }

    private static async Task<JsonNode> ListImageTaskAsync(HttpClient http, string token)
    {
        await PostAsync(http, "open/v1/ai_creation/task/submit", new { ref_img_url = new[] { "https://x/a.jpg" }, ref_prompt = "p", creation_type = 3, aspect_ratio = "9:16", clarity = 4096, model_code = "doubao-seedream-4.5" }, token);
        return await PostAsync(http, "open/v1/ai_creation/task/page", JsonNode.Parse("""{"unique_ids": [], "type": 3, "page": 1, "page_size": 50}""")!, token);
    }

    private static void AssertSameShape(JsonNode? expected, JsonNode? actual, string path)
    {
        var expectedKind = expected?.GetValueKind() ?? JsonValueKind.Null;
        var actualKind = actual?.GetValueKind() ?? JsonValueKind.Null;
        Assert.True(Comparable(expectedKind) == Comparable(actualKind), $"{path}: documented {expectedKind}, emulator {actualKind}");
        if (expected is JsonObject e && actual is JsonObject a)
        {
            Assert.Equal(e.Select(p => p.Key).Order(), a.Select(p => p.Key).Order());
            foreach (var (key, value) in e)
            {
                AssertSameShape(value, a[key], path + "." + key);
            }
        }
        else if (expected is JsonArray ea && actual is JsonArray aa && ea.Count > 0 && aa.Count > 0)
        {
            AssertSameShape(ea[0], aa[0], path + "[0]");
        }
    }

    private static JsonValueKind Comparable(JsonValueKind kind) => kind == JsonValueKind.False ? JsonValueKind.True : kind;
}

public sealed class EmulatorAdminTests
{
    [Fact]
    public async Task AdminEndpoints_ScriptFaultReadJournalForceStatus()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(new ChanjingEmulatorOptions { EnableAdminEndpoints = true });
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        using var client = Support.Client(emulator, o => o.Retry.MaxAttempts = 0);

        using var fault = await http.PostAsync("_emulator/faults", new StringContent("""{"endpoint":"GetTask","kind":"BodyCode","code":50000}""", Encoding.UTF8, "application/json"));
        var id = await client.SubmitReferenceVideoAsync(Support.Request());
        var error = await Assert.ThrowsAsync<ChanjingServerException>(() => client.GetTaskAsync(id));
        using var status = await http.PostAsync($"_emulator/tasks/{id}/status", new StringContent("""{"status":"Fail","err_msg":"scripted"}""", Encoding.UTF8, "application/json"));
        var task = await client.GetTaskAsync(id);
        var journal = JsonNode.Parse(await http.GetStringAsync("_emulator/journal"))!.AsArray();

        Assert.Equal(HttpStatusCode.OK, fault.StatusCode);
        Assert.Equal(50000, error.Code);
        Assert.Equal(HttpStatusCode.NoContent, status.StatusCode);
        Assert.Equal(("Fail", "scripted"), (task.Status.Value, task.ErrorMessage));
        Assert.Contains(journal, e => (string)e!["path"]! == "/open/v1/ai_creation/task/submit");
        Assert.DoesNotContain(journal, e => ((string)e!["path"]!).StartsWith("/_emulator", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AdminEndpoints_JournalAndCallbacksKeepTheirJsonShape_AndABadBodyIs400()
    {
        // Written by source-generated JSON (the tool that embeds the emulator is NativeAOT): same names as before.
        await using var emulator = await ChanjingEmulator.StartAsync(new ChanjingEmulatorOptions { EnableAdminEndpoints = true });
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        using var client = Support.Client(emulator);
        await client.SubmitReferenceVideoAsync(Support.Request());

        var raw = await http.GetStringAsync("_emulator/journal");
        var entry = JsonNode.Parse(raw)!.AsArray().Last()!;
        var callbacks = JsonNode.Parse(await http.GetStringAsync("_emulator/callbacks"))!;
        using var bad = await http.PostAsync("_emulator/faults", new StringContent("not json", Encoding.UTF8, "application/json"));
        using var missing = await http.PostAsync("_emulator/tasks/no-such-task/status", new StringContent("""{"status":"Fail"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(("POST", "/open/v1/ai_creation/task/submit", true), ((string)entry["method"]!, (string)entry["path"]!, (bool)entry["accessToken"]!));
        Assert.Equal(nameof(EmulatorEndpoint.Submit), (string)entry["endpoint"]!);
        Assert.NotNull(entry["receivedAt"]);
        Assert.Empty(callbacks.AsArray());
        // Escaped as ASP.NET Core's results escape (relaxed): the journal reads as it was sent, and grep finds it.
        Assert.Contains("\\\"ref_prompt\\\":", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u0022", raw, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("expected", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task AdminEndpoints_OffByDefaultInProcess()
    {
        await using var emulator = await ChanjingEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };

        using var response = await http.GetAsync("_emulator/journal");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
