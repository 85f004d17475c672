#if NET8_0_OR_GREATER
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Chanjing.Sdk.Internal.Endpoints;

/// <summary>The values of a task, read as <see cref="JsonReading"/> reads them, and the names of its fields.</summary>
internal static partial class TaskFastReader
{
    /// <summary>The widest doubles whose conversion to <see cref="long"/> is exact on every platform (|d| &lt; 2^63).</summary>
    private const double MaxWholeDouble = 9.2e18;

    /// <summary>As <see cref="JsonReading.GetString"/>: a string, a number's own text, or null; false for anything else.</summary>
    private static bool TryString(ref Utf8JsonReader reader, out string? value)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                value = !reader.ValueIsEscaped && KnownTexts.Find(reader.ValueSpan) is >= 0 and var known ? KnownTexts[known] : reader.GetString();
                return true;
            case JsonTokenType.Number:
                value = Encoding.UTF8.GetString(reader.ValueSpan);
                return true;
            case JsonTokenType.Null:
                value = null;
                return true;
            default:
                value = null;
                return false;
        }
    }

    /// <summary>
    /// As <see cref="JsonReading.GetInt64"/>: an integer, a fraction truncated, an integer in a string, null for null or an
    /// empty string; false for anything else, and for numbers too large to truncate the same way everywhere.
    /// </summary>
    private static bool TryInt64(ref Utf8JsonReader reader, out long? value)
    {
        value = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.Number when reader.TryGetInt64(out var whole):
                value = whole;
                return true;
            case JsonTokenType.Number:
                if (!reader.TryGetDouble(out var number) || !(number is >= -MaxWholeDouble and <= MaxWholeDouble))
                {
                    return false;
                }

                value = (long)number;
                return true;
            case JsonTokenType.String:
                var text = reader.GetString()!;
                if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
                {
                    value = parsed;
                    return true;
                }

                return text.Length == 0;
            case JsonTokenType.Null:
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// As <see cref="JsonReading.GetUris"/>: null, one URL as a string, or an array whose empty and non-string items are
    /// skipped; false for another type or a URL longer than <see cref="LazyUriList.MaxLength"/>. The URLs stay UTF-8
    /// slices of <paramref name="body"/> (the usual reader's strings are made from the same bytes when the list is read).
    /// </summary>
    private static bool TryUris(ref Utf8JsonReader reader, ReadOnlyMemory<byte> body, out IReadOnlyList<Uri> value)
    {
        value = LazyUriList.Empty;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return true;
            case JsonTokenType.String:
                if (!TryUrl(ref reader, body, out var single))
                {
                    return false;
                }

                value = single.IsEmpty ? LazyUriList.Empty : new LazyUriList([single]);
                return true;
            case JsonTokenType.StartArray:
                // Gathered in this thread's scratch array, then copied to one of the final size (nothing else runs between).
                var scratch = _urlScratch ??= new ReadOnlyMemory<byte>[8];
                var count = 0;
                try
                {
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        if (reader.TokenType != JsonTokenType.String)
                        {
                            reader.Skip();
                            continue;
                        }

                        if (!TryUrl(ref reader, body, out var url))
                        {
                            return false;
                        }

                        if (url.IsEmpty)
                        {
                            continue;
                        }

                        if (count == scratch.Length)
                        {
                            Array.Resize(ref scratch, count * 2);
                            _urlScratch = scratch;
                        }

                        scratch[count++] = url;
                    }

                    value = count == 0 ? LazyUriList.Empty : new LazyUriList(scratch.AsSpan(0, count).ToArray());
                    return true;
                }
                finally
                {
                    // The scratch array keeps no body alive.
                    scratch.AsSpan(0, count).Clear();
                }

            default:
                return false;
        }
    }

    /// <summary>The string value's UTF-8: its slice of the body, or (escaped) its unescaped copy; false when too long.</summary>
    private static bool TryUrl(ref Utf8JsonReader reader, ReadOnlyMemory<byte> body, out ReadOnlyMemory<byte> url)
    {
        url = default;
        if (reader.ValueIsEscaped)
        {
            var text = reader.GetString()!;
            if (text.Length > LazyUriList.MaxLength)
            {
                return false;
            }

            url = Encoding.UTF8.GetBytes(text);
            return true;
        }

        // The body is valid UTF-8 (checked first), so the text is exactly these bytes; no more characters than bytes.
        var utf8 = reader.ValueSpan;
        if (utf8.Length > LazyUriList.MaxLength && Encoding.UTF8.GetCharCount(utf8) > LazyUriList.MaxLength)
        {
            return false;
        }

        // A string token starts at its opening quote.
        url = body.Slice((int)reader.TokenStartIndex + 1, utf8.Length);
        return true;
    }

    /// <summary>
    /// Texts the service sends over and over (statuses, aspect ratios, quality modes, model codes), kept as one string each
    /// instead of a new one per task. Equal strings, so the result is the same; only unescaped texts are matched.
    /// </summary>
    private static readonly FieldNames KnownTexts = new(
        "Queued", "Ready", "Generating", "Success", "Error", "Fail", "16:9", "9:16", "1:1", "4:3", "3:4", "21:9", "std", "pro",
        ChanjingModels.HappyHorseReferenceToVideo, ChanjingModels.HappyHorseImageToVideo, ChanjingModels.HappyHorseTextToVideo, ChanjingModels.HappyHorseVideoEdit,
        ChanjingModels.DoubaoSeedance10LiteImageToVideo, ChanjingModels.DoubaoSeedance10Pro, ChanjingModels.DoubaoSeedance20, ChanjingModels.Seedance20ProWeToken,
        ChanjingModels.KlingV25TurboNormal, ChanjingModels.TxKling25, ChanjingModels.TxKlingV21Master, ChanjingModels.MiniMaxHailuo02, ChanjingModels.MiniMaxH3TextToVideo,
        ChanjingModels.DoubaoSeedream30TextToImage, ChanjingModels.DoubaoSeedream40, ChanjingModels.DoubaoSeedream45, ChanjingModels.KlingV21Image);

    [ThreadStatic]
    private static ReadOnlyMemory<byte>[]? _urlScratch;

    /// <summary>Names (or texts) matched by length, then first byte, then all bytes: a comparison or two where a list takes a dozen.</summary>
    private sealed class FieldNames
    {
        private readonly string[] _texts;
        private readonly (byte[] Utf8, int Index)[][] _byLength;

        public FieldNames(params string[] texts)
        {
            _texts = texts;
            var utf8 = Array.ConvertAll(texts, Encoding.UTF8.GetBytes);
            _byLength = new (byte[], int)[utf8.Max(bytes => bytes.Length) + 1][];
            for (var length = 0; length < _byLength.Length; length++)
            {
                _byLength[length] = [.. utf8.Select((bytes, index) => (bytes, index)).Where(entry => entry.bytes.Length == length)];
            }
        }

        /// <summary>The text at <paramref name="index"/>.</summary>
        public string this[int index] => _texts[index];

        /// <summary>The index of <paramref name="utf8"/>, or -1.</summary>
        public int Find(ReadOnlySpan<byte> utf8)
        {
            if (utf8.Length < _byLength.Length)
            {
                foreach (var (candidate, index) in _byLength[utf8.Length])
                {
                    if (candidate[0] == utf8[0] && utf8.SequenceEqual(candidate))
                    {
                        return index;
                    }
                }
            }

            return -1;
        }
    }
}
#endif
