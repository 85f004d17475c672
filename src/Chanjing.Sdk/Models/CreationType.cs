using System.Globalization;
using System.Text.Json.Serialization;

namespace Chanjing.Sdk;

/// <summary>
/// The kind of an AI creation task (the wire fields <c>type</c> and <c>creation_type</c>): 3 = image,
/// 4 = video. Unknown values are preserved.
/// </summary>
[JsonConverter(typeof(CreationTypeJsonConverter))]
public readonly struct CreationType : IEquatable<CreationType>
{
    /// <summary>Creates a creation type from its wire value.</summary>
    /// <param name="value">The wire value.</param>
    public CreationType(int value) => Value = value;

    /// <summary>An image task (3).</summary>
    public static CreationType Image { get; } = new(3);

    /// <summary>A video task (4).</summary>
    public static CreationType Video { get; } = new(4);

    /// <summary>The wire value.</summary>
    public int Value { get; }

    /// <summary>Compares two creation types by value.</summary>
    public static bool operator ==(CreationType left, CreationType right) => left.Equals(right);

    /// <summary>Compares two creation types by value.</summary>
    public static bool operator !=(CreationType left, CreationType right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(CreationType other) => Value == other.Value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CreationType other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value;

    /// <summary>Returns the wire value as text, for example <c>"4"</c>.</summary>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
