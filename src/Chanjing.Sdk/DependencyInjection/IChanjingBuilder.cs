using Microsoft.Extensions.DependencyInjection;

namespace Chanjing.Sdk;

/// <summary>What <c>AddChanjing</c> returns: the registration, for <c>UseDistributedTokenCache()</c> and transport settings.</summary>
public interface IChanjingBuilder
{
    /// <summary>The registration's name (the empty string for the unnamed one); also the name of its <see cref="ChanjingOptions"/>.</summary>
    string Name { get; }

    /// <summary>The service collection the registration was added to.</summary>
    IServiceCollection Services { get; }

    /// <summary>
    /// The registration's HttpClient, for transport settings (primary handler, proxy, certificates, logging). Handlers
    /// added here run around the SDK's own: a retry or hedging handler cannot make a request go out twice, because the
    /// SDK appends a handler next to the network that lets each SDK attempt through once; their timeouts, circuit
    /// breakers and rate limiters apply, and their exceptions surface as <see cref="ChanjingException"/>.
    /// </summary>
    IHttpClientBuilder HttpClientBuilder { get; }
}
