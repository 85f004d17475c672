using System.Globalization;
using System.Text.Json.Serialization;

namespace Chanjing.Sdk;

/// <summary>
/// The clarity (vertical resolution) of a generated video (the wire field <c>clarity</c>). An extensible
/// value: <see cref="P720"/> and <see cref="P1080"/> are known, others can be created with
/// <see cref="VideoClarity(int)"/>.
/// </summary>
[JsonConverter(typeof(VideoClarityJsonConverter))]
public readonly struct VideoClarity : IEquatable<VideoClarity>
{
    /// <summary>Creates a clarity from its wire value, for example <c>1440</c>.</summary>
    /// <param name="value">The wire value; must be positive.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is zero or negative.</exception>
    public VideoClarity(int value)
    {
        Guard.Positive(value, nameof(value));
        Value = value;
    }

    /// <summary>720p.</summary>
    public static VideoClarity P720 { get; } = new(720);

    /// <summary>1080p.</summary>
    public static VideoClarity P1080 { get; } = new(1080);

    /// <summary>The wire value; 0 for <c>default(VideoClarity)</c>, which a submit refuses.</summary>
    public int Value { get; }

    /// <summary>Compares two clarities by value.</summary>
    public static bool operator ==(VideoClarity left, VideoClarity right) => left.Equals(right);

    /// <summary>Compares two clarities by value.</summary>
    public static bool operator !=(VideoClarity left, VideoClarity right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(VideoClarity other) => Value == other.Value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is VideoClarity other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value;

    /// <summary>Returns the wire value as text, for example <c>"1080"</c>.</summary>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
