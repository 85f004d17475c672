using Chanjing.Sdk;

namespace Chanjing.Cli.Tests;

/// <summary>Real media for the avatar commands: a WAV of speech length, and an MP4 of a person (a public avatar's preview, with sound).</summary>
public static class MediaFiles
{
    /// <summary>A mono 16 kHz PCM WAV of a 440 Hz tone.</summary>
    public static string Wav(TempDirectory temp, string name, TimeSpan length)
    {
        var path = temp.File(name);
        File.WriteAllBytes(path, Chanjing.Sdk.TestShared.TestAudio.Wav(length.TotalSeconds));
        return path;
    }

    /// <summary>A video of a person: the first public avatar's preview MP4, saved under <paramref name="name"/>.</summary>
    public static async Task<string> PersonVideoAsync(IChanjingClient client, TempDirectory temp, string name)
    {
        await foreach (var avatar in client.Avatars.ListPublicAsync())
        {
            if (avatar.Figures.FirstOrDefault(f => f.PreviewVideoUrl is not null)?.PreviewVideoUrl is { } preview)
            {
                var path = temp.File(name);
                await using var file = File.Create(path);
                await client.DownloadAsync(preview, file);
                return path;
            }
        }

        throw new InvalidOperationException("The emulator lists no public avatar with a preview video.");
    }
}

/// <summary>ffprobe on a saved file: each stream's codec type and duration, and the container's duration.</summary>
public static class Probe
{
    public sealed record Result(double Duration, IReadOnlyList<(string Type, double Duration)> Streams);

    public static async Task<Result> RunAsync(string file)
    {
        var start = new System.Diagnostics.ProcessStartInfo("ffprobe") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-v", "error", "-show_entries", "stream=codec_type,duration:format=duration", "-of", "json", file })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(CliProcess.Bound);
        Assert.True(process.ExitCode == 0, $"ffprobe failed ({process.ExitCode}): {await stderr}");
        var root = System.Text.Json.JsonDocument.Parse(await stdout).RootElement;
        static double Seconds(System.Text.Json.JsonElement e) => double.Parse(e.GetProperty("duration").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var streams = root.GetProperty("streams").EnumerateArray().Select(s => (s.GetProperty("codec_type").GetString()!, Seconds(s))).ToList();
        return new Result(Seconds(root.GetProperty("format")), streams);
    }
}
