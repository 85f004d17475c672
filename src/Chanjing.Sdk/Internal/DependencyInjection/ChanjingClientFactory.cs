namespace Chanjing.Sdk.Internal.DependencyInjection;

/// <summary>Hands out the one client of each registration.</summary>
internal sealed class ChanjingClientFactory(ChanjingClientRegistry registry) : IChanjingClientFactory
{
    public IChanjingClient CreateClient(string name)
    {
        Guard.NotNull(name, nameof(name));
        return registry.Get(name);
    }
}
