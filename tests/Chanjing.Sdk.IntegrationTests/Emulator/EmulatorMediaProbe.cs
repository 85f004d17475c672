using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Chanjing.Sdk.IntegrationTests.Emulator;

/// <summary>ffprobe / ffmpeg over an emulator output: what it is, and whether it decodes without a single error.</summary>
internal static class EmulatorMediaProbe
{
    public sealed record Probe(string Codec, int Width, int Height, double Duration, string DecodeErrors);

    public static async Task<Probe> RunAsync(byte[] content, string extension)
    {
        var path = Path.Combine(Path.GetTempPath(), "chanjing-emulator-" + Guid.NewGuid().ToString("N") + extension);
        await File.WriteAllBytesAsync(path, content);
        try
        {
            var (probeExit, probeOut, probeErr) = await RunToolAsync("ffprobe", "-v", "error", "-show_entries", "stream=codec_name,width,height:format=duration", "-of", "json", path);
            Assert.True(probeExit == 0, $"ffprobe failed ({probeExit}): {probeErr}");
            var json = JsonNode.Parse(probeOut)!;
            var stream = json["streams"]![0]!;
            var duration = json["format"]?["duration"] is { } d && double.TryParse((string)d!, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? seconds : 0;
            var (decodeExit, _, decodeErr) = await RunToolAsync("ffmpeg", "-v", "error", "-i", path, "-f", "null", "-");
            return new Probe((string)stream["codec_name"]!, (int)stream["width"]!, (int)stream["height"]!, duration, decodeExit == 0 ? decodeErr.Trim() : $"exit {decodeExit}: {decodeErr}");
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static async Task<(int Exit, string Out, string Err)> RunToolAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{tool} is not installed: the emulator's media tests decode outputs with ffmpeg (apt-get install ffmpeg; .ci/run installs it).", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            await process.WaitForExitAsync(guard.Token);
            return (process.ExitCode, await output, await error);
        }
    }
}
