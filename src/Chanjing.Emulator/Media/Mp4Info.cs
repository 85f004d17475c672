using System.Buffers.Binary;

namespace Chanjing.Emulator.Media;

/// <summary>
/// What the emulator reads of an uploaded MP4 / MOV without decoding it: the movie duration (<c>mvhd</c>) and the
/// picture size of the first visual track (<c>tkhd</c>).
/// </summary>
internal static class Mp4Info
{
    public static (TimeSpan Duration, int Width, int Height)? TryRead(byte[] file)
    {
        var moov = Find(file, 0, file.Length, "moov"u8);
        if (moov is not var (start, end))
        {
            return null;
        }

        TimeSpan? duration = null;
        if (Find(file, start, end, "mvhd"u8) is var (m, _))
        {
            var version = file[m];
            var timescale = BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(m + (version == 1 ? 20 : 12)));
            var length = version == 1 ? BinaryPrimitives.ReadUInt64BigEndian(file.AsSpan(m + 24)) : BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(m + 16));
            duration = timescale > 0 ? TimeSpan.FromSeconds((double)length / timescale) : null;
        }

        if (duration is null)
        {
            return null;
        }

        var (width, height) = (0, 0);
        for (var at = start; Find(file, at, end, "trak"u8) is var (t, tEnd); at = tEnd)
        {
            if (Find(file, t, tEnd, "tkhd"u8) is var (h, hEnd))
            {
                var sizeAt = hEnd - 8;
                var w = (int)(BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(sizeAt)) >> 16);
                var ht = (int)(BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(sizeAt + 4)) >> 16);
                if (w > 0 && ht > 0 && h < sizeAt)
                {
                    (width, height) = (w, ht);
                    break;
                }
            }
        }

        return (duration.Value, width, height);
    }

    /// <summary>The content range (after the header) of the first box of <paramref name="type"/> directly inside [from, to).</summary>
    private static (int Start, int End)? Find(byte[] file, int from, int to, ReadOnlySpan<byte> type)
    {
        for (var at = from; at + 8 <= to;)
        {
            long size = BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(at));
            var header = 8;
            if (size == 1 && at + 16 <= to)
            {
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(file.AsSpan(at + 8));
                header = 16;
            }
            else if (size == 0)
            {
                size = to - at;
            }

            if (size < header || at + size > to)
            {
                return null;
            }

            if (file.AsSpan(at + 4, 4).SequenceEqual(type))
            {
                return (at + header, (int)(at + size));
            }

            at += (int)size;
        }

        return null;
    }
}
