using System.Text.Json;
using Chanjing.Cli.Display;
using Chanjing.Sdk;

namespace Chanjing.Cli.Commands;

/// <summary>What the shared wait and download flow needs to know of a product's job: its name, its group, its wait and its JSON.</summary>
/// <typeparam name="TJob">The product's job.</typeparam>
/// <param name="Title">The job's name in messages: <c>Video</c>, <c>Avatar</c>.</param>
/// <param name="Group">The command group: <c>video</c>, <c>avatars</c>.</param>
/// <param name="Wait">The SDK's wait for one job.</param>
/// <param name="Write">Writes the job as a JSON object, with the saved files and more properties.</param>
/// <param name="WaitSuffix">Options the resume command needs after the id, such as <c> --kind motion</c>; empty for none.</param>
internal sealed record JobKind<TJob>(
    string Title,
    string Group,
    Func<IChanjingClient, string, WaitOptions, IProgress<TJob>, CancellationToken, Task<TJob>> Wait,
    Action<Utf8JsonWriter, TJob, IReadOnlyList<string>?, Action<Utf8JsonWriter>?> Write,
    string WaitSuffix = "")
    where TJob : ChanjingJob
{
    /// <summary>The command that resumes the wait: <c>chanjing video wait ID</c>.</summary>
    /// <param name="id">The job.</param>
    /// <returns>The command line.</returns>
    public string WaitCommand(string id) => $"chanjing {Group} wait {id}{WaitSuffix}";
}

/// <summary>The kinds of job the product commands wait for.</summary>
internal static class JobKinds
{
    /// <summary>Avatar videos (<c>chanjing video</c>).</summary>
    public static JobKind<AvatarVideo> Video { get; } = new(
        "Video",
        "video",
        (client, id, options, progress, ct) => client.AvatarVideos.WaitAsync(id, options, progress, ct),
        JobJson.WriteVideo);

    /// <summary>Customised avatars (<c>chanjing avatars</c>).</summary>
    public static JobKind<CustomAvatar> Avatar { get; } = new(
        "Avatar",
        "avatars",
        (client, id, options, progress, ct) => client.Avatars.WaitAsync(id, options, progress, ct),
        JobJson.WriteCustomAvatar);

    /// <summary>Speech tasks (<c>chanjing speak</c>, <c>chanjing speech</c>).</summary>
    public static JobKind<SpeechTask> Speech { get; } = new(
        "Speech task",
        "speech",
        (client, id, options, progress, ct) => client.Speech.WaitAsync(id, options, progress, ct),
        JobJson.WriteSpeech);

    /// <summary>Voice clones (<c>chanjing voices</c>).</summary>
    public static JobKind<CustomVoice> Voice { get; } = new(
        "Voice",
        "voices",
        (client, id, options, progress, ct) => client.Voices.WaitAsync(id, options, progress, ct),
        JobJson.WriteCustomVoice);

    /// <summary>Lip-sync videos (<c>chanjing lipsync</c>).</summary>
    public static JobKind<LipSyncVideo> LipSync { get; } = new(
        "Lip-sync video",
        "lipsync",
        (client, id, options, progress, ct) => client.LipSync.WaitAsync(id, options, progress, ct),
        JobJson.WriteLipSync);

    /// <summary>Avatar design photo tasks (<c>chanjing avatar-design photo</c>).</summary>
    public static JobKind<AvatarPhotoTask> Photo { get; } = new(
        "Photo task",
        "avatar-design",
        (client, id, options, progress, ct) => client.AvatarDesign.WaitPhotoAsync(id, options, progress, ct),
        JobJson.WriteDesignTask);

    /// <summary>Avatar design motion tasks (<c>chanjing avatar-design motion</c>).</summary>
    public static JobKind<AvatarMotionTask> Motion { get; } = new(
        "Motion task",
        "avatar-design",
        (client, id, options, progress, ct) => client.AvatarDesign.WaitMotionAsync(id, options, progress, ct),
        JobJson.WriteDesignTask,
        " --kind motion");

    /// <summary>LoRA tasks (<c>chanjing avatar-design lora</c>).</summary>
    public static JobKind<AvatarLoraTask> Lora { get; } = new(
        "LoRA task",
        "avatar-design",
        (client, id, options, progress, ct) => client.AvatarDesign.WaitLoraAsync(id, options, progress, ct),
        JobJson.WriteLora,
        " --kind lora");
}
