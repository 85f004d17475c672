namespace Chanjing.Sdk.TestShared;

/// <summary>Real audio for tests, written by hand (no codec): a 16-bit mono PCM WAV of a 440 Hz tone.</summary>
internal static class TestAudio
{
    /// <summary>A WAV of <paramref name="seconds"/> at <paramref name="rate"/> Hz.</summary>
    public static byte[] Wav(double seconds, int rate = 16000)
    {
        var frames = (int)Math.Round(seconds * rate);
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
        return stream.ToArray();
    }
}
