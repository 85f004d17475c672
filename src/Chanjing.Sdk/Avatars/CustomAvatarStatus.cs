using System.Globalization;

namespace Chanjing.Sdk;

/// <summary>
/// The state of a customised avatar (<c>status</c> of <c>customised_person</c>): 1 in production, 2 ready, 4 failed,
/// 5 system error. An extensible value: 0 or a number this version does not know is kept and polled through.
/// </summary>
public readonly struct CustomAvatarStatus : IEquatable<CustomAvatarStatus>
{
    /// <summary>Creates a status from its wire value.</summary>
    /// <param name="value">The wire value, kept verbatim.</param>
    public CustomAvatarStatus(int value) => Value = value;

    /// <summary>Being made (1).</summary>
    public static CustomAvatarStatus InProduction { get; } = new(1);

    /// <summary>Ready to use (2).</summary>
    public static CustomAvatarStatus Ready { get; } = new(2);

    /// <summary>Failed, for example the source video did not pass the content check (4).</summary>
    public static CustomAvatarStatus Failed { get; } = new(4);

    /// <summary>Failed on the service's side (5).</summary>
    public static CustomAvatarStatus SystemError { get; } = new(5);

    /// <summary>The wire value.</summary>
    public int Value { get; }

    /// <summary>Whether the avatar is ready (2).</summary>
    public bool IsSucceeded => Value == 2;

    /// <summary>Whether making the avatar failed (4 or 5).</summary>
    public bool IsFailed => Value is 4 or 5;

    /// <summary>Whether the avatar will not change any more.</summary>
    public bool IsFinished => IsSucceeded || IsFailed;

    /// <summary>Whether the value is one this version knows (1, 2, 4, 5).</summary>
    public bool IsKnown => Value == 1 || IsFinished;

    /// <summary>Compares two statuses.</summary>
    /// <param name="left">A status.</param>
    /// <param name="right">Another status.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(CustomAvatarStatus left, CustomAvatarStatus right) => left.Equals(right);

    /// <summary>Compares two statuses.</summary>
    /// <param name="left">A status.</param>
    /// <param name="right">Another status.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(CustomAvatarStatus left, CustomAvatarStatus right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(CustomAvatarStatus other) => Value == other.Value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CustomAvatarStatus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value;

    /// <summary>The value with its meaning, such as <c>2 (ready)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture) + (Value switch
    {
        1 => " (in production)",
        2 => " (ready)",
        4 => " (failed)",
        5 => " (system error)",
        _ => " (unknown)",
    });
}
