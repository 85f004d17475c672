namespace Chanjing.Sdk.Internal.Submits;

/// <summary>
/// What reconciliation compares between a submitted body and a listed task: the fields the service echoes (model, type,
/// prompt, aspect ratio, clarity, duration, quality, style, number of images, how many reference images and frames),
/// never the reference URLs themselves, which the service may re-host under new names. Read from the body's fields, so
/// it works for every model.
/// </summary>
/// <remarks>
/// Two questions, two strictnesses. <see cref="MayMatch"/> asks "could this task be that submit's?": a field counts only
/// when both sides have it (the service fills defaults and leaves fields it does not use at 0 or ""), so it is used to
/// report candidates and to decide that another submit could own a task. <see cref="MatchesExactly"/> asks "is this task
/// provably this body's?": every compared field must be equal, and one side missing a field the other has is a
/// difference. Only an exact match may be claimed.
/// </remarks>
internal sealed class SubmitFingerprint
{
    public SubmitFingerprint(string? modelCode, CreationType type, string? prompt, string? aspectRatio, long? clarity, long? duration, long? numberOfImages, int imageCount, int frameCount, string? qualityMode = null, string? style = null)
    {
        ModelCode = modelCode;
        Type = type;
        Prompt = prompt;
        AspectRatio = aspectRatio;
        Clarity = clarity;
        Duration = duration;
        NumberOfImages = numberOfImages;
        ImageCount = imageCount;
        FrameCount = frameCount;
        QualityMode = qualityMode;
        Style = style;
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

    public string? QualityMode { get; }

    public string? Style { get; }

    private bool IsImage => Type == CreationType.Image;

    /// <summary>Whether <paramref name="task"/> could be the task this body created, whenever it was created (lenient: a field counts only when both sides have it).</summary>
    public bool MayMatch(CreationTask task)
    {
        if (!SameKind(task))
        {
            return false;
        }

        var echo = Echo.Of(task, IsImage);
        if (LooseDiffers(Clarity, echo.Clarity) || LooseDiffers(AspectRatio, echo.AspectRatio) || LooseDiffers(QualityMode, echo.QualityMode)
            || (!IsImage && (LooseDiffers(Duration, echo.Duration) || LooseDiffers(Style, echo.Style)))
            || (IsImage && LooseDiffers(NumberOfImages, echo.NumberOfImages)))
        {
            return false;
        }

        if (ImageCount > 0 && echo.Images > 0 && echo.Images != ImageCount)
        {
            return false;
        }

        // The service may not echo images that were sent, but cannot list reference images that were never sent.
        if (ImageCount == 0 && echo.ListedImages > 0)
        {
            return false;
        }

        // Frames are echoed in motion_info.photo_path_url; a task that echoes frames must echo as many as were sent.
        return ImageCount > 0 || echo.Frames == 0 || echo.Frames == FrameCount;
    }

    /// <summary>
    /// Whether every field the service echoes equals what this body sent: numbers included, and a field set on one side
    /// and missing on the other is a difference (a body without an aspect ratio does not match a task that echoes 16:9).
    /// </summary>
    public bool MatchesExactly(CreationTask task)
    {
        if (!SameKind(task))
        {
            return false;
        }

        var echo = Echo.Of(task, IsImage);
        if (!Same(Clarity, echo.Clarity) || !Same(AspectRatio, echo.AspectRatio) || !Same(QualityMode, echo.QualityMode)
            || (!IsImage && (!Same(Duration, echo.Duration) || !Same(Style, echo.Style)))
            || (IsImage && !Same(NumberOfImages, echo.NumberOfImages)))
        {
            return false;
        }

        if (echo.ListedImages != ImageCount)
        {
            return false;
        }

        // A body with frames must be echoed with a frame; a body with neither frames nor images must be echoed with none.
        return FrameCount > 0 ? echo.Frames > 0 : ImageCount > 0 || echo.Frames == 0;
    }

    private bool SameKind(CreationTask task)
    {
        if (task.Type != Type || !string.Equals(task.ModelCode, ModelCode, StringComparison.Ordinal))
        {
            return false;
        }

        // A task that does not echo our prompt cannot be told apart from another: no match is the safe answer. A submit
        // without a prompt matches only tasks that echo none.
        var echoedPrompt = IsImage ? task.ImageSettings?.Prompt : task.VideoSettings?.Prompt;
        return string.Equals(echoedPrompt ?? string.Empty, Prompt ?? string.Empty, StringComparison.Ordinal);
    }

    private static bool LooseDiffers(long? sent, long? echoed) => sent is { } s && echoed is { } e && e != 0 && e != s;

    private static bool LooseDiffers(string? sent, string? echoed) => !string.IsNullOrEmpty(sent) && !string.IsNullOrEmpty(echoed) && !string.Equals(sent, echoed, StringComparison.Ordinal);

    // The service reports an unused number as 0 and an unused text as "": those are "missing", like null.
    private static bool Same(long? sent, long? echoed) => (sent ?? 0) == (echoed ?? 0);

    private static bool Same(string? sent, string? echoed) => string.Equals(sent ?? string.Empty, echoed ?? string.Empty, StringComparison.Ordinal);

    /// <summary>The echoed settings of a task, from <c>motion_info</c> (video) or <c>photo_info</c> (image).</summary>
    private readonly struct Echo
    {
        public long? Clarity { get; init; }

        public string? AspectRatio { get; init; }

        public string? QualityMode { get; init; }

        public long? Duration { get; init; }

        public string? Style { get; init; }

        public long? NumberOfImages { get; init; }

        /// <summary>The largest count of reference images any part of the task echoes.</summary>
        public int Images { get; init; }

        /// <summary>The task's own <c>ref_img_url</c> list.</summary>
        public int ListedImages { get; init; }

        public int Frames { get; init; }

        public static Echo Of(CreationTask task, bool image)
        {
            if (image)
            {
                var photo = task.ImageSettings;
                var photoImages = photo?.ReferenceImageUrls.Count ?? 0;
                return new Echo
                {
                    Clarity = photo?.Clarity,
                    AspectRatio = photo?.AspectRatio,
                    QualityMode = photo?.QualityMode,
                    NumberOfImages = photo?.NumberOfImages,
                    Images = Math.Max(task.ReferenceImageUrls.Count, photoImages),
                    ListedImages = Math.Max(task.ReferenceImageUrls.Count, photoImages),
                };
            }

            var motion = task.VideoSettings;
            var frames = motion?.PhotoUrls.Count ?? 0;
            return new Echo
            {
                Clarity = motion?.Clarity,
                AspectRatio = motion?.AspectRatio,
                QualityMode = motion?.QualityMode,
                Duration = motion?.DurationSeconds,
                Style = motion?.Style,
                Images = Math.Max(task.ReferenceImageUrls.Count, frames),
                ListedImages = task.ReferenceImageUrls.Count,
                Frames = frames,
            };
        }
    }
}
