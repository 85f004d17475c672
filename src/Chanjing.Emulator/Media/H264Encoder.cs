namespace Chanjing.Emulator.Media;

/// <summary>
/// A minimal H.264 (Constrained Baseline, CAVLC) encoder: IDR pictures made only of I_PCM macroblocks (raw samples, no
/// transform), and P pictures whose macroblocks are all skipped (a copy of the previous picture). Pictures of any even
/// size are coded in whole macroblocks and cropped by the SPS. Output NAL units carry no start codes (MP4 style).
/// </summary>
internal sealed class H264Encoder
{
    private const int Log2MaxFrameNum = 4;
    private const uint IPcmMacroblockType = 25;
    private const uint SliceTypeP = 5;
    private const uint SliceTypeI = 7;

    private readonly int _width;
    private readonly int _height;
    private readonly int _widthInMbs;
    private readonly int _heightInMbs;

    public H264Encoder(int width, int height)
    {
        if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), "Picture sizes must be positive and even.");
        }

        (_width, _height) = (width, height);
        _widthInMbs = (width + 15) / 16;
        _heightInMbs = (height + 15) / 16;
        Sps = Nal(3, 7, WriteSps());
        Pps = Nal(3, 8, WritePps());
    }

    public const byte ProfileIdc = 66;

    public const byte ConstraintFlags = 0xC0;

    public byte[] Sps { get; }

    public byte[] Pps { get; }

    public byte LevelIdc => (_widthInMbs * _heightInMbs) switch
    {
        <= 396 => 21,
        <= 1620 => 30,
        <= 3600 => 31,
        <= 8192 => 40,
        _ => 51,
    };

    /// <summary>An IDR picture of I_PCM macroblocks. Consecutive IDR pictures need different <paramref name="idrPicId"/>s.</summary>
    public byte[] EncodeIdr(Picture picture, int idrPicId)
    {
        var bits = new BitWriter();
        bits.WriteUe(0);                 // first_mb_in_slice
        bits.WriteUe(SliceTypeI);
        bits.WriteUe(0);                 // pic_parameter_set_id
        bits.WriteBits(0, Log2MaxFrameNum); // frame_num
        bits.WriteUe((uint)idrPicId);
        bits.WriteBit(0);                // no_output_of_prior_pics_flag
        bits.WriteBit(0);                // long_term_reference_flag
        bits.WriteSe(0);                 // slice_qp_delta
        bits.WriteUe(1);                 // disable_deblocking_filter_idc: off (I_PCM needs none)
        var samples = new byte[384];
        for (var mbY = 0; mbY < _heightInMbs; mbY++)
        {
            for (var mbX = 0; mbX < _widthInMbs; mbX++)
            {
                bits.WriteUe(IPcmMacroblockType);
                bits.AlignWithZeros();   // pcm_alignment_zero_bit
                FillMacroblock(picture, mbX, mbY, samples);
                bits.WriteAlignedBytes(samples);
            }
        }

        bits.WriteTrailingBits();
        return Nal(3, 5, bits.ToArray());
    }

    /// <summary>A P picture whose macroblocks are all P_Skip: it repeats the reference picture.</summary>
    public byte[] EncodeRepeat(int frameNum)
    {
        var bits = new BitWriter();
        bits.WriteUe(0);
        bits.WriteUe(SliceTypeP);
        bits.WriteUe(0);
        bits.WriteBits((uint)(frameNum % (1 << Log2MaxFrameNum)), Log2MaxFrameNum);
        bits.WriteBit(0);                // num_ref_idx_active_override_flag
        bits.WriteBit(0);                // ref_pic_list_modification_flag_l0
        bits.WriteBit(0);                // adaptive_ref_pic_marking_mode_flag (sliding window)
        bits.WriteSe(0);
        bits.WriteUe(1);
        bits.WriteUe((uint)(_widthInMbs * _heightInMbs)); // mb_skip_run over the whole picture
        bits.WriteTrailingBits();
        return Nal(2, 1, bits.ToArray());
    }

    private byte[] WriteSps()
    {
        var bits = new BitWriter();
        bits.WriteBits(ProfileIdc, 8);
        bits.WriteBits(ConstraintFlags, 8);
        bits.WriteBits(LevelIdc, 8);
        bits.WriteUe(0);                 // seq_parameter_set_id
        bits.WriteUe(Log2MaxFrameNum - 4);
        bits.WriteUe(2);                 // pic_order_cnt_type 2: output order = decoding order
        bits.WriteUe(1);                 // max_num_ref_frames
        bits.WriteBit(0);                // gaps_in_frame_num_value_allowed_flag
        bits.WriteUe((uint)(_widthInMbs - 1));
        bits.WriteUe((uint)(_heightInMbs - 1));
        bits.WriteBit(1);                // frame_mbs_only_flag
        bits.WriteBit(1);                // direct_8x8_inference_flag
        var cropRight = ((_widthInMbs * 16) - _width) / 2;
        var cropBottom = ((_heightInMbs * 16) - _height) / 2;
        var crop = cropRight > 0 || cropBottom > 0;
        bits.WriteBit(crop ? 1 : 0);
        if (crop)
        {
            bits.WriteUe(0);
            bits.WriteUe((uint)cropRight);
            bits.WriteUe(0);
            bits.WriteUe((uint)cropBottom);
        }

        bits.WriteBit(0);                // vui_parameters_present_flag
        bits.WriteTrailingBits();
        return bits.ToArray();
    }

    private static byte[] WritePps()
    {
        var bits = new BitWriter();
        bits.WriteUe(0);                 // pic_parameter_set_id
        bits.WriteUe(0);                 // seq_parameter_set_id
        bits.WriteBit(0);                // entropy_coding_mode_flag: CAVLC
        bits.WriteBit(0);                // bottom_field_pic_order_in_frame_present_flag
        bits.WriteUe(0);                 // num_slice_groups_minus1
        bits.WriteUe(0);                 // num_ref_idx_l0_default_active_minus1
        bits.WriteUe(0);                 // num_ref_idx_l1_default_active_minus1
        bits.WriteBit(0);                // weighted_pred_flag
        bits.WriteBits(0, 2);            // weighted_bipred_idc
        bits.WriteSe(0);                 // pic_init_qp_minus26
        bits.WriteSe(0);                 // pic_init_qs_minus26
        bits.WriteSe(0);                 // chroma_qp_index_offset
        bits.WriteBit(1);                // deblocking_filter_control_present_flag
        bits.WriteBit(0);                // constrained_intra_pred_flag
        bits.WriteBit(0);                // redundant_pic_cnt_present_flag
        bits.WriteTrailingBits();
        return bits.ToArray();
    }

    /// <summary>256 luma samples, then 64 Cb and 64 Cr (4:2:0), each in raster order; edges replicate past the crop.</summary>
    private static void FillMacroblock(Picture picture, int mbX, int mbY, byte[] samples)
    {
        for (var y = 0; y < 16; y++)
        {
            for (var x = 0; x < 16; x++)
            {
                samples[(y * 16) + x] = picture.Yuv((mbX * 16) + x, (mbY * 16) + y).Y;
            }
        }

        for (var y = 0; y < 8; y++)
        {
            for (var x = 0; x < 8; x++)
            {
                var (_, cb, cr) = picture.Yuv((mbX * 16) + (x * 2), (mbY * 16) + (y * 2));
                samples[256 + (y * 8) + x] = cb;
                samples[320 + (y * 8) + x] = cr;
            }
        }
    }

    /// <summary>A NAL unit: header byte, then the RBSP with emulation prevention bytes (00 00 0x → 00 00 03 0x).</summary>
    private static byte[] Nal(int refIdc, int type, byte[] rbsp)
    {
        using var nal = new MemoryStream(rbsp.Length + 16);
        nal.WriteByte((byte)((refIdc << 5) | type));
        var zeros = 0;
        foreach (var b in rbsp)
        {
            if (zeros >= 2 && b <= 3)
            {
                nal.WriteByte(3);
                zeros = 0;
            }

            nal.WriteByte(b);
            zeros = b == 0 ? zeros + 1 : 0;
        }

        return nal.ToArray();
    }
}
