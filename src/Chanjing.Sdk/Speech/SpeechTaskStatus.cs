using System.Globalization;

namespace Chanjing.Sdk;

/// <summary>
/// The state of a speech task (<c>status</c> of <c>audio_task_state</c>): 1 or 10 generating (the sources disagree), 9
/// finished, which covers failures too: a finished task succeeded only with no error message and an audio URL
/// (<see cref="SpeechTask.IsSucceeded"/>). An extensible value: a number this version does not know is polled through.
/// </summary>
public readonly struct SpeechTaskStatus : IEquatable<SpeechTaskStatus>
{
    /// <summary>Creates a status from its wire value.</summary>
    /// <param name="value">The wire value, kept verbatim.</param>
    public SpeechTaskStatus(int value) => Value = value;

    /// <summary>Being generated (1, as Chanjing's scripts see it).</summary>
    public static SpeechTaskStatus Generating { get; } = new(1);

    /// <summary>Finished (9), successfully or not.</summary>
    public static SpeechTaskStatus Finished { get; } = new(9);

    /// <summary>The wire value.</summary>
    public int Value { get; }

    /// <summary>Whether the task will not change any more (9).</summary>
    public bool IsFinished => Value == 9;

    /// <summary>Whether the value is one this version knows (1, 10, 9).</summary>
    public bool IsKnown => Value is 1 or 10 or 9;

    /// <summary>Compares two statuses.</summary>
    /// <param name="left">A status.</param>
    /// <param name="right">Another status.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(SpeechTaskStatus left, SpeechTaskStatus right) => left.Equals(right);

    /// <summary>Compares two statuses.</summary>
    /// <param name="left">A status.</param>
    /// <param name="right">Another status.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(SpeechTaskStatus left, SpeechTaskStatus right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(SpeechTaskStatus other) => Value == other.Value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SpeechTaskStatus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value;

    /// <summary>The value with its meaning, such as <c>9 (finished)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture) + (Value switch
    {
        1 or 10 => " (generating)",
        9 => " (finished)",
        _ => " (unknown)",
    });
}
