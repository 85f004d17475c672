using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Chanjing.Emulator;
using Microsoft.Extensions.Time.Testing;

namespace Chanjing.Sdk.IntegrationTests.Emulator;

/// <summary>Raw-HTTP helpers for the emulator's own tests: an emulator on a fake clock, a token, submit-and-finish.</summary>
internal static class EmulatorHttp
{
    public static async Task<(ChanjingEmulator Emulator, HttpClient Http, FakeTimeProvider Time, string Token)> StartAsync(ChanjingEmulatorOptions? options = null)
    {
        var time = options?.TimeProvider as FakeTimeProvider ?? new FakeTimeProvider(DateTimeOffset.UtcNow);
        options ??= new ChanjingEmulatorOptions();
        options.TimeProvider = time;
        var emulator = await ChanjingEmulator.StartAsync(options);
        var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        var token = (string)(await PostAsync(http, "open/v1/access_token", new JsonObject { ["app_id"] = emulator.AppId, ["secret_key"] = emulator.SecretKey }))["data"]!["access_token"]!;
        return (emulator, http, time, token);
    }

    public static async Task<JsonObject> PostAsync(HttpClient http, string path, JsonNode body, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Add("access_token", token);
        }

        using var response = await http.SendAsync(request);
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    public static async Task<JsonObject> GetAsync(HttpClient http, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("access_token", token);
        using var response = await http.SendAsync(request);
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>Submits <paramref name="body"/> (must be accepted), moves the clock past the task's lifecycle, and returns the finished task.</summary>
    public static async Task<JsonObject> RunToSuccessAsync(HttpClient http, FakeTimeProvider time, string token, JsonObject body)
    {
        var submitted = await PostAsync(http, "open/v1/ai_creation/task/submit", body, token);
        Assert.True((int)submitted["code"]! == 0, $"rejected: {submitted.ToJsonString()} for {body.ToJsonString()}");
        time.Advance(TimeSpan.FromSeconds(3));
        var task = (JsonObject)(await GetAsync(http, $"open/v1/ai_creation/task?unique_id={(string)submitted["data"]!}", token))["data"]!;
        Assert.Equal("Success", (string)task["progress_desc"]!);
        return task;
    }

    public static JsonObject R2v(string prompt, string aspectRatio, int duration, int clarity = 1080) => new()
    {
        ["ref_img_url"] = new JsonArray("https://res.chanjing.cc/chanjing/res/aigc_creation/photo/ref1.jpg"),
        ["ref_prompt"] = prompt,
        ["creation_type"] = 4,
        ["aspect_ratio"] = aspectRatio,
        ["clarity"] = clarity,
        ["video_duration"] = duration,
        ["model_code"] = "happyhorse-1.0-r2v",
    };

    public static double Ratio(string aspectRatio)
    {
        var parts = aspectRatio.Split(':');
        return double.Parse(parts[0], CultureInfo.InvariantCulture) / double.Parse(parts[1], CultureInfo.InvariantCulture);
    }
}
