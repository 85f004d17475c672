#if NET8_0_OR_GREATER
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Chanjing.Sdk.Internal.Endpoints;

/// <summary>The task object and its values, read as <see cref="TaskReader"/> and <see cref="JsonReading"/> read them.</summary>
internal static partial class TaskFastReader
{
    /// <summary>The last second <see cref="DateTimeOffset.FromUnixTimeSeconds"/> takes (9999-12-31T23:59:59Z).</summary>
    private const long MaxUnixSeconds = 253_402_300_799;

    private static readonly FieldNames TaskFields = new(
        "unique_id", "progress_desc", "err_msg", "output_url", "type", "model_code", "model_name", "create_time", "aspect_ratio", "ref_img_url",
        "id", "number_ai_creation", "motion_info", "photo_info");

    private static readonly FieldNames VideoFields = new("ref_prompt", "clarity", "aspect_ratio", "video_duration", "quality_mode", "style", "photo_path_url");

    private static readonly FieldNames ImageFields = new("ref_prompt", "clarity", "aspect_ratio", "quality_mode", "number_of_images", "ref_img_url");

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
                3 => TryUris(ref reader, body, out outputs),
                4 => TryInt64(ref reader, out type),
                5 => TryString(ref reader, out modelCode),
                6 => TryString(ref reader, out modelName),
                7 => TryInt64(ref reader, out createTime),
                8 => TryString(ref reader, out aspectRatio),
                9 => TryUris(ref reader, body, out references),
                10 => TryInt64(ref reader, out recordId),
                11 => TryInt64(ref reader, out creations),
                // Settings that are not an object are ignored, as the usual reader ignores them.
                12 => reader.TokenType == JsonTokenType.StartObject ? TryReadVideo(ref reader, body, out video) : Skip(ref reader),
                13 => reader.TokenType == JsonTokenType.StartObject ? TryReadImage(ref reader, body, out image) : Skip(ref reader),
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

    private static bool TryReadVideo(ref Utf8JsonReader reader, ReadOnlyMemory<byte> body, out VideoTaskSettings? video)
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
                    6 => TryUris(ref reader, body, out photos),
                    _ => Skip(ref reader),
                }))
            {
                return false;
            }
        }

        video = new VideoTaskSettings(prompt, (int)(clarity ?? 0), aspectRatio, (int)(duration ?? 0), qualityMode, style, photos);
        return true;
    }

    private static bool TryReadImage(ref Utf8JsonReader reader, ReadOnlyMemory<byte> body, out ImageTaskSettings? image)
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
                    5 => TryUris(ref reader, body, out references),
                    _ => Skip(ref reader),
                }))
            {
                return false;
            }
        }

        image = new ImageTaskSettings(prompt, (int)(clarity ?? 0), aspectRatio, qualityMode, (int)(images ?? 0), references);
        return true;
    }
}
#endif
