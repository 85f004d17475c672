using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chanjing.Emulator;

namespace Chanjing.Sdk.IntegrationTests.Emulator;

/// <summary>Malformed bodies cut anywhere, the gateway's answers to bad paths and parameters, forced file statuses, secrets kept out of the journal, callable addresses.</summary>
public sealed class EmulatorFaultAndHostTests
{
    [Fact]
    public async Task MalformedInside_AccessToken_CutsInsideTheTokenValue()
    {
        await using var emulator = await ChanjingEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        emulator.AddFault(EmulatorEndpoint.AccessToken, EmulatorFault.MalformedInside("access_token"));

        var body = await RawPostAsync(http, "open/v1/access_token", $$"""{"app_id":"{{emulator.AppId}}","secret_key":"{{emulator.SecretKey}}"}""");

        var marker = "\"access_token\":\"";
        var start = body.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(start > 0, body);
        var partialToken = body[(start + marker.Length)..];
        Assert.InRange(partialToken.Length, 1, 63);
        Assert.DoesNotContain("\"", partialToken, StringComparison.Ordinal);
        Assert.ThrowsAny<JsonException>(() => JsonNode.Parse(body));
    }

    [Fact]
    public async Task MalformedAt_And_MalformedInsideSignUrl_CutWhereAsked()
    {
        var (emulator, http, _, token) = await EmulatorHttp.StartAsync();
        await using var __ = emulator;
        using var ___ = http;
        emulator.AddFault(EmulatorEndpoint.CreateUploadUrl, EmulatorFault.MalformedAt(10));
        emulator.AddFault(EmulatorEndpoint.CreateUploadUrl, EmulatorFault.MalformedInside("sign_url"));

        var atTen = await RawGetAsync(http, "open/v1/common/create_upload_url?service=ai_creation&name=a.png", token);
        var insideSignUrl = await RawGetAsync(http, "open/v1/common/create_upload_url?service=ai_creation&name=a.png", token);

        Assert.Equal(10, Encoding.UTF8.GetByteCount(atTen));
        Assert.Contains("\"sign_url\":\"http://", insideSignUrl, StringComparison.Ordinal);
        Assert.DoesNotContain("full_path", insideSignUrl, StringComparison.Ordinal);
        Assert.DoesNotContain("Signature=", insideSignUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPath_AnswersJsonEnvelope404()
    {
        await using var emulator = await ChanjingEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };

        using var response = await http.GetAsync("open/v1/no_such_endpoint");
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(404, (int)json["code"]!);
        Assert.NotNull(json["trace_id"]);
    }

    [Theory]
    [InlineData("open/v1/common/create_upload_url?service=ai_creation&name=noextension")]
    [InlineData("open/v1/common/create_upload_url?name=a.png")]
    [InlineData("open/v1/common/create_upload_url?service=ai_creation")]
    public async Task CreateUploadUrl_BadParameter_AnswersCode400(string path)
    {
        var (emulator, http, _, token) = await EmulatorHttp.StartAsync();
        await using var __ = emulator;
        using var ___ = http;

        var response = await EmulatorHttp.GetAsync(http, path, token);

        Assert.Equal(400, (int)response["code"]!);
    }

    [Theory]
    [InlineData(99)]
    [InlineData(100)]
    public async Task FileDetail_ForcedDeletedOrCleanedUp_ReportsStatusAndStopsServing(int status)
    {
        var (emulator, http, time, token) = await EmulatorHttp.StartAsync(new ChanjingEmulatorOptions { EnableAdminEndpoints = true });
        await using var __ = emulator;
        using var ___ = http;
        var data = (await EmulatorHttp.GetAsync(http, "open/v1/common/create_upload_url?service=ai_creation&name=ref.png", token))["data"]!;
        using var content = new ByteArrayContent([1, 2, 3]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        using var put = await http.PutAsync((string)data["sign_url"]!, content);
        time.Advance(TimeSpan.FromSeconds(1));
        var fileId = (string)data["file_id"]!;
        var ready = (int)(await EmulatorHttp.GetAsync(http, $"open/v1/common/file_detail?id={fileId}", token))["data"]!["status"]!;

        if (status == 99)
        {
            emulator.SetFileStatus(fileId, status);
        }
        else
        {
            using var admin = await http.PostAsync($"_emulator/files/{fileId}/status", new StringContent($$"""{"status":{{status}}}""", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.NoContent, admin.StatusCode);
        }

        var after = (int)(await EmulatorHttp.GetAsync(http, $"open/v1/common/file_detail?id={fileId}", token))["data"]!["status"]!;
        using var download = await http.GetAsync((string)data["full_path"]!);

        Assert.Equal((1, status), (ready, after));
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
    }

    [Theory]
    [InlineData("app_id=emulator&secret_key=emulator-secret", "application/x-www-form-urlencoded")]
    [InlineData("{\"app_id\":\"emulator\",\"secret_key\":\"emulator-secret\"", "application/json")]
    [InlineData("emulator-secret", "text/plain")]
    public async Task Journal_TokenRequestThatIsNotJson_DoesNotKeepTheSecret(string body, string contentType)
    {
        await using var emulator = await ChanjingEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };

        using var response = await http.PostAsync("open/v1/access_token", new StringContent(body, Encoding.UTF8, contentType));

        var entry = Assert.Single(emulator.Journal);
        Assert.Equal(EmulatorEndpoint.AccessToken, entry.Endpoint);
        Assert.DoesNotContain(emulator.SecretKey, entry.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BoundToAllInterfaces_HandsOutLoopbackUrls()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var (emulator, http, _, token) = await EmulatorHttp.StartAsync(new ChanjingEmulatorOptions { Url = "http://0.0.0.0:0", TimeProvider = time });
        await using var __ = emulator;
        using var ___ = http;

        var task = await EmulatorHttp.RunToSuccessAsync(http, time, token, EmulatorHttp.R2v("a horse", "16:9", 5));
        var upload = (await EmulatorHttp.GetAsync(http, "open/v1/common/create_upload_url?service=ai_creation&name=a.png", token))["data"]!;

        Assert.Equal("127.0.0.1", emulator.BaseAddress.Host);
        Assert.All(new[] { (string)task["output_url"]![0]!, (string)upload["sign_url"]!, (string)upload["full_path"]! }, url =>
        {
            Assert.StartsWith(emulator.BaseAddress.AbsoluteUri, url, StringComparison.Ordinal);
            Assert.DoesNotContain("0.0.0.0", url, StringComparison.Ordinal);
        });
    }

    private static async Task<string> RawPostAsync(HttpClient http, string path, string json)
    {
        using var response = await http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<string> RawGetAsync(HttpClient http, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("access_token", token);
        using var response = await http.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }
}
