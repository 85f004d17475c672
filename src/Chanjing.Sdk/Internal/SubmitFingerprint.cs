namespace Chanjing.Sdk.Internal;

/// <summary>
/// What reconciliation compares between a submitted body and a listed task: the fields the service echoes (model,
/// type, prompt, aspect ratio, clarity, duration, number of images, how many reference images), never the reference
/// URLs themselves, which the service may re-host under new names. Read from the body's fields, so it works for every model.
/// </summary>
internal sealed class SubmitFingerprint
{
    public SubmitFingerprint(string? modelCode, CreationType type, string? prompt, string? aspectRatio, long? clarity, long? duration, long? numberOfImages, int imageCount, int frameCount)
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
    public string Key => _key ??= string.Concat(ModelCode, "\u001f", Prompt, "\u001f", AspectRatio, "\u001f", Numbers());

    private string? _key;

    private string Numbers() => FormattableString.Invariant($"{Type.Value}|{Clarity}|{Duration}|{NumberOfImages}|{ImageCount}|{FrameCount}");

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
