using System.Globalization;

namespace Chanjing.Sdk;

/// <summary>
/// The state of an avatar video (<c>status</c> of <c>video</c> / <c>video_list</c>): 10 generating, 30 succeeded,
/// 4X a parameter failure, 5X a service failure. An extensible value: a number this version does not know is kept and
/// polled through. Not comparable with the numbers of other products (30 is a failure for lip-sync).
/// </summary>
public readonly struct AvatarVideoStatus : IEquatable<AvatarVideoStatus>
{
    /// <summary>Creates a status from its wire value.</summary>
    /// <param name="value">The wire value, kept verbatim.</param>
    public AvatarVideoStatus(int value) => Value = value;

    /// <summary>Being generated (10).</summary>
    public static AvatarVideoStatus Generating { get; } = new(10);

    /// <summary>Finished; the video is ready (30).</summary>
    public static AvatarVideoStatus Succeeded { get; } = new(30);

    /// <summary>The wire value.</summary>
    public int Value { get; }

    /// <summary>Whether the video succeeded (30).</summary>
    public bool IsSucceeded => Value == 30;

    /// <summary>Whether the video failed: 40-49 (the request's content, such as a digits-only text or too little credit) or 50-59 (the service).</summary>
    public bool IsFailed => Value is >= 40 and <= 59;

    /// <summary>Whether the video will not change any more.</summary>
    public bool IsFinished => IsSucceeded || IsFailed;

    /// <summary>Whether the value is one this version knows (10, 30, 4X, 5X).</summary>
    public bool IsKnown => Value == 10 || IsFinished;

    /// <summary>Compares two statuses.</summary>
    /// <param name="left">A status.</param>
    /// <param name="right">Another status.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(AvatarVideoStatus left, AvatarVideoStatus right) => left.Equals(right);

    /// <summary>Compares two statuses.</summary>
    /// <param name="left">A status.</param>
    /// <param name="right">Another status.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(AvatarVideoStatus left, AvatarVideoStatus right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(AvatarVideoStatus other) => Value == other.Value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AvatarVideoStatus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value;

    /// <summary>The value with its meaning, such as <c>30 (succeeded)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture) + (Value switch
    {
        10 => " (generating)",
        30 => " (succeeded)",
        >= 40 and <= 49 => " (failed: request)",
        >= 50 and <= 59 => " (failed: service)",
        _ => " (unknown)",
    });
}
