using System.Text.Json;

namespace Chanjing.Sdk.Internal;

/// <summary>
/// What reconciliation compares between a submitted body and a listed task: the fields the service echoes (model,
/// type, prompt, aspect ratio, clarity, duration, number of images, how many reference images), never the reference
/// URLs themselves, which the service may re-host under new names. Read from the JSON body, so it works for every model.
/// </summary>
internal sealed class SubmitFingerprint
{
    private SubmitFingerprint(string? modelCode, CreationType type, string? prompt, string? aspectRatio, long? clarity, long? duration, long? numberOfImages, int imageCount, int frameCount)
    {
        FrameCount = frameCount;
        ModelCode = modelCode;
        Type = type;
        Prompt = prompt;
        AspectRatio = aspectRatio;
        Clarity = clarity;
        Duration = duration;
        NumberOfImages = numberOfImages;
        ImageCount = imageCount;
    }

    public string? ModelCode { get; }

    public CreationType Type { get; }

    public string? Prompt { get; }

    public string? AspectRatio { get; }

    public long? Clarity { get; }

    public long? Duration { get; }

    public long? NumberOfImages { get; }

    public int ImageCount { get; }

    /// <summary>How many of <c>start_frame</c> and <c>end_frame</c> were sent.</summary>
    public int FrameCount { get; }

    /// <summary>Everything compared, as one string: two submits with equal keys cannot be told apart by reconciliation.</summary>
    public string Key => string.Join("\u001f", ModelCode, Type.Value, Prompt, AspectRatio, Clarity, Duration, NumberOfImages, ImageCount, FrameCount);

    public static SubmitFingerprint FromBody(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var images = root.TryGetProperty("ref_img_url", out var list) && list.ValueKind == JsonValueKind.Array ? list.GetArrayLength() : 0;
        return new SubmitFingerprint(
            JsonReading.GetString(root, "model_code"),
            new CreationType((int)(JsonReading.GetInt64(root, "creation_type") ?? 0)),
            JsonReading.GetString(root, "ref_prompt"),
            JsonReading.GetString(root, "aspect_ratio"),
            JsonReading.GetInt64(root, "clarity"),
            JsonReading.GetInt64(root, "video_duration"),
            JsonReading.GetInt64(root, "number_of_images"),
            images,
            (root.TryGetProperty("start_frame", out var start) && start.ValueKind == JsonValueKind.String ? 1 : 0) + (root.TryGetProperty("end_frame", out var end) && end.ValueKind == JsonValueKind.String ? 1 : 0));
    }

    /// <summary>Whether <paramref name="task"/> may be the task this body created (created at or after <paramref name="since"/>).</summary>
    public bool Matches(CreationTask task, DateTimeOffset since)
    {
        if (task.CreatedAt is not { } created || created < since || task.Type != Type || !string.Equals(task.ModelCode, ModelCode, StringComparison.Ordinal))
        {
            return false;
        }

        var image = Type == CreationType.Image;
        var echoedPrompt = image ? task.ImageSettings?.Prompt : task.VideoSettings?.Prompt;
        // A task that does not echo our prompt cannot be told apart from another: no match is the safe answer. A submit
        // without a prompt matches only tasks that echo none.
        if (!string.Equals(echoedPrompt ?? string.Empty, Prompt ?? string.Empty, StringComparison.Ordinal))
        {
            return false;
        }

        var clarity = image ? task.ImageSettings?.Clarity : task.VideoSettings?.Clarity;
        var aspect = image ? task.ImageSettings?.AspectRatio : task.VideoSettings?.AspectRatio;
        if (Differs(Clarity, clarity) || Differs(AspectRatio, aspect) || (!image && Differs(Duration, task.VideoSettings?.DurationSeconds))
            || (image && Differs(NumberOfImages, task.ImageSettings?.NumberOfImages)))
        {
            return false;
        }

        var echoedImages = EchoedImageCount(task, image);
        if (ImageCount > 0 && echoedImages > 0 && echoedImages != ImageCount)
        {
            return false;
        }

        // Frames are echoed in motion_info.photo_path_url; a task that echoes frames must echo as many as were sent.
        var echoedFrames = task.VideoSettings?.PhotoUrls.Count ?? 0;
        return ImageCount > 0 || echoedFrames == 0 || echoedFrames == FrameCount;
    }

    private static int EchoedImageCount(CreationTask task, bool image)
    {
        var counts = new[] { task.ReferenceImageUrls.Count, image ? task.ImageSettings?.ReferenceImageUrls.Count ?? 0 : task.VideoSettings?.PhotoUrls.Count ?? 0 };
        return counts.Max();
    }

    // A field counts only when both sides have it: the service leaves fields it does not use at 0 or "".
    private static bool Differs(long? sent, int? echoed) => sent is { } s && echoed is { } e && e != 0 && e != s;

    private static bool Differs(string? sent, string? echoed) => !string.IsNullOrEmpty(sent) && !string.IsNullOrEmpty(echoed) && !string.Equals(sent, echoed, StringComparison.Ordinal);
}
