using System.Buffers.Binary;
using System.Text;

namespace Chanjing.Emulator.Media;

/// <summary>RIFF WAVE files: the duration (and 16-bit PCM samples) of an uploaded one, and writing one.</summary>
internal static class Wav
{
    /// <summary>
    /// The duration of a WAV file from its <c>fmt </c> byte rate and <c>data</c> size, and its samples when they are
    /// 16-bit PCM (format 1) with one or two channels at a rate an MP4 sound track can carry; null when it is not a WAV.
    /// </summary>
    public static (TimeSpan Duration, PcmAudio? Pcm)? TryRead(byte[] file)
    {
        if (file.Length < 12 || !file.AsSpan(0, 4).SequenceEqual("RIFF"u8) || !file.AsSpan(8, 4).SequenceEqual("WAVE"u8))
        {
            return null;
        }

        int? format = null, channels = null, rate = null, byteRate = null, bits = null;
        for (var at = 12; at + 8 <= file.Length;)
        {
            var id = file.AsSpan(at, 4);
            var size = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(at + 4)), (uint)(file.Length - at - 8));
            if (id.SequenceEqual("fmt "u8) && size >= 16)
            {
                var fmt = file.AsSpan(at + 8);
                format = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
                channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
                rate = (int)BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]);
                byteRate = (int)BinaryPrimitives.ReadUInt32LittleEndian(fmt[8..]);
                bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);
            }
            else if (id.SequenceEqual("data"u8) && byteRate is > 0)
            {
                var duration = TimeSpan.FromSeconds((double)size / byteRate.Value);
                var pcm = format == 1 && bits == 16 && channels is 1 or 2 && rate is > 0 and <= 65535
                    ? new PcmAudio(rate.Value, channels.Value, file.AsSpan(at + 8, size - (size % (2 * channels.Value))).ToArray())
                    : null;
                return (duration, pcm);
            }

            at += 8 + size + (size & 1);
        }

        return null;
    }

    /// <summary>A canonical 44-byte-header WAV of <paramref name="audio"/>.</summary>
    public static byte[] Write(PcmAudio audio)
    {
        var file = new byte[44 + audio.Data.Length];
        var span = file.AsSpan();
        Encoding.ASCII.GetBytes("RIFF", span);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], (uint)(36 + audio.Data.Length));
        Encoding.ASCII.GetBytes("WAVEfmt ", span[8..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(span[20..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(span[22..], (ushort)audio.Channels);
        BinaryPrimitives.WriteUInt32LittleEndian(span[24..], (uint)audio.SampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(span[28..], (uint)(audio.SampleRate * audio.BytesPerFrame));
        BinaryPrimitives.WriteUInt16LittleEndian(span[32..], (ushort)audio.BytesPerFrame);
        BinaryPrimitives.WriteUInt16LittleEndian(span[34..], 16);
        Encoding.ASCII.GetBytes("data", span[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[40..], (uint)audio.Data.Length);
        audio.Data.CopyTo(span[44..]);
        return file;
    }
}
