using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Chanjing.Emulator;
using Microsoft.Extensions.Time.Testing;

namespace Chanjing.Sdk.IntegrationTests.Emulator;

/// <summary>
/// The emulator as a tool for users' tests and Chanjing's own scripts: the standalone host's options and help, the
/// documented rate limits (off unless asked for), and a journal people can read.
/// </summary>
public sealed class EmulatorToolTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Journal_NamesEndpoints_AndKeepsChineseTextReadable()
    {
        const string prompt = "一匹马在草原上奔跑";
        var (emulator, http, _, token) = await EmulatorHttp.StartAsync(new ChanjingEmulatorOptions { EnableAdminEndpoints = true });
        await using var __ = emulator;
        using var ___ = http;

        await EmulatorHttp.PostAsync(http, "open/v1/ai_creation/task/submit", EmulatorHttp.R2v(prompt, "16:9", 5), token);
        var raw = await http.GetStringAsync("_emulator/journal");

        var submit = Assert.Single(emulator.Journal, r => r.Endpoint == EmulatorEndpoint.Submit);
        Assert.Contains(prompt, submit.Body, StringComparison.Ordinal);
        Assert.Contains(prompt, raw, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", raw, StringComparison.Ordinal);
        var entry = JsonNode.Parse(raw)!.AsArray().Single(e => (string)e!["path"]! == "/open/v1/ai_creation/task/submit")!;
        Assert.Equal("Submit", (string)entry["endpoint"]!);
    }

    [Fact]
    public async Task RateLimits_OffByDefault()
    {
        var (emulator, http, _, token) = await EmulatorHttp.StartAsync();
        await using var __ = emulator;
        using var ___ = http;

        var codes = await UploadUrlCodesAsync(http, token, 40);

        Assert.All(codes, code => Assert.Equal(0, code));
    }

    [Fact]
    public async Task RateLimits_Documented_CreateUploadUrl30AMinute_Then40001_UntilTheMinuteHasPassed()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var (emulator, http, _, token) = await EmulatorHttp.StartAsync(new ChanjingEmulatorOptions { TimeProvider = time, EnforceDocumentedRateLimits = true });
        await using var __ = emulator;
        using var ___ = http;

        var first = await UploadUrlCodesAsync(http, token, 31);
        var detail = await EmulatorHttp.GetAsync(http, "open/v1/ai_creation/task?unique_id=none", token);
        time.Advance(TimeSpan.FromSeconds(59));
        var stillLimited = await UploadUrlCodesAsync(http, token, 1);
        time.Advance(TimeSpan.FromSeconds(1));
        var nextMinute = await UploadUrlCodesAsync(http, token, 1);

        Assert.Equal(30, ChanjingEmulatorOptions.DocumentedRequestsPerMinute[EmulatorEndpoint.CreateUploadUrl]);
        Assert.All(first.Take(30), code => Assert.Equal(0, code));
        Assert.Equal(40001, first[30]);
        Assert.NotEqual(40001, (int)detail["code"]!);
        Assert.Equal([40001], stillLimited);
        Assert.Equal([0], nextMinute);
    }

    [Fact]
    public async Task Standalone_Help_PrintsItsOptions_AndExitsZero()
    {
        var (exit, stdout, stderr) = await RunStandaloneAsync("--help");

        Assert.True(exit == 0, $"exit {exit}\n{stdout}\n{stderr}");
        foreach (var option in new[] { "--urls", "--app-id", "--secret-key", "--use-requested-resolution", "--rate-limits", "--allow-non-loopback-callbacks", "--help" })
        {
            Assert.Contains(option, stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Standalone_UnknownOption_ExitsTwoNamingIt()
    {
        var (exit, _, stderr) = await RunStandaloneAsync("--wobble");

        Assert.Equal(2, exit);
        Assert.Contains("--wobble", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Standalone_Options_TurnOnTheDocumentedRateLimits_RequestedResolution_AndNonLoopbackCallbacks()
    {
        using var process = Process.Start(Standalone("--urls", "http://127.0.0.1:0", "--rate-limits", "--use-requested-resolution", "--allow-non-loopback-callbacks"))!;
        try
        {
            var banner = new StringBuilder();
            Uri? address = null;
            using (var guard = new CancellationTokenSource(Bound))
            {
                while (await process.StandardOutput.ReadLineAsync(guard.Token) is { } line)
                {
                    banner.AppendLine(line);
                    if (line.StartsWith("Chanjing emulator listening on ", StringComparison.Ordinal))
                    {
                        address = new Uri(line["Chanjing emulator listening on ".Length..].Trim());
                    }

                    if (line.StartsWith("Press Ctrl+C", StringComparison.Ordinal))
                    {
                        break;
                    }
                }
            }

            Assert.NotNull(address);
            var text = banner.ToString();
            Assert.Contains("create_upload_url 30/min", text, StringComparison.Ordinal);
            Assert.Contains("requested size", text, StringComparison.Ordinal);
            Assert.Contains("callbacks:   any host", text, StringComparison.Ordinal);
            using var http = new HttpClient { BaseAddress = address };
            var token = (string)(await EmulatorHttp.PostAsync(http, "open/v1/access_token", new JsonObject { ["app_id"] = "emulator", ["secret_key"] = "emulator-secret" }))["data"]!["access_token"]!;
            var codes = await UploadUrlCodesAsync(http, token, 31);
            Assert.All(codes.Take(30), code => Assert.Equal(0, code));
            Assert.Equal(40001, codes[30]);
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync().WaitAsync(Bound);
        }
    }

    private static async Task<int[]> UploadUrlCodesAsync(HttpClient http, string token, int count)
    {
        var codes = new int[count];
        for (var i = 0; i < count; i++)
        {
            codes[i] = (int)(await EmulatorHttp.GetAsync(http, $"open/v1/common/create_upload_url?service=ai_creation&name=a{i}.png", token))["code"]!;
        }

        return codes;
    }

    private static ProcessStartInfo Standalone(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetTempPath() };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Chanjing.Emulator.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunStandaloneAsync(params string[] arguments)
    {
        using var process = Process.Start(Standalone(arguments))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var guard = new CancellationTokenSource(Bound);
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new TimeoutException($"the standalone emulator {string.Join(' ', arguments)} did not end within {Bound}: {await stdout}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
