using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Chanjing.Sdk.Tests.TestSupport;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that reports every timer created, so a test can wait until the code under test
/// has started a delay (synchronisation, not sleeping) and then advance exactly to it.
/// </summary>
internal sealed class ManualTimeProvider : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public ManualTimeProvider()
        : base(new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero))
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        // Reported only once the timer exists: a test that advances the clock on the report must find it scheduled.
        var timer = new RecordingTimer(base.CreateTimer(callback, state, dueTime, period), this);
        Report(dueTime);
        return timer;
    }

    private void Report(TimeSpan dueTime)
    {
        // Infinite timers are placeholders (for example a CancellationTokenSource before CancelAfter): only real due times count.
        if (dueTime < TimeSpan.Zero)
        {
            return;
        }

        _timers.Writer.TryWrite(dueTime);
    }

    private sealed class RecordingTimer(ITimer inner, ManualTimeProvider owner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            owner.Report(dueTime);
            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }

    /// <summary>Waits (bounded by a real-time guard) until the next timer is created and returns its due time.</summary>
    public async Task<TimeSpan> NextTimerAsync()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return await _timers.Reader.ReadAsync(guard.Token);
    }
}
