using Chanjing.Emulator.Models;

namespace Chanjing.Emulator.Tasks;

/// <summary>One submitted task: its request, when it was created, and any status forced by the test.</summary>
internal sealed class TaskRecord
{
    public required long Id { get; init; }

    public required string UniqueId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required SubmitRequest Request { get; init; }

    public int Type => Request.Model.CreationType;

    public bool IsVideo => Request.Model.IsVideo;

    public string? ForcedStatus { get; set; }

    public string? ForcedError { get; set; }

    /// <summary>Whether the completion callback has been handed to the dispatcher (it is sent once).</summary>
    public bool CallbackStarted { get; set; }

    /// <summary>The file names of the outputs under <c>files/outputs/</c>: one video, or one PNG per image.</summary>
    public IReadOnlyList<string> OutputNames => IsVideo
        ? [UniqueId + ".mp4"]
        : [.. Enumerable.Range(1, Math.Max(1, Request.NumberOfImages)).Select(i => $"{UniqueId}_{i}.png")];
}
