namespace Chanjing.Emulator.Journal;

/// <summary>Every request received (and every callback sent), oldest first, plus the outcome of each callback attempt. Thread-safe.</summary>
internal sealed class RequestJournal
{
    private readonly object _gate = new();
    private readonly List<EmulatorRequest> _requests = [];
    private readonly List<EmulatorCallbackDelivery> _deliveries = [];

    public void Record(EmulatorRequest request)
    {
        lock (_gate)
        {
            _requests.Add(request);
        }
    }

    public void Record(EmulatorCallbackDelivery delivery)
    {
        lock (_gate)
        {
            _deliveries.Add(delivery);
        }
    }

    public IReadOnlyList<EmulatorRequest> Requests()
    {
        lock (_gate)
        {
            return [.. _requests];
        }
    }

    public IReadOnlyList<EmulatorCallbackDelivery> Deliveries()
    {
        lock (_gate)
        {
            return [.. _deliveries];
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _requests.Clear();
            _deliveries.Clear();
        }
    }
}
