using Chanjing.Emulator;
using Chanjing.Emulator.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

// Standalone: dotnet run --project src/Chanjing.Emulator -- [options]; --help lists them.
const string DefaultUrl = "http://127.0.0.1:5080";
string? urls = null, appId = null, secretKey = null;
bool requestedResolution = false, rateLimits = false, anyCallbackHost = false;
for (var i = 0; i < args.Length; i++)
{
    var (name, inline) = args[i].IndexOf('=', StringComparison.Ordinal) is > 0 and var at ? (args[i][..at], args[i][(at + 1)..]) : (args[i], null);
    switch (name)
    {
        case "--help" or "-h" or "-?":
            Console.WriteLine($"""
                Chanjing emulator: a local Chanjing Open API (tokens, AI creation, public voices and avatars, customised avatars, avatar videos, text to speech, voice clones, lip-sync, avatar design, uploads, downloads, callbacks) with controls under /_emulator/.

                Usage: dotnet Chanjing.Emulator.dll [options]

                Options:
                  --urls URL                      Where to listen; port 0 picks a free one. Default {DefaultUrl} (loopback).
                  --app-id ID                     The app id the token endpoint accepts. Default CHANJING_EMULATOR_APP_ID, or emulator.
                  --secret-key KEY                The secret key it accepts. Default CHANJING_EMULATOR_SECRET_KEY, or emulator-secret.
                  --use-requested-resolution      Outputs at the requested size (1080 -> 1920x1080) instead of scaled down to 64 px.
                  --rate-limits                   Apply Chanjing's documented per-endpoint limits ({Limits()}), answering 40001 above them.
                  --allow-non-loopback-callbacks  Deliver completion callbacks to any host, not only loopback ones.
                  -h, --help                      Show this help and exit.
                """);
            return 0;
        case "--urls" or "--app-id" or "--secret-key":
            var value = inline ?? (i + 1 < args.Length ? args[++i] : null);
            if (string.IsNullOrWhiteSpace(value))
            {
                return Usage($"{name} needs a value.");
            }

            if (name == "--urls")
            {
                urls = value;
            }
            else if (name == "--app-id")
            {
                appId = value;
            }
            else
            {
                secretKey = value;
            }

            break;
        case "--use-requested-resolution" when inline is null:
            requestedResolution = true;
            break;
        case "--rate-limits" when inline is null:
            rateLimits = true;
            break;
        case "--allow-non-loopback-callbacks" when inline is null:
            anyCallbackHost = true;
            break;
        default:
            return Usage($"unknown option '{args[i]}'.");
    }
}

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
var options = new ChanjingEmulatorOptions
{
    AppId = appId ?? Environment.GetEnvironmentVariable("CHANJING_EMULATOR_APP_ID") ?? "emulator",
    SecretKey = secretKey ?? Environment.GetEnvironmentVariable("CHANJING_EMULATOR_SECRET_KEY") ?? "emulator-secret",
    EnableAdminEndpoints = true,
    UseRequestedResolution = requestedResolution,
    EnforceDocumentedRateLimits = rateLimits,
    AllowNonLoopbackCallbacks = anyCallbackHost,
};

// --urls wins; without it, the host's own settings (ASPNETCORE_URLS, a Kestrel section) still apply, else loopback.
if (urls is not null)
{
    builder.WebHost.UseUrls(urls);
}
else if (builder.Configuration["urls"] is null)
{
    builder.WebHost.UseUrls(DefaultUrl);
}

var app = ChanjingEmulator.Build(builder, options, out var state);
await app.StartAsync();
state.BaseAddress = EmulatorAddress.Discover(app);
Console.WriteLine($"Chanjing emulator listening on {state.BaseAddress}");
Console.WriteLine($"  app id:      {state.AppId}");
Console.WriteLine($"  secret key:  {options.SecretKey}");
Console.WriteLine($"  controls:    {state.BaseAddress}_emulator/ (faults, journal, callbacks, task, video, avatar and file status, token invalidation)");
Console.WriteLine($"  models:      {string.Join(", ", ChanjingEmulator.KnownModelCodes)}");
Console.WriteLine($"  outputs:     {(options.UseRequestedResolution ? "the requested size" : $"scaled down to a {options.ScaledOutputShortSide} px short side (--use-requested-resolution for the requested size)")}");
Console.WriteLine($"  rate limits: {(options.EnforceDocumentedRateLimits ? Limits() : "none (--rate-limits for the documented ones)")}");
Console.WriteLine($"  callbacks:   {(options.AllowNonLoopbackCallbacks ? "any host" : "loopback hosts only (--allow-non-loopback-callbacks for any)")}");
Console.WriteLine("Press Ctrl+C to stop.");
await app.WaitForShutdownAsync();
state.Dispose();
return 0;

static string Limits() => string.Join(", ", ChanjingEmulatorOptions.DocumentedRequestsPerMinute.Select(l => $"{WireName(l.Key)} {l.Value}/min")
    .Concat(ChanjingEmulatorOptions.DocumentedRequestsPerSecond.Select(l => $"{WireName(l.Key)} {l.Value}/s")));

static string WireName(EmulatorEndpoint endpoint) => endpoint switch
{
    EmulatorEndpoint.CreateUploadUrl => "create_upload_url",
    EmulatorEndpoint.CreateCustomisedPerson => "create_customised_person",
    EmulatorEndpoint.CreateVideo => "create_video",
    EmulatorEndpoint.CreateSpeechTask => "create_audio_task",
    EmulatorEndpoint.CreateCustomVoice => "create_customised_audio",
    EmulatorEndpoint.GetCustomVoice => "customised_audio",
    EmulatorEndpoint.ListCustomVoices => "list_customised_audio",
    EmulatorEndpoint.CreateLipSync => "video_lip_sync/create",
    EmulatorEndpoint.GetLipSync => "video_lip_sync/detail",
    EmulatorEndpoint.ListLipSyncs => "video_lip_sync/list",
    EmulatorEndpoint.CreateAvatarPhoto => "aigc/photo",
    EmulatorEndpoint.CreateAvatarMotion => "aigc/motion",
    _ => endpoint.ToString(),
};

static int Usage(string problem)
{
    Console.Error.WriteLine($"Chanjing emulator: {problem} Run with --help for the options.");
    return 2;
}
