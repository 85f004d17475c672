using System.Globalization;
using Chanjing.Sdk;

namespace Chanjing.Cli.Display;

/// <summary>How the jobs of the digital-human products read in messages and lines.</summary>
internal static class JobText
{
    /// <summary>Said after a failure whose text is a lack of credits (<see cref="ChanjingException.IsBillingFailure"/>).</summary>
    public const string TopUp = " The account has too few credits (蝉豆) for it: top up the Chanjing account, then create it again.";

    /// <summary>The job's name in messages: <c>Video</c>, <c>Avatar</c>, <c>Speech task</c>, <c>Task</c>, ...</summary>
    /// <param name="job">The job.</param>
    /// <returns>The name.</returns>
    public static string Title(ChanjingJob job) => job switch
    {
        AvatarVideo => "Video",
        CustomAvatar => "Avatar",
        SpeechTask => "Speech task",
        CustomVoice => "Voice",
        LipSyncVideo => "Lip-sync video",
        AvatarPhotoTask => "Photo task",
        AvatarMotionTask => "Motion task",
        AvatarLoraTask => "LoRA task",
        _ => "Task",
    };

    /// <summary>The status with its meaning, such as <c>30 (succeeded)</c>.</summary>
    /// <param name="job">The job.</param>
    /// <returns>The text.</returns>
    public static string Status(ChanjingJob job) => job switch
    {
        AvatarVideo video => video.Status.ToString(),
        CustomAvatar avatar => avatar.Status.ToString(),
        CreationTask task => task.Status.Value,
        SpeechTask speech => speech.Status.ToString(),
        CustomVoice voice => voice.Status.ToString(),
        LipSyncVideo lipSync => lipSync.Status.ToString(),
        AvatarDesignTask design => design.Status.Value,
        AvatarLoraTask lora => lora.Status.Value,
        _ => job.IsSucceeded ? "succeeded" : job.IsFinished ? "failed" : "running",
    };

    /// <summary>The status and, while running, the progress: <c>10 (generating) 45%</c>.</summary>
    /// <param name="job">The job.</param>
    /// <returns>The text.</returns>
    public static string StatusWithProgress(ChanjingJob job) =>
        !job.IsFinished && job.Progress is { } progress ? string.Create(CultureInfo.InvariantCulture, $"{Status(job)} {progress}%") : Status(job);

    /// <summary>A duration as seconds with one decimal: <c>12.0 s</c>.</summary>
    /// <param name="value">The duration.</param>
    /// <returns>The text, or <c>-</c>.</returns>
    public static string Seconds(TimeSpan? value) => value is { } d ? string.Create(CultureInfo.InvariantCulture, $"{d.TotalSeconds:0.#} s") : "-";

    /// <summary>A local time for tables and details, or <c>-</c>.</summary>
    /// <param name="value">The time.</param>
    /// <returns>The text.</returns>
    public static string Time(DateTimeOffset? value) =>
        value is { } t ? t.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture) : "-";
}
