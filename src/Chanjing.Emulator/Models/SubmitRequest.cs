namespace Chanjing.Emulator.Models;

/// <summary>A validated submit body: the values the task echoes, with the model's defaults applied.</summary>
internal sealed record SubmitRequest(ModelRule Model)
{
    public string Prompt { get; init; } = string.Empty;

    public IReadOnlyList<string> Images { get; init; } = [];

    public string? StartFrame { get; init; }

    public string? EndFrame { get; init; }

    public string AspectRatio { get; init; } = string.Empty;

    public int Clarity { get; init; }

    public int Duration { get; init; }

    public string QualityMode { get; init; } = string.Empty;

    public string Style { get; init; } = string.Empty;

    public int NumberOfImages { get; init; } = 1;

    public Uri? Callback { get; init; }
}
