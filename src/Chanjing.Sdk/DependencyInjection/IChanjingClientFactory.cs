namespace Chanjing.Sdk;

/// <summary>Creates the clients of named Chanjing registrations.</summary>
public interface IChanjingClientFactory
{
    /// <summary>Returns the client of the registration called <paramref name="name"/> (<see cref="Microsoft.Extensions.Options.Options.DefaultName"/>, the empty string, for the unnamed one).</summary>
    /// <param name="name">The registration's name.</param>
    /// <returns>The registration's client: one per registration, sharing its token, rate limit and resilience pipeline.</returns>
    /// <exception cref="ArgumentException">No registration has that name (the message lists the registered names).</exception>
    IChanjingClient CreateClient(string name);
}
