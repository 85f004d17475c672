namespace Chanjing.Emulator.Media;

/// <summary>16-bit little-endian PCM: interleaved samples, their rate and channel count.</summary>
internal sealed class PcmAudio(int sampleRate, int channels, byte[] data)
{
    /// <summary>The rate of the sound the emulator synthesises (speech, voice samples): 16 kHz, mono.</summary>
    public const int SpeechSampleRate = 16_000;

    public int SampleRate => sampleRate;

    public int Channels => channels;

    public byte[] Data => data;

    public int BytesPerFrame => 2 * channels;

    public long Frames => data.Length / BytesPerFrame;

    public TimeSpan Duration => TimeSpan.FromSeconds((double)Frames / sampleRate);

    /// <summary>
    /// Speech-like sound for <paramref name="text"/>, exactly <paramref name="duration"/> long (to the sample): one
    /// tone burst a syllable at <paramref name="syllablesPerSecond"/>, its pitch taken from the text, shaped by a Hann
    /// window so there are no clicks, scaled by <paramref name="volume"/> (0-100).
    /// </summary>
    public static PcmAudio Speech(string text, TimeSpan duration, double syllablesPerSecond, int volume)
    {
        var frames = (long)Math.Round(duration.TotalSeconds * SpeechSampleRate);
        var data = new byte[frames * 2];
        var seed = Picture.Seed(text);
        var slot = Math.Max(1, (int)(SpeechSampleRate / Math.Max(0.1, syllablesPerSecond)));
        var amplitude = 9000.0 * Math.Clamp(volume, 0, 100) / 100;
        for (long i = 0; i < frames; i++)
        {
            var syllable = i / slot;
            var within = (double)(i % slot) / slot;
            if (within > 0.8)
            {
                continue; // the gap between syllables
            }

            var bits = seed ^ unchecked((ulong)syllable * 0x9E3779B97F4A7C15UL);
            var frequency = 150 + (double)(bits % 170);
            var envelope = Math.Sin(Math.PI * within / 0.8);
            var t = (double)i / SpeechSampleRate;
            var value = amplitude * envelope * envelope * (Math.Sin(2 * Math.PI * frequency * t) + (0.35 * Math.Sin(4 * Math.PI * frequency * t)));
            var sample = (short)Math.Clamp(value, short.MinValue, short.MaxValue);
            data[i * 2] = (byte)sample;
            data[(i * 2) + 1] = (byte)(sample >> 8);
        }

        return new PcmAudio(SpeechSampleRate, 1, data);
    }

    /// <summary>The same sound, its amplitude scaled by <paramref name="volume"/> (0-100; 100 leaves it as it is).</summary>
    public PcmAudio WithVolume(int volume)
    {
        if (volume >= 100)
        {
            return this;
        }

        var scaled = new byte[data.Length];
        for (var i = 0; i + 1 < data.Length; i += 2)
        {
            var sample = (short)(data[i] | (data[i + 1] << 8));
            var value = (short)(sample * Math.Max(0, volume) / 100);
            scaled[i] = (byte)value;
            scaled[i + 1] = (byte)(value >> 8);
        }

        return new PcmAudio(sampleRate, channels, scaled);
    }
}
