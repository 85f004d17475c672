using System.Net;
using System.Text.Json.Nodes;
using Chanjing.Emulator;
using Microsoft.Extensions.Time.Testing;

namespace Chanjing.Sdk.IntegrationTests.Emulator;

/// <summary>The emulator's outputs are real media: PNG images and H.264 MP4 videos that ffmpeg decodes without errors.</summary>
public sealed class EmulatorMediaTests
{
    public static TheoryData<string, int> VideoShapes() => new()
    {
        { "16:9", 5 },
        { "9:16", 10 },
        { "1:1", 5 },
    };

    [Theory]
    [MemberData(nameof(VideoShapes))]
    public async Task Video_DecodesAsH264_WithRequestedDurationAndAspectRatio(string aspectRatio, int duration)
    {
        var (emulator, http, time, token) = await EmulatorHttp.StartAsync();
        await using var _ = emulator;
        using var __ = http;
        var task = await EmulatorHttp.RunToSuccessAsync(http, time, token, EmulatorHttp.R2v("a horse gallops", aspectRatio, duration));
        var url = (string)task["output_url"]![0]!;

        using var response = await http.GetAsync(url);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var probe = await EmulatorMediaProbe.RunAsync(bytes, ".mp4");

        Assert.EndsWith(".mp4", url, StringComparison.Ordinal);
        Assert.Equal("video/mp4", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("h264", probe.Codec);
        Assert.Equal(string.Empty, probe.DecodeErrors);
        Assert.InRange(probe.Duration, duration - 0.5, duration + 0.5);
        Assert.InRange((double)probe.Width / probe.Height, EmulatorHttp.Ratio(aspectRatio) * 0.97, EmulatorHttp.Ratio(aspectRatio) * 1.03);
        Assert.Equal(64, Math.Min(probe.Width, probe.Height));
    }

    [Fact]
    public async Task Images_DecodeAsPng_OnePerRequestedImage_WithAspectRatio_AndDifferentPixelsPerPrompt()
    {
        var (emulator, http, time, token) = await EmulatorHttp.StartAsync();
        await using var _ = emulator;
        using var __ = http;
        var body = (JsonObject)JsonNode.Parse("""{"ref_prompt":"a miniature city","creation_type":3,"aspect_ratio":"3:4","clarity":2048,"number_of_images":3,"model_code":"doubao-seedream-3.0-t2i"}""")!;
        var other = (JsonObject)body.DeepClone();
        other["ref_prompt"] = "a lighthouse at night";
        var first = await EmulatorHttp.RunToSuccessAsync(http, time, token, body);
        var second = await EmulatorHttp.RunToSuccessAsync(http, time, token, other);

        var urls = first["output_url"]!.AsArray().Select(u => (string)u!).ToList();
        var images = new List<byte[]>();
        foreach (var url in urls)
        {
            using var response = await http.GetAsync(url);
            Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
            images.Add(await response.Content.ReadAsByteArrayAsync());
            var probe = await EmulatorMediaProbe.RunAsync(images[^1], ".png");
            Assert.Equal(("png", string.Empty), (probe.Codec, probe.DecodeErrors));
            Assert.InRange((double)probe.Width / probe.Height, 0.75 * 0.97, 0.75 * 1.03);
        }

        Assert.Equal(3, urls.Count);
        Assert.All(urls, u => Assert.EndsWith(".png", u, StringComparison.Ordinal));
        Assert.Equal(3, images.Select(Convert.ToHexString).Distinct().Count());
        Assert.NotEqual(images[0], emulator.GetOutputBytes((string)second["unique_id"]!));
        Assert.Equal(images[2], emulator.GetOutputBytes((string)first["unique_id"]!, 2));
    }

    [Fact]
    public async Task Video_TwoPrompts_DifferentPixels()
    {
        var (emulator, http, time, token) = await EmulatorHttp.StartAsync();
        await using var _ = emulator;
        using var __ = http;
        var a = await EmulatorHttp.RunToSuccessAsync(http, time, token, EmulatorHttp.R2v("a horse", "1:1", 5));
        var b = await EmulatorHttp.RunToSuccessAsync(http, time, token, EmulatorHttp.R2v("a dragon", "1:1", 5));

        var first = emulator.GetOutputBytes((string)a["unique_id"]!);
        var second = emulator.GetOutputBytes((string)b["unique_id"]!);

        Assert.Equal(first.Length, second.Length);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Video_RequestedResolution_And_PaddedToOutputFileSize_StillDecode()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var (emulator, http, _, token) = await EmulatorHttp.StartAsync(new ChanjingEmulatorOptions { TimeProvider = time, UseRequestedResolution = true, OutputFileSize = 3 * 1024 * 1024, VideoFramesPerSecond = 2 });
        await using var __ = emulator;
        using var ___ = http;
        var task = await EmulatorHttp.RunToSuccessAsync(http, time, token, EmulatorHttp.R2v("a horse", "9:16", 5, clarity: 720));

        var bytes = emulator.GetOutputBytes((string)task["unique_id"]!);
        var probe = await EmulatorMediaProbe.RunAsync(bytes, ".mp4");

        Assert.True(bytes.Length >= 3 * 1024 * 1024, $"{bytes.Length} bytes");
        Assert.Equal((720, 1280, string.Empty), (probe.Width, probe.Height, probe.DecodeErrors));
        Assert.InRange(probe.Duration, 4.5, 5.5);
    }

    [Fact]
    public async Task Head_OnOutputUrl_AnswersHeadersWithoutBody()
    {
        var (emulator, http, time, token) = await EmulatorHttp.StartAsync();
        await using var _ = emulator;
        using var __ = http;
        var task = await EmulatorHttp.RunToSuccessAsync(http, time, token, EmulatorHttp.R2v("a horse", "16:9", 5));

        using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, (string)task["output_url"]![0]!));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("video/mp4", head.Content.Headers.ContentType!.MediaType);
        Assert.Equal(emulator.GetOutputBytes((string)task["unique_id"]!).Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }
}
