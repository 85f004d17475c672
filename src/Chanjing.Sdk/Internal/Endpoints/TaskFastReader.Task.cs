#if NET8_0_OR_GREATER
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Chanjing.Sdk.Internal.Endpoints;

/// <summary>The task object and its values, read as <see cref="TaskReader"/> and <see cref="JsonReading"/> read them.</summary>
internal static partial class TaskFastReader
{
    /// <summary>The last second <see cref="DateTimeOffset.FromUnixTimeSeconds"/> takes (9999-12-31T23:59:59Z).</summary>
    private const long MaxUnixSeconds = 253_402_300_799;

    /// <summary>The widest doubles whose conversion to <see cref="long"/> is exact on every platform (|d| &lt; 2^63).</summary>
    private const double MaxWholeDouble = 9.2e18;

    private static readonly byte[][] TaskFields =
    [
        "unique_id"u8.ToArray(), "progress_desc"u8.ToArray(), "err_msg"u8.ToArray(), "output_url"u8.ToArray(), "type"u8.ToArray(),
        "model_code"u8.ToArray(), "model_name"u8.ToArray(), "create_time"u8.ToArray(), "aspect_ratio"u8.ToArray(), "ref_img_url"u8.ToArray(),
        "id"u8.ToArray(), "number_ai_creation"u8.ToArray(), "motion_info"u8.ToArray(), "photo_info"u8.ToArray(),
    ];

    private static readonly byte[][] VideoFields =
    [
        "ref_prompt"u8.ToArray(), "clarity"u8.ToArray(), "aspect_ratio"u8.ToArray(), "video_duration"u8.ToArray(), "quality_mode"u8.ToArray(),
        "style"u8.ToArray(), "photo_path_url"u8.ToArray(),
    ];

    private static readonly byte[][] ImageFields =
    [
        "ref_prompt"u8.ToArray(), "clarity"u8.ToArray(), "aspect_ratio"u8.ToArray(), "quality_mode"u8.ToArray(), "number_of_images"u8.ToArray(),
        "ref_img_url"u8.ToArray(),
    ];

    /// <summary>Reads the task object the reader is at; its RawJson is the slice of <paramref name="body"/> from its <c>{</c> to its <c>}</c>.</summary>
    private static bool TryReadTask(ref Utf8JsonReader reader, ReadOnlyMemory<byte> body, [NotNullWhen(true)] out CreationTask? task)
    {
        task = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var start = (int)reader.TokenStartIndex;
        string? id = null, status = null, error = null, modelCode = null, modelName = null, aspectRatio = null;
        long? type = null, createTime = null, recordId = null, creations = null;
        IReadOnlyList<Uri> outputs = LazyUriList.Empty, references = LazyUriList.Empty;
        VideoTaskSettings? video = null;
        ImageTaskSettings? image = null;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!TryField(ref reader, TaskFields, ref seen, out var field))
            {
                return false;
            }

            var read = field switch
            {
                0 => TryString(ref reader, out id),
                1 => TryString(ref reader, out status),
                2 => TryString(ref reader, out error),
                3 => TryUris(ref reader, out outputs),
                4 => TryInt64(ref reader, out type),
                5 => TryString(ref reader, out modelCode),
                6 => TryString(ref reader, out modelName),
                7 => TryInt64(ref reader, out createTime),
                8 => TryString(ref reader, out aspectRatio),
                9 => TryUris(ref reader, out references),
                10 => TryInt64(ref reader, out recordId),
                11 => TryInt64(ref reader, out creations),
                // Settings that are not an object are ignored, as the usual reader ignores them.
                12 => reader.TokenType == JsonTokenType.StartObject ? TryReadVideo(ref reader, out video) : Skip(ref reader),
                13 => reader.TokenType == JsonTokenType.StartObject ? TryReadImage(ref reader, out image) : Skip(ref reader),
                _ => Skip(ref reader),
            };
            if (!read)
            {
                return false;
            }
        }

        if (string.IsNullOrEmpty(id) || createTime > MaxUnixSeconds)
        {
            return false;
        }

        task = new CreationTask(
            id,
            new CreationTaskStatus(status ?? string.Empty),
            error,
            outputs,
            new CreationType((int)(type ?? 0)),
            modelCode,
            modelName,
            createTime is { } seconds && seconds > 0 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null,
            aspectRatio,
            references,
            recordId,
            (int?)creations,
            video,
            image,
            body.Slice(start, (int)reader.BytesConsumed - start));
        return true;
    }

    private static bool TryReadVideo(ref Utf8JsonReader reader, out VideoTaskSettings? video)
    {
        video = null;
        string? prompt = null, aspectRatio = null, qualityMode = null, style = null;
        long? clarity = null, duration = null;
        IReadOnlyList<Uri> photos = LazyUriList.Empty;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!TryField(ref reader, VideoFields, ref seen, out var field)
                || !(field switch
                {
                    0 => TryString(ref reader, out prompt),
                    1 => TryInt64(ref reader, out clarity),
                    2 => TryString(ref reader, out aspectRatio),
                    3 => TryInt64(ref reader, out duration),
                    4 => TryString(ref reader, out qualityMode),
                    5 => TryString(ref reader, out style),
                    6 => TryUris(ref reader, out photos),
                    _ => Skip(ref reader),
                }))
            {
                return false;
            }
        }

        video = new VideoTaskSettings(prompt, (int)(clarity ?? 0), aspectRatio, (int)(duration ?? 0), qualityMode, style, photos);
        return true;
    }

    private static bool TryReadImage(ref Utf8JsonReader reader, out ImageTaskSettings? image)
    {
        image = null;
        string? prompt = null, aspectRatio = null, qualityMode = null;
        long? clarity = null, images = null;
        IReadOnlyList<Uri> references = LazyUriList.Empty;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!TryField(ref reader, ImageFields, ref seen, out var field)
                || !(field switch
                {
                    0 => TryString(ref reader, out prompt),
                    1 => TryInt64(ref reader, out clarity),
                    2 => TryString(ref reader, out aspectRatio),
                    3 => TryString(ref reader, out qualityMode),
                    4 => TryInt64(ref reader, out images),
                    5 => TryUris(ref reader, out references),
                    _ => Skip(ref reader),
                }))
            {
                return false;
            }
        }

        image = new ImageTaskSettings(prompt, (int)(clarity ?? 0), aspectRatio, qualityMode, (int)(images ?? 0), references);
        return true;
    }

    /// <summary>As <see cref="JsonReading.GetString"/>: a string, a number's own text, or null; false for anything else.</summary>
    private static bool TryString(ref Utf8JsonReader reader, out string? value)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                value = reader.GetString();
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
    /// skipped; false for another type or a URL longer than <see cref="LazyUriList.MaxLength"/>.
    /// </summary>
    private static bool TryUris(ref Utf8JsonReader reader, out IReadOnlyList<Uri> value)
    {
        value = LazyUriList.Empty;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return true;
            case JsonTokenType.String:
                var single = reader.GetString()!;
                if (single.Length > LazyUriList.MaxLength)
                {
                    return false;
                }

                value = single.Length == 0 ? LazyUriList.Empty : new LazyUriList([single]);
                return true;
            case JsonTokenType.StartArray:
                // Counted on a copy of the reader first, so the texts fill an array of the final size as the usual reader's do.
                var probe = reader;
                var length = 0;
                while (probe.Read() && probe.TokenType != JsonTokenType.EndArray)
                {
                    length++;
                    probe.Skip();
                }

                if (length == 0)
                {
                    reader = probe;
                    return true;
                }

                var texts = new string[length];
                var count = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        reader.Skip();
                    }
                    else if (reader.GetString() is { Length: > 0 } text)
                    {
                        if (text.Length > LazyUriList.MaxLength)
                        {
                            return false;
                        }

                        texts[count++] = text;
                    }
                }

                if (count < length)
                {
                    Array.Resize(ref texts, count);
                }

                value = count == 0 ? LazyUriList.Empty : new LazyUriList(texts);
                return true;
            default:
                return false;
        }
    }
}
#endif
