namespace Chanjing.Sdk.Internal.Waiting;

/// <summary>
/// The pauses of a wait: start at the poll interval, grow ×1.5 to the ceiling, each with ±20 % jitter. No pause is longer
/// than a timer can be (<see cref="WaitDeadline.LongestTimer"/>, about 49.7 days), whatever the options say.
/// </summary>
internal sealed class PollSchedule(TimeSpan first, TimeSpan max)
{
    public const double Growth = 1.5;
    public const double Jitter = 0.2;

    private static readonly TimeSpan Longest = TimeSpan.FromTicks((long)(WaitDeadline.LongestTimer.Ticks / (1 + Jitter)));

#if !NET8_0_OR_GREATER
    private static readonly object RandomGate = new();
    private static readonly Random SharedRandom = new();
#endif

    private readonly TimeSpan _max = max > Longest ? Longest : max;
    private TimeSpan _base = first > Longest ? Longest : first;

    /// <summary>The next pause (jittered), advancing the schedule.</summary>
    public TimeSpan Next()
    {
        var current = _base;
        var grown = TimeSpan.FromTicks((long)(current.Ticks * Growth));
        _base = grown > _max ? _max : grown;
        var factor = 1 - Jitter + (2 * Jitter * NextDouble());
        return TimeSpan.FromTicks(Math.Max(1, (long)(current.Ticks * factor)));
    }

    private static double NextDouble()
    {
#if NET8_0_OR_GREATER
        return Random.Shared.NextDouble();
#else
        lock (RandomGate)
        {
            return SharedRandom.NextDouble();
        }
#endif
    }
}
