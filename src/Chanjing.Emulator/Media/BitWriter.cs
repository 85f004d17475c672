namespace Chanjing.Emulator.Media;

/// <summary>Writes an H.264 RBSP bit by bit, most significant bit first, with the exp-Golomb codes of the standard.</summary>
internal sealed class BitWriter
{
    private readonly MemoryStream _bytes = new();
    private int _current;
    private int _bitCount;

    public bool IsByteAligned => _bitCount == 0;

    public void WriteBit(int bit)
    {
        _current = (_current << 1) | (bit & 1);
        if (++_bitCount == 8)
        {
            _bytes.WriteByte((byte)_current);
            _current = 0;
            _bitCount = 0;
        }
    }

    public void WriteBits(uint value, int count)
    {
        for (var i = count - 1; i >= 0; i--)
        {
            WriteBit((int)((value >> i) & 1));
        }
    }

    /// <summary>ue(v): <c>value + 1</c> in binary, preceded by as many zeros as it has bits after the first.</summary>
    public void WriteUe(uint value)
    {
        var code = value + 1;
        var length = 31 - uint.LeadingZeroCount(code);
        WriteBits(0, (int)length);
        WriteBits(code, (int)length + 1);
    }

    /// <summary>se(v): positive values map to odd code numbers, the others to even ones.</summary>
    public void WriteSe(int value) => WriteUe(value > 0 ? (uint)((2 * value) - 1) : (uint)(-2 * value));

    /// <summary>Writes whole bytes; the writer must be byte aligned (as it is after <c>pcm_alignment_zero_bit</c>s).</summary>
    public void WriteAlignedBytes(ReadOnlySpan<byte> bytes)
    {
        if (!IsByteAligned)
        {
            throw new InvalidOperationException("Not byte aligned.");
        }

        _bytes.Write(bytes);
    }

    public void AlignWithZeros()
    {
        while (!IsByteAligned)
        {
            WriteBit(0);
        }
    }

    /// <summary>rbsp_trailing_bits: a stop bit, then zeros up to the byte boundary.</summary>
    public void WriteTrailingBits()
    {
        WriteBit(1);
        AlignWithZeros();
    }

    public byte[] ToArray() => IsByteAligned ? _bytes.ToArray() : throw new InvalidOperationException("Not byte aligned.");
}
