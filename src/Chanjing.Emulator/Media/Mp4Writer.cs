using System.Buffers.Binary;
using System.Text;

namespace Chanjing.Emulator.Media;

/// <summary>
/// Writes one H.264 video track, and optionally one 16-bit PCM sound track, as a progressive MP4 (ISO base media):
/// <c>ftyp</c>, <c>moov</c> (with the sample tables and an <c>avcC</c> holding the SPS and PPS) before a single
/// <c>mdat</c> (the video samples, then the sound in one chunk), optionally followed by a
/// <c>free</c> box that pads the file to a minimum size (players skip it).
/// </summary>
internal static class Mp4Writer
{
    private const int MovieTimescale = 1000;

    /// <summary>Writes the file.</summary>
    /// <param name="encoder">The encoder that made the samples (its SPS and PPS go in <c>avcC</c>).</param>
    /// <param name="width">The picture width.</param>
    /// <param name="height">The picture height.</param>
    /// <param name="framesPerSecond">The frame rate.</param>
    /// <param name="samples">The length-prefixed access units, one a frame.</param>
    /// <param name="keyFrames">The 0-based indexes of the IDR frames.</param>
    /// <param name="minimumSize">Pad the file with a <c>free</c> box to at least this size.</param>
    /// <param name="paddingSeed">The seed of the padding bytes.</param>
    /// <param name="videoDurationMilliseconds">
    /// The video track's duration when it is not a whole number of frames: the last frame is shortened to end there
    /// (null: every frame lasts 1/<paramref name="framesPerSecond"/> s).
    /// </param>
    /// <param name="audio">An audio track to add (16-bit PCM), or null.</param>
    public static byte[] Write(H264Encoder encoder, int width, int height, int framesPerSecond, IReadOnlyList<byte[]> samples, IReadOnlySet<int> keyFrames, int minimumSize, ulong paddingSeed,
        long? videoDurationMilliseconds = null, PcmAudio? audio = null)
    {
        // The video timescale is 1000 ticks a frame, so a last frame shorter than the others is still a whole number of ticks.
        var videoTimescale = (uint)framesPerSecond * 1000;
        var fullTicks = (long)samples.Count * 1000;
        var videoTicks = videoDurationMilliseconds is { } ms ? Math.Clamp(ms * framesPerSecond, fullTicks - 999, fullTicks) : fullTicks;
        var lastDelta = (uint)(videoTicks - ((long)(samples.Count - 1) * 1000));
        var videoMs = videoTicks / framesPerSecond;
        var audioMs = audio is null ? 0 : (long)Math.Round(audio.Frames * 1000.0 / audio.SampleRate);
        var movieDuration = Math.Max(videoMs, audioMs);
        var ftyp = Box("ftyp", b => b.Ascii("isom").U32(512).Ascii("isom").Ascii("iso2").Ascii("avc1").Ascii("mp41"));
        var videoBytes = samples.Sum(s => (long)s.Length);

        // The chunk offsets depend on the moov size, which does not depend on the offsets' values.
        byte[] Moov(uint chunkOffset) => Box("moov", b =>
        {
            b.Raw(Box("mvhd", m => m.U32(0).U32(0).U32(0).U32(MovieTimescale).U32((uint)movieDuration)
                .U32(0x00010000).U16(0x0100).Zeros(10).Matrix().Zeros(24).U32(audio is null ? 2u : 3u)));
            b.Raw(VideoTrak(encoder, width, height, samples, keyFrames, videoTimescale, videoTicks, lastDelta, videoMs, chunkOffset));
            if (audio is not null)
            {
                b.Raw(AudioTrak(audio, audioMs, (uint)(chunkOffset + videoBytes)));
            }
        });

        var moovSize = Moov(0).Length;
        var mdatSize = 8 + videoBytes + (audio?.Data.Length ?? 0);
        using var file = new MemoryStream();
        file.Write(ftyp);
        file.Write(Moov((uint)(ftyp.Length + moovSize + 8)));
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)mdatSize);
        Encoding.ASCII.GetBytes("mdat", header[4..]);
        file.Write(header);
        foreach (var sample in samples)
        {
            file.Write(sample);
        }

        if (audio is not null)
        {
            file.Write(audio.Data);
        }

        if (minimumSize > file.Length)
        {
            WriteFree(file, Math.Max(8, minimumSize - file.Length), paddingSeed);
        }

        return file.ToArray();
    }

    private static byte[] VideoTrak(H264Encoder encoder, int width, int height, IReadOnlyList<byte[]> samples, IReadOnlySet<int> keyFrames, uint timescale, long ticks, uint lastDelta, long durationMs, uint chunkOffset) =>
        Box("trak", t => t
                .Raw(Box("tkhd", h => h.U32(0x00000003).U32(0).U32(0).U32(1).U32(0).U32((uint)durationMs)
                    .Zeros(8).U16(0).U16(0).U16(0).U16(0).Matrix().U32((uint)width << 16).U32((uint)height << 16)))
                .Raw(Box("mdia", m => m
                    .Raw(Box("mdhd", d => d.U32(0).U32(0).U32(0).U32(timescale).U32((uint)ticks).U16(0x55C4).U16(0)))
                    .Raw(Box("hdlr", h => h.U32(0).U32(0).Ascii("vide").Zeros(12).Ascii("VideoHandler").Zeros(1)))
                    .Raw(Box("minf", i => i
                        .Raw(Box("vmhd", v => v.U32(1).Zeros(8)))
                        .Raw(Box("dinf", d => d.Raw(Box("dref", r => r.U32(0).U32(1).Raw(Box("url ", u => u.U32(1)))))))
                        .Raw(Box("stbl", s => s
                            .Raw(Box("stsd", d => d.U32(0).U32(1).Raw(SampleEntry(encoder, width, height))))
                            .Raw(Box("stts", d =>
                            {
                                if (lastDelta == 1000 || samples.Count == 1)
                                {
                                    d.U32(0).U32(1).U32((uint)samples.Count).U32(samples.Count == 1 ? lastDelta : 1000);
                                }
                                else
                                {
                                    d.U32(0).U32(2).U32((uint)samples.Count - 1).U32(1000).U32(1).U32(lastDelta);
                                }
                            }))
                            .Raw(Box("stss", d =>
                            {
                                d.U32(0).U32((uint)keyFrames.Count);
                                foreach (var key in keyFrames.Order())
                                {
                                    d.U32((uint)key + 1);
                                }
                            }))
                            .Raw(Box("stsc", d => d.U32(0).U32(1).U32(1).U32((uint)samples.Count).U32(1)))
                            .Raw(Box("stsz", d =>
                            {
                                d.U32(0).U32(0).U32((uint)samples.Count);
                                foreach (var sample in samples)
                                {
                                    d.U32((uint)sample.Length);
                                }
                            }))
                            .Raw(Box("stco", d => d.U32(0).U32(1).U32(chunkOffset))))))))));

    /// <summary>
    /// A sound track of 16-bit little-endian PCM in one chunk: a QuickTime <c>sowt</c> sample entry (version 0, whose
    /// layout is the ISO AudioSampleEntry's), one sample per PCM frame, the sample rate as the media timescale.
    /// </summary>
    private static byte[] AudioTrak(PcmAudio audio, long durationMs, uint chunkOffset) =>
        Box("trak", t => t
            .Raw(Box("tkhd", h => h.U32(0x00000003).U32(0).U32(0).U32(2).U32(0).U32((uint)durationMs)
                .Zeros(8).U16(0).U16(1).U16(0x0100).U16(0).Matrix().U32(0).U32(0)))
            .Raw(Box("mdia", m => m
                .Raw(Box("mdhd", d => d.U32(0).U32(0).U32(0).U32((uint)audio.SampleRate).U32((uint)audio.Frames).U16(0x55C4).U16(0)))
                .Raw(Box("hdlr", h => h.U32(0).U32(0).Ascii("soun").Zeros(12).Ascii("SoundHandler").Zeros(1)))
                .Raw(Box("minf", i => i
                    .Raw(Box("smhd", v => v.U32(0).U16(0).U16(0)))
                    .Raw(Box("dinf", d => d.Raw(Box("dref", r => r.U32(0).U32(1).Raw(Box("url ", u => u.U32(1)))))))
                    .Raw(Box("stbl", s => s
                        .Raw(Box("stsd", d => d.U32(0).U32(1).Raw(Box("sowt", e => e
                            .Zeros(6).U16(1)                          // reserved, data_reference_index
                            .Zeros(8)                                 // version 0, revision, vendor
                            .U16((ushort)audio.Channels).U16(16)      // channel count, sample size
                            .U16(0).U16(0)                            // compression id, packet size
                            .U32((uint)audio.SampleRate << 16)))))    // 16.16 fixed point
                        .Raw(Box("stts", d => d.U32(0).U32(1).U32((uint)audio.Frames).U32(1)))
                        .Raw(Box("stsc", d => d.U32(0).U32(1).U32(1).U32((uint)audio.Frames).U32(1)))
                        .Raw(Box("stsz", d => d.U32(0).U32((uint)audio.BytesPerFrame).U32((uint)audio.Frames)))
                        .Raw(Box("stco", d => d.U32(0).U32(1).U32(chunkOffset))))))))));

    /// <summary>An <c>avc1</c> visual sample entry with its <c>avcC</c> configuration record.</summary>
    private static byte[] SampleEntry(H264Encoder encoder, int width, int height) => Box("avc1", e => e
        .Zeros(6).U16(1)                       // reserved, data_reference_index
        .Zeros(16)                             // pre_defined, reserved
        .U16((ushort)width).U16((ushort)height)
        .U32(0x00480000).U32(0x00480000)       // 72 dpi
        .U32(0).U16(1)                         // reserved, frame_count
        .Zeros(32)                             // compressorname
        .U16(0x0018).U16(0xFFFF)               // depth, pre_defined = -1
        .Raw(Box("avcC", c => c
            .U8(1).U8(H264Encoder.ProfileIdc).U8(H264Encoder.ConstraintFlags).U8(encoder.LevelIdc)
            .U8(0xFF)                          // lengthSizeMinusOne = 3
            .U8(0xE1).U16((ushort)encoder.Sps.Length).Raw(encoder.Sps)
            .U8(1).U16((ushort)encoder.Pps.Length).Raw(encoder.Pps))));

    private static void WriteFree(MemoryStream file, long size, ulong seed)
    {
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)size);
        Encoding.ASCII.GetBytes("free", header[4..]);
        file.Write(header);
        // Deterministic, non-repeating filler, so a download resumed at the wrong offset cannot compare equal.
        var state = (uint)(seed ^ (seed >> 32)) | 1;
        var buffer = new byte[64 * 1024];
        for (var remaining = size - 8; remaining > 0; remaining -= buffer.Length)
        {
            for (var i = 0; i < buffer.Length; i++)
            {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                buffer[i] = (byte)state;
            }

            file.Write(buffer, 0, (int)Math.Min(buffer.Length, remaining));
        }
    }

    private static byte[] Box(string type, Action<BoxBuilder> content)
    {
        var builder = new BoxBuilder();
        builder.U32(0).Ascii(type);
        content(builder);
        var bytes = builder.ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)bytes.Length);
        return bytes;
    }

    /// <summary>Big-endian field writer for box contents.</summary>
    private sealed class BoxBuilder
    {
        private readonly MemoryStream _stream = new();

        public BoxBuilder U8(byte value)
        {
            _stream.WriteByte(value);
            return this;
        }

        public BoxBuilder U16(ushort value)
        {
            Span<byte> span = stackalloc byte[2];
            BinaryPrimitives.WriteUInt16BigEndian(span, value);
            _stream.Write(span);
            return this;
        }

        public BoxBuilder U32(uint value)
        {
            Span<byte> span = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(span, value);
            _stream.Write(span);
            return this;
        }

        public BoxBuilder Ascii(string text)
        {
            _stream.Write(Encoding.ASCII.GetBytes(text));
            return this;
        }

        public BoxBuilder Zeros(int count)
        {
            _stream.Write(new byte[count]);
            return this;
        }

        public BoxBuilder Raw(ReadOnlySpan<byte> bytes)
        {
            _stream.Write(bytes);
            return this;
        }

        /// <summary>The identity transformation matrix of <c>mvhd</c> and <c>tkhd</c>.</summary>
        public BoxBuilder Matrix() => U32(0x00010000).U32(0).U32(0).U32(0).U32(0x00010000).U32(0).U32(0).U32(0).U32(0x40000000);

        public byte[] ToArray() => _stream.ToArray();
    }
}
