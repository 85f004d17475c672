namespace Chanjing.Sdk.Internal.Pipeline;

/// <summary>
/// The service's clock as measured from the <c>Date</c> header of its answers: how far it runs ahead of (positive) or
/// behind (negative) this client's clock. Reconciliation uses it to look back exactly as far as the clocks differ.
/// </summary>
internal sealed class ServerClock
{
    private long _offsetTicks;
    private int _measured;

    /// <summary>The last measured offset, or null before any answer carried a <c>Date</c>.</summary>
    public TimeSpan? Offset => Volatile.Read(ref _measured) == 1 ? TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks)) : null;

    public void Observe(DateTimeOffset? serverDate, DateTimeOffset localNow)
    {
        if (serverDate is not { } date)
        {
            return;
        }

        Interlocked.Exchange(ref _offsetTicks, (date - localNow).Ticks);
        Volatile.Write(ref _measured, 1);
    }
}
