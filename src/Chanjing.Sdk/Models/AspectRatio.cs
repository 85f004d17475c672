using System.Text.Json.Serialization;

namespace Chanjing.Sdk;

/// <summary>
/// The aspect ratio of a generated video (the wire field <c>aspect_ratio</c>). An extensible value:
/// the known ratios are static properties, and any other ratio the service accepts can be created with
/// <see cref="AspectRatio(string)"/>.
/// </summary>
[JsonConverter(typeof(AspectRatioJsonConverter))]
public readonly struct AspectRatio : IEquatable<AspectRatio>
{
    private readonly string? _value;

    /// <summary>Creates an aspect ratio from its wire value, for example <c>"4:3"</c>.</summary>
    /// <param name="value">The wire value. Must not be null, empty or whitespace.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty or whitespace.</exception>
    public AspectRatio(string value)
    {
        Guard.NotNullOrWhiteSpace(value, nameof(value));
        _value = value;
    }

    /// <summary>Landscape 16:9.</summary>
    public static AspectRatio Landscape16x9 { get; } = new("16:9");

    /// <summary>Portrait 9:16.</summary>
    public static AspectRatio Portrait9x16 { get; } = new("9:16");

    /// <summary>Square 1:1.</summary>
    public static AspectRatio Square1x1 { get; } = new("1:1");

    /// <summary>The wire value; empty for <c>default(AspectRatio)</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether this is <c>default(AspectRatio)</c>, which has no value and is refused by a submit.</summary>
    public bool IsEmpty => string.IsNullOrEmpty(_value);

    /// <summary>Compares two aspect ratios by wire value (ordinal).</summary>
    public static bool operator ==(AspectRatio left, AspectRatio right) => left.Equals(right);

    /// <summary>Compares two aspect ratios by wire value (ordinal).</summary>
    public static bool operator !=(AspectRatio left, AspectRatio right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(AspectRatio other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AspectRatio other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>Returns the wire value.</summary>
    public override string ToString() => Value;
}
