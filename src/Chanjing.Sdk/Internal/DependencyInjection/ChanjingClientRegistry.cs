using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Chanjing.Sdk.Internal.DependencyInjection;

/// <summary>One pipeline (token, rate limiter, resilience) and one client per registration.</summary>
internal sealed class ChanjingClientRegistry(IOptionsMonitor<ChanjingOptions> options, IHttpClientFactory httpClients, IEnumerable<ChanjingRegistrationName> names, ILoggerFactory? loggerFactory = null, IMeterFactory? meterFactory = null) : IDisposable
{
    private readonly string[] _names = names.Select(n => n.Name).Distinct(StringComparer.Ordinal).ToArray();

    // Under a host the meter comes from its IMeterFactory (disposed with the container); without one, the shared meter.
    private readonly ChanjingTelemetry _telemetry = meterFactory is null ? ChanjingTelemetry.Shared : ChanjingTelemetry.FromFactory(meterFactory);

    private readonly ConcurrentDictionary<string, Lazy<(ChanjingPipeline Pipeline, ChanjingClient Client)>> _registrations = new(StringComparer.Ordinal);

    public ChanjingClient Get(string name)
    {
        if (Array.IndexOf(_names, name) < 0)
        {
            // Not "No credentials" from the options of a name nobody configured: say what is wrong (issue 22, N1).
            var registered = _names.Length == 0 ? "none" : string.Join(", ", _names.Select(n => n.Length == 0 ? "'' (the unnamed AddChanjing)" : $"'{n}'"));
            throw new ArgumentException($"No Chanjing registration is named '{name}'; the registered names are {registered}. Register it with services.AddChanjing(\"{name}\", ...), or check the spelling (names are case-sensitive).", nameof(name));
        }

        return GetRegistered(name);
    }

    private ChanjingClient GetRegistered(string name) => _registrations.GetOrAdd(name, n => new Lazy<(ChanjingPipeline, ChanjingClient)>(() =>
    {
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Chanjing.Sdk.ChanjingClient");
        var pipeline = new ChanjingPipeline(ChanjingClient.Snapshot(options.Get(n)), logger, guarded: true, _telemetry, nameof(ChanjingClient));
        var httpClientName = ChanjingServiceCollectionExtensions.HttpClientNameOf(n);
        return (pipeline, new ChanjingClient(() => httpClients.CreateClient(httpClientName), pipeline));
    })).Value.Client;

    public void Dispose()
    {
        foreach (var registration in _registrations.Values)
        {
            if (registration.IsValueCreated)
            {
                registration.Value.Pipeline.Dispose();
            }
        }
    }
}
