using System.Globalization;

namespace Chanjing.Sdk;

/// <summary>
/// The state of a voice clone (<c>status</c> of <c>customised_audio</c>): 0 queued, 1 in production, 2 ready, 3 expired,
/// 4 failed, 99 deleted. An extensible value: a number this version does not know is kept and polled through.
/// </summary>
public readonly struct CustomVoiceStatus : IEquatable<CustomVoiceStatus>
{
    /// <summary>Creates a status from its wire value.</summary>
    /// <param name="value">The wire value, kept verbatim.</param>
    public CustomVoiceStatus(int value) => Value = value;

    /// <summary>Waiting in the queue (0).</summary>
    public static CustomVoiceStatus Queued { get; } = new(0);

    /// <summary>Being made (1).</summary>
    public static CustomVoiceStatus InProduction { get; } = new(1);

    /// <summary>Ready to speak (2).</summary>
    public static CustomVoiceStatus Ready { get; } = new(2);

    /// <summary>Expired (3).</summary>
    public static CustomVoiceStatus Expired { get; } = new(3);

    /// <summary>Failed (4).</summary>
    public static CustomVoiceStatus Failed { get; } = new(4);

    /// <summary>Deleted (99).</summary>
    public static CustomVoiceStatus Deleted { get; } = new(99);

    /// <summary>The wire value.</summary>
    public int Value { get; }

    /// <summary>Whether the voice is ready (2).</summary>
    public bool IsSucceeded => Value == 2;

    /// <summary>Whether the voice cannot be used: expired (3), failed (4) or deleted (99).</summary>
    public bool IsFailed => Value is 3 or 4 or 99;

    /// <summary>Whether the voice will not change any more by itself.</summary>
    public bool IsFinished => IsSucceeded || IsFailed;

    /// <summary>Whether the value is one this version knows.</summary>
    public bool IsKnown => Value is 0 or 1 || IsFinished;

    /// <summary>Compares two statuses.</summary>
    /// <param name="left">A status.</param>
    /// <param name="right">Another status.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(CustomVoiceStatus left, CustomVoiceStatus right) => left.Equals(right);

    /// <summary>Compares two statuses.</summary>
    /// <param name="left">A status.</param>
    /// <param name="right">Another status.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(CustomVoiceStatus left, CustomVoiceStatus right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(CustomVoiceStatus other) => Value == other.Value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CustomVoiceStatus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value;

    /// <summary>The value with its meaning, such as <c>2 (ready)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture) + (Value switch
    {
        0 => " (queued)",
        1 => " (in production)",
        2 => " (ready)",
        3 => " (expired)",
        4 => " (failed)",
        99 => " (deleted)",
        _ => " (unknown)",
    });
}
