using Chanjing.Sdk.Internal;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chanjing.Sdk;

/// <summary>Registers <see cref="IChanjingClient"/> with dependency injection and IHttpClientFactory.</summary>
public static class ChanjingServiceCollectionExtensions
{
    private const string HttpClientName = "Chanjing";

    /// <summary>
    /// Registers <see cref="IChanjingClient"/> and <see cref="ChanjingClient"/> as a typed client, with options set
    /// by <paramref name="configure"/> and validated when the host starts.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The HTTP client builder, to add your own handlers.</returns>
    public static IHttpClientBuilder AddChanjing(this IServiceCollection services, Action<ChanjingOptions> configure)
    {
        Guard.NotNull(configure, nameof(configure));
        return AddCore(services, Options.DefaultName).ConfigureOptions(Options.DefaultName, configure);
    }

    /// <summary>
    /// Registers <see cref="IChanjingClient"/> and <see cref="ChanjingClient"/> as a typed client, with options read
    /// from the configuration section <c>Chanjing</c> of <paramref name="configuration"/> (the root configuration;
    /// a section whose key is already <c>Chanjing</c> is used as it is) and validated when the host starts.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The root configuration, or the <c>Chanjing</c> section itself.</param>
    /// <returns>The HTTP client builder, to add your own handlers.</returns>
    public static IHttpClientBuilder AddChanjing(this IServiceCollection services, IConfiguration configuration)
    {
        Guard.NotNull(configuration, nameof(configuration));
        var section = configuration is IConfigurationSection { Key: ChanjingOptions.SectionName } own ? own : configuration.GetSection(ChanjingOptions.SectionName);
        return AddCore(services, Options.DefaultName).ConfigureOptions(Options.DefaultName, options => ChanjingOptionsBinder.Bind(section, options));
    }

    /// <summary>
    /// Registers a named Chanjing account (for apps with several). Resolve it with
    /// <see cref="IChanjingClientFactory.CreateClient"/>, or as a keyed <see cref="IChanjingClient"/> service (on .NET 8 and later).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The registration's name.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The HTTP client builder, to add your own handlers.</returns>
    public static IHttpClientBuilder AddChanjing(this IServiceCollection services, string name, Action<ChanjingOptions> configure)
    {
        Guard.NotNullOrWhiteSpace(name, nameof(name));
        Guard.NotNull(configure, nameof(configure));
        return AddCore(services, name).ConfigureOptions(name, configure);
    }

    /// <summary>Registers a named Chanjing account whose options are read from <paramref name="section"/> itself.</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The registration's name.</param>
    /// <param name="section">The configuration section holding this account's settings.</param>
    /// <returns>The HTTP client builder, to add your own handlers.</returns>
    public static IHttpClientBuilder AddChanjing(this IServiceCollection services, string name, IConfiguration section)
    {
        Guard.NotNullOrWhiteSpace(name, nameof(name));
        Guard.NotNull(section, nameof(section));
        return AddCore(services, name).ConfigureOptions(name, options => ChanjingOptionsBinder.Bind(section, options));
    }

    /// <summary>
    /// Shares this registration's access tokens through the registered <see cref="IDistributedCache"/> (Redis, SQL
    /// Server, ...), so that every instance of the app uses one token instead of invalidating each other's.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddChanjing</c>.</param>
    /// <returns>The same builder.</returns>
    public static IHttpClientBuilder UseDistributedTokenCache(this IHttpClientBuilder builder)
    {
        Guard.NotNull(builder, nameof(builder));
        var name = OptionsName(builder);
        builder.Services.TryAddSingleton(sp => new DistributedChanjingTokenCache(sp.GetRequiredService<IDistributedCache>()));
        builder.Services.AddOptions<ChanjingOptions>(name).Configure<DistributedChanjingTokenCache>((options, cache) => options.TokenCache = cache);
        return builder;
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services, string name)
    {
        Guard.NotNull(services, nameof(services));
        services.AddOptions<ChanjingOptions>(name).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ChanjingOptions>, ChanjingOptionsValidator>());
        services.TryAddSingleton<ChanjingPipelineRegistry>();
        services.TryAddSingleton<IChanjingClientFactory, ChanjingClientFactory>();
        var builder = services.AddHttpClient(HttpClientNameOf(name))
            // The SDK owns its timeouts: HttpClient's 100 s default must not cut AttemptTimeout or uploads short.
            .ConfigureHttpClient(static client => client.Timeout = Timeout.InfiniteTimeSpan);
        if (name == Options.DefaultName)
        {
            builder.AddTypedClient<ChanjingClient>((http, sp) => new ChanjingClient(http, sp.GetRequiredService<ChanjingPipelineRegistry>().Get(name), ownsHttpClient: false, ownsPipeline: false));
            services.TryAddTransient<IChanjingClient>(static sp => sp.GetRequiredService<ChanjingClient>());
        }

#if NET8_0_OR_GREATER
        services.AddKeyedTransient<IChanjingClient>(name, static (sp, key) => sp.GetRequiredService<IChanjingClientFactory>().CreateClient((string)key!));
        services.AddKeyedTransient<ChanjingClient>(name, static (sp, key) => (ChanjingClient)sp.GetRequiredService<IChanjingClientFactory>().CreateClient((string)key!));
#endif
        return builder;
    }

    private static IHttpClientBuilder ConfigureOptions(this IHttpClientBuilder builder, string name, Action<ChanjingOptions> configure)
    {
        builder.Services.AddOptions<ChanjingOptions>(name).Configure(configure);
        return builder;
    }

    private static string OptionsName(IHttpClientBuilder builder) =>
        builder.Name == HttpClientName ? Options.DefaultName
        : builder.Name.StartsWith(HttpClientName + ":", StringComparison.Ordinal) ? builder.Name.Substring(HttpClientName.Length + 1)
        : throw new ArgumentException("The builder was not returned by AddChanjing.", nameof(builder));

    /// <summary>The IHttpClientFactory name of a registration: <c>Chanjing</c>, or <c>Chanjing:{name}</c> for a named one.</summary>
    internal static string HttpClientNameOf(string name) => name.Length == 0 ? HttpClientName : HttpClientName + ":" + name;
}

/// <summary>Creates the clients of named Chanjing registrations.</summary>
public interface IChanjingClientFactory
{
    /// <summary>Creates a client for the registration called <paramref name="name"/> (<see cref="Options.DefaultName"/>, the empty string, for the unnamed one).</summary>
    /// <param name="name">The registration's name.</param>
    /// <returns>A client; cheap to create, and sharing the registration's token, rate limit and resilience pipeline.</returns>
    IChanjingClient CreateClient(string name);
}

internal sealed class ChanjingClientFactory(IHttpClientFactory httpClients, ChanjingPipelineRegistry pipelines) : IChanjingClientFactory
{
    public IChanjingClient CreateClient(string name)
    {
        Guard.NotNull(name, nameof(name));
        return new ChanjingClient(httpClients.CreateClient(ChanjingServiceCollectionExtensions.HttpClientNameOf(name)), pipelines.Get(name), ownsHttpClient: false, ownsPipeline: false);
    }
}

/// <summary>One pipeline (token, rate limiter, resilience) per registration, shared by its transient clients.</summary>
internal sealed class ChanjingPipelineRegistry(IOptionsMonitor<ChanjingOptions> options, ILoggerFactory? loggerFactory = null) : IDisposable
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<ChanjingPipeline>> _pipelines = new(StringComparer.Ordinal);

    public ChanjingPipeline Get(string name) => _pipelines.GetOrAdd(name, n => new Lazy<ChanjingPipeline>(() =>
        new ChanjingPipeline(ChanjingClient.Snapshot(options.Get(n)), (loggerFactory ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).CreateLogger("Chanjing.Sdk.ChanjingClient")))).Value;

    public void Dispose()
    {
        foreach (var pipeline in _pipelines.Values)
        {
            if (pipeline.IsValueCreated)
            {
                pipeline.Value.Dispose();
            }
        }
    }
}

/// <summary>Validates <see cref="ChanjingOptions"/> when the host starts; each failure names the setting.</summary>
internal sealed class ChanjingOptionsValidator : IValidateOptions<ChanjingOptions>
{
    public ValidateOptionsResult Validate(string? name, ChanjingOptions options)
    {
        var failures = options.Validate();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
