using System.Buffers.Binary;
using System.Globalization;

namespace Chanjing.Emulator.Media;

/// <summary>Produces the files a finished task serves: PNG images and H.264 MP4 videos drawn from the prompt.</summary>
internal sealed class MediaWriter(ChanjingEmulatorOptions options)
{
    /// <summary>The pixel size of an output: the requested aspect ratio, scaled down unless the options ask for the requested clarity.</summary>
    /// <param name="aspectRatio">The request's <c>W:H</c>, or null/invalid for the fallback.</param>
    /// <param name="fallbackAspectRatio">The model's default aspect ratio.</param>
    /// <param name="clarity">The requested clarity (video: the short side, 720 = 1280x720; image: the long side).</param>
    /// <param name="isVideo">Whether the output is a video.</param>
    public (int Width, int Height) Size(string? aspectRatio, string fallbackAspectRatio, int clarity, bool isVideo)
    {
        var (w, h) = TryParseRatio(aspectRatio) ?? TryParseRatio(fallbackAspectRatio) ?? (16, 9);
        var ratio = (double)w / h;
        if (!options.UseRequestedResolution || clarity <= 0)
        {
            var shortSide = Even(Math.Max(2, options.ScaledOutputShortSide));
            return ratio >= 1 ? (Even(shortSide * ratio), shortSide) : (shortSide, Even(shortSide / ratio));
        }

        if (isVideo)
        {
            var shortSide = Even(clarity);
            return ratio >= 1 ? (Even(shortSide * ratio), shortSide) : (shortSide, Even(shortSide / ratio));
        }

        var longSide = Even(clarity);
        return ratio >= 1 ? (longSide, Even(longSide / ratio)) : (Even(longSide * ratio), longSide);
    }

    public static byte[] Png(string prompt, int index, int width, int height) =>
        PngEncoder.Encode(new Picture(width, height, Picture.Seed(prompt + "#" + index.ToString(CultureInfo.InvariantCulture))));

    /// <summary>
    /// A video of <paramref name="durationSeconds"/> at <see cref="ChanjingEmulatorOptions.VideoFramesPerSecond"/>: one
    /// IDR picture a second (the disc moves), repeated by skipped P pictures in between.
    /// </summary>
    public byte[] Mp4(string prompt, int width, int height, int durationSeconds) =>
        Mp4(prompt, width, height, TimeSpan.FromSeconds(Math.Max(1, durationSeconds)), null, exactDuration: false);

    /// <summary>
    /// A video exactly <paramref name="duration"/> long (the last frame is shortened), with <paramref name="audio"/> as
    /// its sound track when given; otherwise as <see cref="Mp4(string, int, int, int)"/>.
    /// </summary>
    public byte[] Mp4(string seedText, int width, int height, TimeSpan duration, PcmAudio? audio) =>
        Mp4(seedText, width, height, duration, audio, exactDuration: true);

    /// <summary>
    /// The pixel size of an output asked for as <paramref name="width"/> x <paramref name="height"/>: that size (made
    /// even) with <see cref="ChanjingEmulatorOptions.UseRequestedResolution"/>, otherwise the same aspect ratio with
    /// a <see cref="ChanjingEmulatorOptions.ScaledOutputShortSide"/> short side.
    /// </summary>
    public (int Width, int Height) Scaled(int width, int height)
    {
        width = Math.Max(2, width);
        height = Math.Max(2, height);
        if (options.UseRequestedResolution)
        {
            return (Even(width), Even(height));
        }

        var ratio = (double)width / height;
        var shortSide = Even(Math.Max(2, options.ScaledOutputShortSide));
        return ratio >= 1 ? (Even(shortSide * ratio), shortSide) : (shortSide, Even(shortSide / ratio));
    }

    public static byte[] Png(string seedText, int width, int height) => PngEncoder.Encode(new Picture(width, height, Picture.Seed(seedText)));

    private byte[] Mp4(string prompt, int width, int height, TimeSpan duration, PcmAudio? audio, bool exactDuration)
    {
        var fps = Math.Clamp(options.VideoFramesPerSecond, 1, 60);
        var milliseconds = Math.Max(1, (long)Math.Round(duration.TotalMilliseconds));
        var frames = (int)Math.Max(1, ((milliseconds * fps) + 999) / 1000);
        var seed = Picture.Seed(prompt);
        var encoder = new H264Encoder(width, height);
        var samples = new List<byte[]>(frames);
        var keyFrames = new HashSet<int>();
        for (var i = 0; i < frames; i++)
        {
            var second = i / fps;
            if (i % fps == 0)
            {
                keyFrames.Add(i);
                samples.Add(LengthPrefixed(encoder.EncodeIdr(new Picture(width, height, seed, second), second % 2)));
            }
            else
            {
                samples.Add(LengthPrefixed(encoder.EncodeRepeat(i % fps)));
            }
        }

        return Mp4Writer.Write(encoder, width, height, fps, samples, keyFrames, options.OutputFileSize, seed, exactDuration ? milliseconds : null, audio);
    }

    private static byte[] LengthPrefixed(byte[] nal)
    {
        var sample = new byte[nal.Length + 4];
        BinaryPrimitives.WriteInt32BigEndian(sample, nal.Length);
        nal.CopyTo(sample, 4);
        return sample;
    }

    private static int Even(double value) => Math.Max(2, (int)Math.Round(value / 2) * 2);

    private static (int W, int H)? TryParseRatio(string? text)
    {
        var parts = text?.Split(':');
        return parts is [var w, var h]
            && int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out var width)
            && int.TryParse(h, NumberStyles.None, CultureInfo.InvariantCulture, out var height)
            && width > 0 && height > 0 && width <= 100 && height <= 100
            ? (width, height)
            : null;
    }
}
