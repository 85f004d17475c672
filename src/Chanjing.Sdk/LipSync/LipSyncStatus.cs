using System.Globalization;

namespace Chanjing.Sdk;

/// <summary>
/// The state of a lip-sync video (<c>status</c> of <c>video_lip_sync/detail</c>): 0 queued, 10 generating, 20 succeeded,
/// 30 failed. Not comparable with the avatar videos' numbers (30 is their success). An extensible value: a number this
/// version does not know is kept and polled through.
/// </summary>
public readonly struct LipSyncStatus : IEquatable<LipSyncStatus>
{
    /// <summary>Creates a status from its wire value.</summary>
    /// <param name="value">The wire value, kept verbatim.</param>
    public LipSyncStatus(int value) => Value = value;

    /// <summary>Waiting in the queue (0).</summary>
    public static LipSyncStatus Queued { get; } = new(0);

    /// <summary>Being generated (10).</summary>
    public static LipSyncStatus Generating { get; } = new(10);

    /// <summary>Finished; the video is ready (20).</summary>
    public static LipSyncStatus Succeeded { get; } = new(20);

    /// <summary>Failed (30).</summary>
    public static LipSyncStatus Failed { get; } = new(30);

    /// <summary>The wire value.</summary>
    public int Value { get; }

    /// <summary>Whether the video succeeded (20).</summary>
    public bool IsSucceeded => Value == 20;

    /// <summary>Whether the video failed (30).</summary>
    public bool IsFailed => Value == 30;

    /// <summary>Whether the video will not change any more.</summary>
    public bool IsFinished => IsSucceeded || IsFailed;

    /// <summary>Whether the value is one this version knows.</summary>
    public bool IsKnown => Value is 0 or 10 or 20 or 30;

    /// <summary>Compares two statuses.</summary>
    /// <param name="left">A status.</param>
    /// <param name="right">Another status.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(LipSyncStatus left, LipSyncStatus right) => left.Equals(right);

    /// <summary>Compares two statuses.</summary>
    /// <param name="left">A status.</param>
    /// <param name="right">Another status.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(LipSyncStatus left, LipSyncStatus right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(LipSyncStatus other) => Value == other.Value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is LipSyncStatus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value;

    /// <summary>The value with its meaning, such as <c>20 (succeeded)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture) + (Value switch
    {
        0 => " (queued)",
        10 => " (generating)",
        20 => " (succeeded)",
        30 => " (failed)",
        _ => " (unknown)",
    });
}
