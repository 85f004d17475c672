using System.Diagnostics;
using System.Reflection;

namespace Chanjing.Sdk.IntegrationTests;

/// <summary>The README's main command, run as a process the way a newcomer runs it: no credentials, embedded emulator.</summary>
public sealed class QuickStartSampleTests
{
    [Fact]
    public async Task QuickStart_NoCredentials_GeneratesAndDownloadsAVideo() => await RunAsync([], expectedFiles: 1, ".mp4");

    [Fact]
    public async Task QuickStart_ImageModelWithCount_DownloadsEveryImage() => await RunAsync(["--model", "doubao-seedream-4.5", "--prompt", "a tea house", "--count", "2"], expectedFiles: 2, ".png");

    private static async Task RunAsync(string[] arguments, int expectedFiles, string extension)
    {
        var configuration = typeof(QuickStartSampleTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var sample = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "samples", "Chanjing.QuickStart", "bin", configuration, "net10.0", "Chanjing.QuickStart.dll"));
        Assert.True(File.Exists(sample), $"The QuickStart sample was not built at {sample}.");
        var output = Path.Combine(Path.GetTempPath(), "chanjing-quickstart-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(sample);
        start.ArgumentList.Add("--output");
        start.ArgumentList.Add(output);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in new[] { "CHANJING_ACCESS_TOKEN", "CHANJING_APP_ID", "CHANJING_SECRET_KEY", "CHANJING_BASE_ADDRESS" })
        {
            start.Environment.Remove(name);
        }

        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(guard.Token);
            var lines = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries);

            Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {await stderr}\n{string.Join('\n', lines)}");
            Assert.Contains("embedded emulator", lines[0], StringComparison.Ordinal);
            Assert.Contains(lines, l => l.StartsWith("Output URL: http", StringComparison.Ordinal));
            var files = Directory.GetFiles(output);
            Assert.Equal(expectedFiles, files.Length);
            Assert.All(files, f => Assert.Equal(extension, Path.GetExtension(f)));
            Assert.All(files, f => Assert.True(new FileInfo(f).Length > 0));
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }
}
