namespace Chanjing.Sdk.Internal.Requests;

/// <summary>The documented rules of one model: its output, the fields it needs or refuses, and the values it takes.</summary>
internal sealed class ModelRule(string code, CreationType type, Type family, string description)
{
    public string Code { get; } = code;

    public CreationType Type { get; } = type;

    /// <summary>The request class to use for the model.</summary>
    public Type Family { get; } = family;

    public string Description { get; } = description;

    public string[] Required { get; init; } = [];

    public string[] Forbidden { get; init; } = [];

    public string[] AspectRatios { get; init; } = [];

    public int[] Clarities { get; init; } = [];

    public int[] Durations { get; init; } = [];

    public string[] QualityModes { get; init; } = [];

    public int MaxReferenceImages { get; init; } = 9;

    /// <summary>Needs at least one video among its <c>ref_img_url</c> sources (refused when every source is an image file).</summary>
    public bool NeedsVideoSource { get; init; }

    /// <summary>Needs a first frame, as <c>start_frame</c> or as one <c>ref_img_url</c> (the i2v page shows both).</summary>
    public bool NeedsFirstFrame { get; init; }
}
