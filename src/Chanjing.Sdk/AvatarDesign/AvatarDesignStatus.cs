namespace Chanjing.Sdk;

/// <summary>
/// The state of an avatar-design task (photo and motion: <c>progress_desc</c>; LoRA: <c>status</c>): <c>Queued</c>,
/// <c>Ready</c>, <c>Published</c>, <c>Generating</c>, then <c>Success</c>, <c>Error</c> or <c>Fail</c>. An extensible
/// value: a status this version does not know is kept verbatim and polled through.
/// </summary>
public readonly struct AvatarDesignStatus : IEquatable<AvatarDesignStatus>
{
    private readonly string? _value;

    /// <summary>Creates a status from its wire value.</summary>
    /// <param name="value">The wire value, kept verbatim.</param>
    public AvatarDesignStatus(string value) => _value = Guard.NotNull(value, nameof(value));

    /// <summary>Waiting in the queue.</summary>
    public static AvatarDesignStatus Queued { get; } = new("Queued");

    /// <summary>Being generated.</summary>
    public static AvatarDesignStatus Generating { get; } = new("Generating");

    /// <summary>Finished; the outputs are ready.</summary>
    public static AvatarDesignStatus Success { get; } = new("Success");

    /// <summary>Failed.</summary>
    public static AvatarDesignStatus Fail { get; } = new("Fail");

    /// <summary>Ended with an error.</summary>
    public static AvatarDesignStatus Error { get; } = new("Error");

    /// <summary>The wire value, verbatim.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether the task succeeded.</summary>
    public bool IsSucceeded => Equals(Success);

    /// <summary>Whether the task ended as <c>Error</c> or <c>Fail</c>.</summary>
    public bool IsFailed => Equals(Error) || Equals(Fail);

    /// <summary>Whether the task will not change any more.</summary>
    public bool IsFinished => IsSucceeded || IsFailed;

    /// <summary>Whether the value is one this version knows.</summary>
    public bool IsKnown => IsFinished || Value is "Queued" or "Ready" or "Published" or "Generating";

    /// <summary>Compares two statuses by wire value, ignoring case.</summary>
    /// <param name="left">A status.</param>
    /// <param name="right">Another status.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(AvatarDesignStatus left, AvatarDesignStatus right) => left.Equals(right);

    /// <summary>Compares two statuses by wire value, ignoring case.</summary>
    /// <param name="left">A status.</param>
    /// <param name="right">Another status.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(AvatarDesignStatus left, AvatarDesignStatus right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(AvatarDesignStatus other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AvatarDesignStatus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>Returns the wire value.</summary>
    /// <returns>The value.</returns>
    public override string ToString() => Value;
}
