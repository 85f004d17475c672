using Microsoft.Extensions.DependencyInjection;

namespace Chanjing.Sdk.Internal.DependencyInjection;

/// <summary>The <see cref="IChanjingBuilder"/> of one registration.</summary>
internal sealed class ChanjingBuilder(string name, IServiceCollection services, IHttpClientBuilder httpClientBuilder) : IChanjingBuilder
{
    public string Name { get; } = name;

    public IServiceCollection Services { get; } = services;

    public IHttpClientBuilder HttpClientBuilder { get; } = httpClientBuilder;
}
