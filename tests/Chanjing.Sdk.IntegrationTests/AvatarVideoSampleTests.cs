using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using Chanjing.Sdk.IntegrationTests.Emulator;

namespace Chanjing.Sdk.IntegrationTests;

/// <summary>
/// The README's third command, run as a process the way a newcomer runs it (no credentials, embedded emulator): a short
/// script becomes a playable MP4 with sound, as long as the speech.
/// </summary>
public sealed class AvatarVideoSampleTests
{
    [Fact]
    public async Task AvatarVideo_NoCredentials_SavesAnMp4WithPictureAndSound_AsLongAsItsReportedDuration()
    {
        var configuration = typeof(AvatarVideoSampleTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var sample = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "samples", "Chanjing.AvatarVideo", "bin", configuration, "net10.0", "Chanjing.AvatarVideo.dll"));
        Assert.True(File.Exists(sample), $"The AvatarVideo sample was not built at {sample}.");
        var output = Path.Combine(Path.GetTempPath(), "chanjing-avatar-video-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(sample);
        start.ArgumentList.Add("--output");
        start.ArgumentList.Add(output);
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
            var lines = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

            Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {await stderr}\n{string.Join('\n', lines)}");
            Assert.Contains("embedded emulator", lines[0], StringComparison.Ordinal);
            Assert.Contains(lines, l => l.StartsWith("Tag 口播: avatar ", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.EndsWith("100%", StringComparison.Ordinal));
            var file = Assert.Single(Directory.GetFiles(output));
            Assert.Equal(".mp4", Path.GetExtension(file));
            Assert.EndsWith(file, lines[^1], StringComparison.Ordinal); // the last line names the saved file
            var reported = double.Parse(System.Text.RegularExpressions.Regex.Match(lines[^1], @"\((?<s>[0-9.]+) s\)").Groups["s"].Value, CultureInfo.InvariantCulture);

            var (exit, probe, error) = await EmulatorMediaProbe.RunToolAsync("ffprobe", "-v", "error", "-show_entries", "stream=codec_type,duration", "-of", "json", file);
            Assert.True(exit == 0, $"ffprobe failed ({exit}): {error}");
            var streams = JsonNode.Parse(probe)!["streams"]!.AsArray();
            var video = Assert.Single(streams, s => (string)s!["codec_type"]! == "video")!;
            var audio = Assert.Single(streams, s => (string)s!["codec_type"]! == "audio")!;
            var audioSeconds = double.Parse((string)audio["duration"]!, CultureInfo.InvariantCulture);
            Assert.True(audioSeconds > 3, $"the speech lasts {audioSeconds} s");
            Assert.True(Math.Abs(audioSeconds - reported) <= 1, $"audio {audioSeconds} s, reported duration {reported} s");
            Assert.True(Math.Abs(double.Parse((string)video["duration"]!, CultureInfo.InvariantCulture) - audioSeconds) <= 1, probe);
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    [Fact]
    public async Task AvatarVideo_CloneVoice_ClonesFromTheRecording_AndTheAvatarSpeaksWithIt()
    {
        var configuration = typeof(AvatarVideoSampleTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var sample = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "samples", "Chanjing.AvatarVideo", "bin", configuration, "net10.0", "Chanjing.AvatarVideo.dll"));
        var work = Path.Combine(Path.GetTempPath(), "chanjing-clone-voice-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        var recording = Path.Combine(work, "me.wav");
        await File.WriteAllBytesAsync(recording, Chanjing.Sdk.TestShared.TestAudio.Wav(12));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { sample, "--clone-voice", recording, "--output", Path.Combine(work, "output") })
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
            var lines = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

            Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {await stderr}\n{string.Join('\n', lines)}");
            var cloned = Assert.Single(lines, l => l.StartsWith("Cloned voice C-Audio-", StringComparison.Ordinal));
            var voiceId = cloned.Split(' ')[2];
            Assert.Contains(lines, l => l.StartsWith("Tag ", StringComparison.Ordinal) && l.EndsWith($"voice {voiceId}.", StringComparison.Ordinal));
            var file = Assert.Single(Directory.GetFiles(Path.Combine(work, "output")));
            var (exit, probe, error) = await EmulatorMediaProbe.RunToolAsync("ffprobe", "-v", "error", "-show_entries", "stream=codec_type", "-of", "json", file);
            Assert.True(exit == 0, $"ffprobe failed ({exit}): {error}");
            Assert.Contains(JsonNode.Parse(probe)!["streams"]!.AsArray(), s => (string)s!["codec_type"]! == "audio");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
