using System.Buffers.Binary;

namespace Chanjing.Sdk.Internal.Files;

/// <summary>
/// Reads a video's display size from an MP4 / MOV header without decoding anything: the top-level boxes are skipped to
/// <c>moov</c> (read whole, up to 16 MB), then the first track header (<c>tkhd</c>) with a size, turned by its matrix.
/// </summary>
internal static class Mp4Dimensions
{
    private const long MaxMovieBox = 16 * 1024 * 1024;

    // A real file has its tkhd one level down (moov > trak > tkhd); a hostile one can nest 'trak' boxes millions deep,
    // and one stack frame per level would overflow the stack, which no catch can stop.
    private const int MaxTrackDepth = 4;

    /// <summary>The size, or null when the stream is not an MP4 / MOV this reader understands.</summary>
    public static (int Width, int Height)? TryRead(Stream stream)
    {
        try
        {
            var header = new byte[16];
            while (ReadExactly(stream, header, 8))
            {
                long size = BinaryPrimitives.ReadUInt32BigEndian(header);
                var type = System.Text.Encoding.ASCII.GetString(header, 4, 4);
                var headerLength = 8;
                if (size == 1)
                {
                    if (!ReadExactly(stream, header, 8))
                    {
                        return null;
                    }

                    size = (long)BinaryPrimitives.ReadUInt64BigEndian(header);
                    headerLength = 16;
                }

                if (size != 0 && size < headerLength)
                {
                    return null;
                }

                if (type == "moov")
                {
                    var length = size == 0 ? stream.Length - stream.Position : size - headerLength;
                    if (length is <= 0 or > MaxMovieBox)
                    {
                        return null;
                    }

                    var movie = new byte[length];
                    return ReadExactly(stream, movie, movie.Length) ? FindTrack(movie, 0, movie.Length, 0) : null;
                }

                if (size == 0 || !stream.CanSeek)
                {
                    return null;
                }

                stream.Seek(size - headerLength, SeekOrigin.Current);
            }

            return null;
        }
        catch (Exception ex) when (ex is IOException or NotSupportedException or OverflowException)
        {
            return null;
        }
    }

    private static (int Width, int Height)? FindTrack(byte[] data, int start, int end, int depth)
    {
        if (depth > MaxTrackDepth)
        {
            return null;
        }

        var at = start;
        while (at + 8 <= end)
        {
            var size = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(at)), int.MaxValue);
            var type = System.Text.Encoding.ASCII.GetString(data, at + 4, 4);
            if (size < 8 || at + size > end)
            {
                return null;
            }

            if (type == "trak" && FindTrack(data, at + 8, at + size, depth + 1) is { } found)
            {
                return found;
            }

            if (type == "tkhd" && TrackSize(data.AsSpan(at + 8, size - 8)) is { } dimensions)
            {
                return dimensions;
            }

            at += size;
        }

        return null;
    }

    private static (int Width, int Height)? TrackSize(ReadOnlySpan<byte> box)
    {
        // version (1) + flags (3); times and ids: 20 bytes (version 0) or 32 (version 1); then 8 reserved, layer,
        // alternate group, volume, 2 reserved (8), the 3x3 matrix (36), width and height (16.16 fixed point).
        var matrixAt = 4 + (box.Length > 0 && box[0] == 1 ? 32 : 20) + 16;
        if (box.Length < matrixAt + 44)
        {
            return null;
        }

        var width = (int)(BinaryPrimitives.ReadUInt32BigEndian(box.Slice(matrixAt + 36)) >> 16);
        var height = (int)(BinaryPrimitives.ReadUInt32BigEndian(box.Slice(matrixAt + 40)) >> 16);
        if (width <= 0 || height <= 0)
        {
            return null;
        }

        // A quarter turn (a = d = 0) shows the picture on its side: width and height swap.
        var a = BinaryPrimitives.ReadInt32BigEndian(box.Slice(matrixAt));
        var d = BinaryPrimitives.ReadInt32BigEndian(box.Slice(matrixAt + 16));
        return a == 0 && d == 0 ? (height, width) : (width, height);
    }

    private static bool ReadExactly(Stream stream, byte[] buffer, int count)
    {
        var read = 0;
        while (read < count)
        {
            var n = stream.Read(buffer, read, count - read);
            if (n == 0)
            {
                return false;
            }

            read += n;
        }

        return true;
    }
}
