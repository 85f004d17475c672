namespace Chanjing.Sdk;

/// <summary>How local files are uploaded before a submit (<see cref="ChanjingOptions.Uploads"/>).</summary>
public sealed class ChanjingUploadOptions
{
    /// <summary>
    /// The <c>service</c> sent to <c>create_upload_url</c> for reference images. Not documented by Chanjing for
    /// AI creation; default <c>ai_creation</c>, the value other clients use.
    /// </summary>
    public string Service { get; set; } = "ai_creation";

    /// <summary>How long an upload may wait for the service to mark the file ready. Default 2 minutes; <see cref="Timeout.InfiniteTimeSpan"/> for no limit.</summary>
    public TimeSpan ReadyTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The pause between <c>file_detail</c> polls of an upload. Default 2 seconds.</summary>
    public TimeSpan ReadyPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    internal ChanjingUploadOptions Clone() => (ChanjingUploadOptions)MemberwiseClone();
}
