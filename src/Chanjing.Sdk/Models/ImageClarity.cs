using System.Globalization;

namespace Chanjing.Sdk;

/// <summary>
/// The size of generated images (the wire field <c>clarity</c> of image models). An extensible value:
/// <see cref="Px1024"/>, <see cref="Px2048"/> and <see cref="Px4096"/> are documented; others can be created.
/// </summary>
public readonly struct ImageClarity : IEquatable<ImageClarity>
{
    /// <summary>Creates an image clarity from its wire value.</summary>
    /// <param name="value">The wire value; must be positive.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is zero or negative.</exception>
    public ImageClarity(int value)
    {
        Guard.Positive(value, nameof(value));
        Value = value;
    }

    /// <summary>1024.</summary>
    public static ImageClarity Px1024 { get; } = new(1024);

    /// <summary>2048.</summary>
    public static ImageClarity Px2048 { get; } = new(2048);

    /// <summary>4096.</summary>
    public static ImageClarity Px4096 { get; } = new(4096);

    /// <summary>The wire value; 0 for <c>default(ImageClarity)</c>, which a submit refuses.</summary>
    public int Value { get; }

    /// <summary>Compares two clarities by value.</summary>
    public static bool operator ==(ImageClarity left, ImageClarity right) => left.Equals(right);

    /// <summary>Compares two clarities by value.</summary>
    public static bool operator !=(ImageClarity left, ImageClarity right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(ImageClarity other) => Value == other.Value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ImageClarity other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value;

    /// <summary>Returns the wire value as text, for example <c>"2048"</c>.</summary>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
