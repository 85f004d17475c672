
namespace Chanjing.Sdk;

/// <summary>The quality mode of models that have one (the wire field <c>quality_mode</c>): <see cref="Standard"/> or <see cref="Pro"/>, or another value the service accepts.</summary>
public readonly struct QualityMode : IEquatable<QualityMode>
{
    private readonly string? _value;

    /// <summary>Creates a quality mode from its wire value.</summary>
    /// <param name="value">The wire value. Must not be null, empty or whitespace.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty or whitespace.</exception>
    public QualityMode(string value)
    {
        Guard.NotNullOrWhiteSpace(value, nameof(value));
        _value = value;
    }

    /// <summary>Standard quality: <c>std</c>.</summary>
    public static QualityMode Standard { get; } = new("std");

    /// <summary>Professional quality: <c>pro</c>.</summary>
    public static QualityMode Pro { get; } = new("pro");

    /// <summary>The wire value; empty for <c>default(QualityMode)</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Compares two modes by wire value (ordinal).</summary>
    public static bool operator ==(QualityMode left, QualityMode right) => left.Equals(right);

    /// <summary>Compares two modes by wire value (ordinal).</summary>
    public static bool operator !=(QualityMode left, QualityMode right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(QualityMode other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is QualityMode other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>Returns the wire value.</summary>
    public override string ToString() => Value;
}
