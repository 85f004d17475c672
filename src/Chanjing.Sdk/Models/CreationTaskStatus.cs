using System.Text.Json.Serialization;

namespace Chanjing.Sdk;

/// <summary>
/// The state of a task as the service reports it (the wire field <c>progress_desc</c>). An extensible value:
/// a status this version does not know is preserved verbatim, is not terminal, and does not end a wait.
/// </summary>
[JsonConverter(typeof(CreationTaskStatusJsonConverter))]
public readonly struct CreationTaskStatus : IEquatable<CreationTaskStatus>
{
    private readonly string? _value;

    /// <summary>Creates a status from its wire value.</summary>
    /// <param name="value">The wire value, kept verbatim.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public CreationTaskStatus(string value)
    {
        Guard.NotNull(value, nameof(value));
        _value = value;
    }

    /// <summary>Waiting in the queue.</summary>
    public static CreationTaskStatus Queued { get; } = new("Queued");

    /// <summary>Accepted and about to start.</summary>
    public static CreationTaskStatus Ready { get; } = new("Ready");

    /// <summary>Being generated.</summary>
    public static CreationTaskStatus Generating { get; } = new("Generating");

    /// <summary>Finished; the outputs are available.</summary>
    public static CreationTaskStatus Success { get; } = new("Success");

    /// <summary>Ended with an error (not charged).</summary>
    public static CreationTaskStatus Error { get; } = new("Error");

    /// <summary>Ended as failed (not charged).</summary>
    public static CreationTaskStatus Fail { get; } = new("Fail");

    /// <summary>The wire value, verbatim.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether the task will not change any more: <see cref="Success"/>, <see cref="Error"/> or <see cref="Fail"/>.</summary>
    public bool IsTerminal => IsSuccess || IsFailure;

    /// <summary>Whether the task succeeded.</summary>
    public bool IsSuccess => Equals(Success);

    /// <summary>Whether the task ended as <see cref="Error"/> or <see cref="Fail"/>.</summary>
    public bool IsFailure => Equals(Error) || Equals(Fail);

    /// <summary>Whether the value is one of the six statuses this version knows.</summary>
    public bool IsKnown => IsTerminal || Equals(Queued) || Equals(Ready) || Equals(Generating);

    /// <summary>Compares two statuses by wire value, ignoring case.</summary>
    public static bool operator ==(CreationTaskStatus left, CreationTaskStatus right) => left.Equals(right);

    /// <summary>Compares two statuses by wire value, ignoring case.</summary>
    public static bool operator !=(CreationTaskStatus left, CreationTaskStatus right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(CreationTaskStatus other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CreationTaskStatus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>Returns the wire value.</summary>
    public override string ToString() => Value;
}
