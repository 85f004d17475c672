namespace Chanjing.Cli.Commands;

/// <summary>
/// The one table of the tool that ties a request's wire field, the SDK property that sets it and the option of
/// <c>create</c>: messages name options instead of properties, and <c>models</c> lists options instead of fields.
/// </summary>
internal static class OptionMap
{
    private static readonly (string Field, string Property, string Option)[] Rows =
    [
        ("ref_img_url", "ReferenceImageUrls", "--image"),
        ("ref_img_url", "SourceUrls", "--source"),
        ("start_frame", "StartFrameUrl", "--start-frame"),
        ("end_frame", "EndFrameUrl", "--end-frame"),
        ("ref_prompt", "Prompt", "--prompt"),
        ("aspect_ratio", "AspectRatio", "--aspect-ratio"),
        ("clarity", "Clarity", "--clarity"),
        ("video_duration", "DurationSeconds", "--duration"),
        ("quality_mode", "QualityMode", "--quality"),
        ("number_of_images", "NumberOfImages", "--count"),
        ("callback", "CallbackUrl", "--callback"),

        // The digital-human products' requests (their messages say request.Speed, ...): no AI-creation field.
        (string.Empty, "Speed", "--speed"),
        (string.Empty, "Pitch", "--pitch"),
        (string.Empty, "VoiceId", "--voice"),
        (string.Empty, "PreviewText", "--preview-text"),
        (string.Empty, "ModelType", "--model"),
        (string.Empty, "Language", "--language"),
        (string.Empty, "Name", "--name"),
        (string.Empty, "Age", "--age"),
        (string.Empty, "Gender", "--gender"),
        (string.Empty, "Detail", "--detail"),
        (string.Empty, "Background", "--background"),
        (string.Empty, "TalkingPose", "--pose"),
        (string.Empty, "Industry", "--industry"),
        (string.Empty, "Origin", "--origin"),
        (string.Empty, "Emotion", "--emotion"),
        (string.Empty, "Photos", "--photo"),
        (string.Empty, "PhotoUrl", "--photo"),
        (string.Empty, "PhotoTaskId", "--photo-task"),
        (string.Empty, "RetryLoraId", "--retry"),
        (string.Empty, "ReferenceImageUrl", "--reference"),
    ];

    /// <summary>The option that sets an SDK request property, or null when no option does.</summary>
    public static string? ForProperty(string property)
    {
        foreach (var row in Rows)
        {
            if (row.Property == property)
            {
                return row.Option;
            }
        }

        return null;
    }

    /// <summary>The option that sends a wire field (<c>ref_img_url</c> is <c>--source</c> for a video edit), else <c>--field</c>.</summary>
    public static string ForField(string field, bool videoEdit)
    {
        if (field == "ref_img_url")
        {
            return videoEdit ? "--source" : "--image";
        }

        foreach (var row in Rows)
        {
            if (row.Field == field)
            {
                return row.Option;
            }
        }

        return $"--field {field}=...";
    }
}
