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
internal sealed record JobKind<TJob>(
    string Title,
    string Group,
    Func<IChanjingClient, string, WaitOptions, IProgress<TJob>, CancellationToken, Task<TJob>> Wait,
    Action<Utf8JsonWriter, TJob, IReadOnlyList<string>?, Action<Utf8JsonWriter>?> Write)
    where TJob : ChanjingJob
{
    /// <summary>The command that resumes the wait: <c>chanjing video wait ID</c>.</summary>
    /// <param name="id">The job.</param>
    /// <returns>The command line.</returns>
    public string WaitCommand(string id) => $"chanjing {Group} wait {id}";
}

/// <summary>The kinds of job the digital-human commands wait for.</summary>
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
}
