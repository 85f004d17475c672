using Chanjing.Emulator;
using Chanjing.Sdk;

namespace Chanjing.Samples;

/// <summary>
/// Where a sample sends its requests: the real service when CHANJING_ACCESS_TOKEN, or CHANJING_APP_ID and
/// CHANJING_SECRET_KEY, are set (CHANJING_BASE_ADDRESS optional); otherwise an emulator started in-process.
/// </summary>
internal sealed class SampleAccount : IAsyncDisposable
{
    private SampleAccount(ChanjingOptions options, ChanjingEmulator? emulator, string description)
    {
        Options = options;
        Emulator = emulator;
        Description = description;
    }

    public ChanjingOptions Options { get; }

    public ChanjingEmulator? Emulator { get; }

    public string Description { get; }

    public static async Task<SampleAccount> CreateAsync()
    {
        var token = Environment.GetEnvironmentVariable("CHANJING_ACCESS_TOKEN");
        var appId = Environment.GetEnvironmentVariable("CHANJING_APP_ID");
        var secret = Environment.GetEnvironmentVariable("CHANJING_SECRET_KEY");
        var baseAddress = Environment.GetEnvironmentVariable("CHANJING_BASE_ADDRESS");
        if (!string.IsNullOrWhiteSpace(token) || (!string.IsNullOrWhiteSpace(appId) && !string.IsNullOrWhiteSpace(secret)))
        {
            var options = new ChanjingOptions
            {
                BaseAddress = string.IsNullOrWhiteSpace(baseAddress) ? ChanjingOptions.DefaultBaseAddress : new Uri(baseAddress),
                AccessToken = string.IsNullOrWhiteSpace(token) ? null : token,
                AppId = string.IsNullOrWhiteSpace(token) ? appId : null,
                SecretKey = string.IsNullOrWhiteSpace(token) ? secret : null,
            };
            return new SampleAccount(options, null, $"Using the Chanjing service at {options.BaseAddress} ({(options.AccessToken is null ? "app id " + appId : "a fixed access token")}).");
        }

        var emulator = await ChanjingEmulator.StartAsync(new ChanjingEmulatorOptions
        {
            QueuedDuration = TimeSpan.FromSeconds(1),
            GeneratingDuration = TimeSpan.FromSeconds(3),
            FileReadyDelay = TimeSpan.FromMilliseconds(300),
        });
        var local = new ChanjingOptions { BaseAddress = emulator.BaseAddress, AppId = emulator.AppId, SecretKey = emulator.SecretKey, Uploads = { ReadyPollInterval = TimeSpan.FromMilliseconds(250) } };
        return new SampleAccount(local, emulator, $"No Chanjing credentials set: using the embedded emulator at {emulator.BaseAddress} (set CHANJING_ACCESS_TOKEN, or CHANJING_APP_ID and CHANJING_SECRET_KEY, to use the real service).");
    }

    public async ValueTask DisposeAsync()
    {
        if (Emulator is not null)
        {
            await Emulator.DisposeAsync();
        }
    }
}
