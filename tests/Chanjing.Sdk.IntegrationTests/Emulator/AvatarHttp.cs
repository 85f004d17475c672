using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Chanjing.Emulator;
using Microsoft.Extensions.Time.Testing;

namespace Chanjing.Sdk.IntegrationTests.Emulator;

/// <summary>Raw-HTTP helpers for the digital-human products: uploads, bodies, ffprobe of every stream, a callback receiver.</summary>
internal static class AvatarHttp
{
    public const string Avatar = "1421df93d7754ee19dcaa18e85b68f39";   // 文昊: sit_body, circle_view
    public const string AvatarVoice = "fc2145c0e59a46c49458796f0115cfb8";
    public const string Text = "你好，这是一个测试。欢迎使用蝉镜数字人。";

    /// <summary>17 CJK characters at 4.5 a second, one 0.2 s and two 0.4 s pauses.</summary>
    public static readonly double TextSeconds = (17 / 4.5) + 0.2 + 0.4 + 0.4;

    public sealed record Stream(string Type, string Codec, int Width, int Height, double Duration, int SampleRate);

    public static JsonObject Tts(string text = Text, double speed = 1, string person = Avatar, string? figure = "sit_body", string voice = AvatarVoice)
    {
        var body = new JsonObject
        {
            ["person"] = new JsonObject { ["id"] = person, ["x"] = 0, ["y"] = 0, ["width"] = 1080, ["height"] = 1920 },
            ["audio"] = new JsonObject
            {
                ["type"] = "tts",
                ["volume"] = 100,
                ["language"] = "cn",
                ["tts"] = new JsonObject { ["text"] = new JsonArray(text), ["speed"] = speed, ["audio_man"] = voice, ["pitch"] = 1 },
            },
            ["bg_color"] = "#EDEDED",
            ["screen_width"] = 1080,
            ["screen_height"] = 1920,
        };
        if (figure is not null)
        {
            body["person"]!["figure_type"] = figure;
        }

        return body;
    }

    public static JsonObject Subtitles() => (JsonObject)JsonNode.Parse("""{"show":true,"x":31,"y":1521,"width":1000,"height":200,"font_size":64,"color":"#FFFFFF","stroke_width":7,"asr_type":0}""")!;

    /// <summary>create_upload_url, PUT, then the clock moved past the file's processing; returns file_id and full_path.</summary>
    public static async Task<(string FileId, string FullPath)> UploadAsync(HttpClient http, FakeTimeProvider? time, string token, string service, string name, byte[] content)
    {
        var created = await EmulatorHttp.GetAsync(http, $"open/v1/common/create_upload_url?service={service}&name={Uri.EscapeDataString(name)}", token);
        Assert.True((int)created["code"]! == 0, created.ToJsonString());
        var data = created["data"]!;
        using var put = new ByteArrayContent(content);
        put.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue((string)data["mime_type"]!);
        using (var response = await http.PutAsync((string)data["sign_url"]!, put))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        if (time is not null)
        {
            time.Advance(TimeSpan.FromSeconds(1));
        }
        else
        {
            using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while ((int)(await EmulatorHttp.GetAsync(http, $"open/v1/common/file_detail?id={(string)data["file_id"]!}", token))["data"]!["status"]! != 1)
            {
                await Task.Delay(20, guard.Token);
            }
        }

        return ((string)data["file_id"]!, (string)data["full_path"]!);
    }

    /// <summary>A real MP4 (an AI-creation output of the emulator, 5 s, 64x114) to use as a customised avatar's source video.</summary>
    public static async Task<byte[]> SourceVideoAsync(HttpClient http, FakeTimeProvider time, string token)
    {
        var task = await EmulatorHttp.RunToSuccessAsync(http, time, token, EmulatorHttp.R2v("a presenter", "9:16", 5));
        return await http.GetByteArrayAsync((string)task["output_url"]![0]!);
    }

    /// <summary>The same MP4 with its movie duration (mvhd, version 0) set to <paramref name="seconds"/>.</summary>
    public static byte[] WithDuration(byte[] mp4, int seconds)
    {
        var copy = (byte[])mp4.Clone();
        var at = copy.AsSpan().IndexOf("mvhd"u8) + 4;
        var timescale = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(copy.AsSpan(at + 12));
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(at + 16), (uint)(seconds * timescale));
        return copy;
    }

    /// <summary>A 16-bit mono PCM WAV of <paramref name="seconds"/> at <paramref name="rate"/> Hz (a 440 Hz tone).</summary>
    public static byte[] Wav(double seconds, int rate = 16000) => Chanjing.Sdk.TestShared.TestAudio.Wav(seconds, rate);

    public static async Task<JsonObject> DataAsync(HttpClient http, string path, string token) => (JsonObject)(await EmulatorHttp.GetAsync(http, path, token))["data"]!;

    /// <summary>Every stream ffprobe finds in <paramref name="content"/>, and whether ffmpeg decodes it without an error.</summary>
    public static async Task<(IReadOnlyList<Stream> Streams, string DecodeErrors)> ProbeAsync(byte[] content, string extension)
    {
        var path = Path.Combine(Path.GetTempPath(), "chanjing-avatar-" + Guid.NewGuid().ToString("N") + extension);
        await File.WriteAllBytesAsync(path, content);
        try
        {
            var (exit, output, error) = await RunAsync("ffprobe", "-v", "error", "-show_entries", "stream=codec_type,codec_name,width,height,duration,sample_rate", "-of", "json", path);
            Assert.True(exit == 0, $"ffprobe failed ({exit}): {error}");
            var streams = JsonNode.Parse(output)!["streams"]!.AsArray().Select(s => new Stream(
                (string)s!["codec_type"]!,
                (string)s["codec_name"]!,
                (int?)s["width"] ?? 0,
                (int?)s["height"] ?? 0,
                s["duration"] is { } d ? double.Parse((string)d!, CultureInfo.InvariantCulture) : 0,
                s["sample_rate"] is { } r ? int.Parse((string)r!, CultureInfo.InvariantCulture) : 0)).ToList();
            var (decodeExit, _, decodeError) = await RunAsync("ffmpeg", "-v", "error", "-i", path, "-f", "null", "-");
            return (streams, decodeExit == 0 ? decodeError.Trim() : $"exit {decodeExit}: {decodeError}");
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Runs ffmpeg, ffprobe or another tool (bounded); the one runner the media tests share.</summary>
    public static Task<(int Exit, string Out, string Err)> RunAsync(string tool, params string[] arguments) => EmulatorMediaProbe.RunToolAsync(tool, arguments);

    /// <summary>A loopback HTTP endpoint that answers 200 to every POST and keeps the bodies.</summary>
    public sealed class Receiver : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly TaskCompletionSource<string> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Receiver()
        {
            _listener.Start();
            Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/chanjing/callback");
            _ = AcceptAsync();
        }

        public Uri Url { get; }

        /// <summary>The first body received (bounded wait).</summary>
        public Task<string> FirstBody => _first.Task.WaitAsync(TimeSpan.FromSeconds(30));

        public void Dispose() => _listener.Stop();

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    using var client = await _listener.AcceptTcpClientAsync();
                    var stream = client.GetStream();
                    var buffer = new List<byte>();
                    var chunk = new byte[8192];
                    int headerEnd;
                    while ((headerEnd = IndexOf(buffer, "\r\n\r\n"u8.ToArray())) < 0)
                    {
                        var read = await stream.ReadAsync(chunk);
                        if (read == 0)
                        {
                            return;
                        }

                        buffer.AddRange(chunk.AsSpan(0, read).ToArray());
                    }

                    var headers = Encoding.ASCII.GetString(buffer.GetRange(0, headerEnd).ToArray());
                    var length = headers.Split("\r\n").Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                        .Select(p => int.Parse(p[1].Trim(), CultureInfo.InvariantCulture)).FirstOrDefault();
                    while (buffer.Count < headerEnd + 4 + length)
                    {
                        var read = await stream.ReadAsync(chunk);
                        if (read == 0)
                        {
                            break;
                        }

                        buffer.AddRange(chunk.AsSpan(0, read).ToArray());
                    }

                    _first.TrySetResult(Encoding.UTF8.GetString(buffer.GetRange(headerEnd + 4, Math.Min(length, buffer.Count - headerEnd - 4)).ToArray()));
                    await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray());
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or IOException)
            {
            }
        }

        private static int IndexOf(List<byte> buffer, byte[] pattern)
        {
            for (var i = 0; i + pattern.Length <= buffer.Count; i++)
            {
                if (buffer.Skip(i).Take(pattern.Length).SequenceEqual(pattern))
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
