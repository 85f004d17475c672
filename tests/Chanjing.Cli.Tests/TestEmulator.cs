using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Chanjing.Emulator;
using Chanjing.Sdk;

namespace Chanjing.Cli.Tests;

/// <summary>
/// An emulator for one test class (token fetches invalidate earlier tokens, so classes running in parallel do not share
/// one), with a fixed access token every run of the tool uses, and an SDK client for the test's own setup.
/// </summary>
public sealed class TestEmulator : IAsyncLifetime
{
    public ChanjingEmulator Emulator { get; private set; } = null!;

    public ChanjingClient Client { get; private set; } = null!;

    /// <summary>The variables that point the tool at the emulator with an access token.</summary>
    public Dictionary<string, string> Environment { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Emulator = await ChanjingEmulator.StartAsync(new ChanjingEmulatorOptions
        {
            QueuedDuration = TimeSpan.FromMilliseconds(200),
            GeneratingDuration = TimeSpan.FromMilliseconds(800),
            FileReadyDelay = TimeSpan.FromMilliseconds(100),
        });
        using var http = new HttpClient { BaseAddress = Emulator.BaseAddress };
        using var response = await http.PostAsJsonAsync("open/v1/access_token", new JsonObject { ["app_id"] = Emulator.AppId, ["secret_key"] = Emulator.SecretKey });
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        var token = (string)body!["data"]!["access_token"]!;
        Environment = new Dictionary<string, string>
        {
            ["CHANJING_BASE_ADDRESS"] = Emulator.BaseAddress.AbsoluteUri,
            ["CHANJING_ACCESS_TOKEN"] = token,
        };
        Client = new ChanjingClient(new ChanjingOptions { BaseAddress = Emulator.BaseAddress, AccessToken = token });
    }

    /// <summary>Makes the next tasks last long enough to interrupt or time out a wait.</summary>
    public void SlowTasks() => Emulator.Options.GeneratingDuration = TimeSpan.FromMinutes(10);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
    }
}
