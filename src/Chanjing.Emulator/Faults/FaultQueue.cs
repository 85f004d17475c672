namespace Chanjing.Emulator.Faults;

/// <summary>The scripted faults, in order; each applies to one request of its endpoint (or of any endpoint). Thread-safe.</summary>
internal sealed class FaultQueue
{
    private readonly object _gate = new();
    private readonly List<(EmulatorEndpoint Endpoint, EmulatorFault Fault)> _faults = [];

    public void Add(EmulatorEndpoint endpoint, EmulatorFault fault, int count)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _faults.Add((endpoint, fault));
            }
        }
    }

    public EmulatorFault? Take(EmulatorEndpoint endpoint)
    {
        lock (_gate)
        {
            var index = _faults.FindIndex(f => f.Endpoint == endpoint || f.Endpoint == EmulatorEndpoint.Any);
            if (index < 0)
            {
                return null;
            }

            var fault = _faults[index].Fault;
            _faults.RemoveAt(index);
            return fault;
        }
    }
}
