namespace Chanjing.Sdk;

/// <summary>How a public avatar is framed (<c>figures[].type</c>); extensible: unknown values are kept.</summary>
public readonly struct AvatarFigureType : IEquatable<AvatarFigureType>
{
    private readonly string? _value;

    /// <summary>Creates a figure type from its wire value.</summary>
    /// <param name="value">The wire value, such as <c>sit_body</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty or whitespace.</exception>
    public AvatarFigureType(string value) => _value = Guard.NotNullOrWhiteSpace(value, nameof(value));

    /// <summary>The whole body (<c>whole_body</c>).</summary>
    public static AvatarFigureType WholeBody { get; } = new("whole_body");

    /// <summary>Sitting, upper body (<c>sit_body</c>).</summary>
    public static AvatarFigureType SitBody { get; } = new("sit_body");

    /// <summary>A round head-and-shoulders view (<c>circle_view</c>).</summary>
    public static AvatarFigureType CircleView { get; } = new("circle_view");

    /// <summary>The wire value; empty for <c>default(AvatarFigureType)</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether two figure types have the same wire value.</summary>
    public static bool operator ==(AvatarFigureType left, AvatarFigureType right) => left.Equals(right);

    /// <summary>Whether two figure types differ.</summary>
    public static bool operator !=(AvatarFigureType left, AvatarFigureType right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(AvatarFigureType other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AvatarFigureType other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
