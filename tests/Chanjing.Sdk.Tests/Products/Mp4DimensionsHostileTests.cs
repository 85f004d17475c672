using System.Buffers.Binary;
using Chanjing.Sdk.Internal.Files;

namespace Chanjing.Sdk.Tests.Products;

/// <summary>The lip-sync size probe reads the caller's file: a hostile header gives null, never a crash.</summary>
public sealed class Mp4DimensionsHostileTests
{
    [Fact]
    public void TryRead_TracksNestedHundredsOfThousandsDeep_ReturnsNull_WithoutOverflowingTheStack()
    {
        // 400,000 'trak' boxes, each holding the next (3.2 MB, under the 16 MB movie limit): one stack frame per level
        // would overflow the stack, which kills the process (no catch can stop it).
        const int depth = 400_000;
        var movie = new byte[8 + (depth * 8)];
        Box(movie, 0, movie.Length, "moov");
        for (var i = 0; i < depth; i++)
        {
            Box(movie, 8 + (i * 8), movie.Length - 8 - (i * 8), "trak");
        }

        // Run on a thread with a 1 MB stack, like a thread-pool thread of a server.
        (int, int)? result = (1, 1);
        var thread = new Thread(() => result = Mp4Dimensions.TryRead(new MemoryStream(movie)), 1024 * 1024);
        thread.Start();
        Assert.True(thread.Join(TimeSpan.FromSeconds(30)), "the probe did not end");

        Assert.Null(result);
    }

    [Fact]
    public void TryRead_TrackHeaderInsideTheDeepestAllowedTrack_StillFound()
    {
        // moov > trak > trak > tkhd (version 0, 1280x720): nesting a few levels deep is still read.
        var tkhd = new byte[8 + 84];
        Box(tkhd, 0, tkhd.Length, "tkhd");
        BinaryPrimitives.WriteInt32BigEndian(tkhd.AsSpan(8 + 40), 0x00010000);
        BinaryPrimitives.WriteInt32BigEndian(tkhd.AsSpan(8 + 56), 0x00010000);
        BinaryPrimitives.WriteUInt32BigEndian(tkhd.AsSpan(8 + 76), 1280u << 16);
        BinaryPrimitives.WriteUInt32BigEndian(tkhd.AsSpan(8 + 80), 720u << 16);
        var movie = new byte[8 + 8 + 8 + tkhd.Length];
        Box(movie, 0, movie.Length, "moov");
        Box(movie, 8, movie.Length - 8, "trak");
        Box(movie, 16, movie.Length - 16, "trak");
        tkhd.CopyTo(movie, 24);

        Assert.Equal((1280, 720), Mp4Dimensions.TryRead(new MemoryStream(movie)));
    }

    private static void Box(byte[] data, int at, int size, string type)
    {
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(at), (uint)size);
        System.Text.Encoding.ASCII.GetBytes(type).CopyTo(data, at + 4);
    }
}
