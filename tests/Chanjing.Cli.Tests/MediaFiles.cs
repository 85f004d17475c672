using Chanjing.Sdk;

namespace Chanjing.Cli.Tests;

/// <summary>Real media for the avatar commands: a WAV of speech length, and an MP4 of a person (a public avatar's preview, with sound).</summary>
public static class MediaFiles
{
    /// <summary>A mono 16 kHz PCM WAV of a 440 Hz tone.</summary>
    public static string Wav(TempDirectory temp, string name, TimeSpan length)
    {
        const int rate = 16000;
        var frames = (int)(rate * length.TotalSeconds);
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write("RIFF"u8);
        writer.Write(36 + (frames * 2));
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write((short)1);
        writer.Write((short)1);
        writer.Write(rate);
        writer.Write(rate * 2);
        writer.Write((short)2);
        writer.Write((short)16);
        writer.Write("data"u8);
        writer.Write(frames * 2);
        for (var i = 0; i < frames; i++)
        {
            writer.Write((short)(8000 * Math.Sin(2 * Math.PI * 440 * i / rate)));
        }

        writer.Flush();
        var path = temp.File(name);
        File.WriteAllBytes(path, stream.ToArray());
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
