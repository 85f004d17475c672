using Chanjing.Emulator;

namespace Chanjing.Sdk.IntegrationTests;

internal static class Support
{
    public static ChanjingEmulatorOptions FastEmulator(TimeProvider? time = null) => new()
    {
        QueuedDuration = TimeSpan.FromMilliseconds(100),
        GeneratingDuration = TimeSpan.FromMilliseconds(200),
        FileReadyDelay = TimeSpan.FromMilliseconds(50),
        TimeProvider = time ?? TimeProvider.System,
    };

    public static ChanjingOptions Options(ChanjingEmulator emulator, Action<ChanjingOptions>? configure = null)
    {
        var options = new ChanjingOptions
        {
            BaseAddress = emulator.BaseAddress,
            AppId = emulator.AppId,
            SecretKey = emulator.SecretKey,
            Retry = { BaseDelay = TimeSpan.FromMilliseconds(10) },
            Reconciliation = { Delay = TimeSpan.FromMilliseconds(10) },
            Uploads = { ReadyPollInterval = TimeSpan.FromMilliseconds(20) },
            TimeProvider = emulator.Options.TimeProvider,
        };
        configure?.Invoke(options);
        return options;
    }

    public static ChanjingClient Client(ChanjingEmulator emulator, Action<ChanjingOptions>? configure = null) => new(Options(emulator, configure));

    public static WaitOptions FastWait => new() { PollInterval = TimeSpan.FromMilliseconds(50), MaxPollInterval = TimeSpan.FromMilliseconds(100), Timeout = TimeSpan.FromSeconds(30) };

    public static ReferenceVideoRequest Request(string prompt = "a horse gallops across the grassland") => new()
    {
        Prompt = prompt,
        ReferenceImageUrls = { new Uri("https://res.chanjing.cc/chanjing/res/aigc_creation/photo/ref1.jpg"), new Uri("https://res.chanjing.cc/chanjing/res/aigc_creation/photo/ref2.jpg") },
    };

    public static string Example(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", name));

    /// <summary>A real PNG image (RGB, zlib-compressed scanlines, CRC-checked chunks).</summary>
    public static byte[] Png(int width, int height) => Chanjing.Sdk.TestShared.TestImages.Png(width, height);

}
