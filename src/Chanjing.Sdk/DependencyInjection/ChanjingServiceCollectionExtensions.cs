using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
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
    /// <returns>The registration's builder (for <see cref="UseDistributedTokenCache"/>, and transport settings through <see cref="IChanjingBuilder.HttpClientBuilder"/>).</returns>
    public static IChanjingBuilder AddChanjing(this IServiceCollection services, Action<ChanjingOptions> configure)
    {
        Guard.NotNull(configure, nameof(configure));
        return AddCore(services, Options.DefaultName).ConfigureOptions(Options.DefaultName, configure);
    }

    /// <summary>
    /// Registers <see cref="IChanjingClient"/> and <see cref="ChanjingClient"/> as a typed client, with options read
    /// from the configuration section <c>Chanjing</c> of <paramref name="configuration"/> (the root configuration;
    /// a section whose key is already <c>Chanjing</c>, in any case, is used as it is) and validated when the host starts.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The root configuration, or the <c>Chanjing</c> section itself.</param>
    /// <returns>The registration's builder (for <see cref="UseDistributedTokenCache"/>, and transport settings through <see cref="IChanjingBuilder.HttpClientBuilder"/>).</returns>
    public static IChanjingBuilder AddChanjing(this IServiceCollection services, IConfiguration configuration)
    {
        Guard.NotNull(configuration, nameof(configuration));
        // Configuration keys are case-insensitive: GetSection("chanjing") is the Chanjing section too (issue 22, B1).
        var section = configuration is IConfigurationSection own && string.Equals(own.Key, ChanjingOptions.SectionName, StringComparison.OrdinalIgnoreCase)
            ? own
            : configuration.GetSection(ChanjingOptions.SectionName);
        return AddCore(services, Options.DefaultName).ConfigureOptions(Options.DefaultName, options => ChanjingOptionsBinder.Bind(section, options));
    }

    /// <summary>
    /// Registers a named Chanjing account (for apps with several). Resolve it with
    /// <see cref="IChanjingClientFactory.CreateClient"/>, or as a keyed <see cref="IChanjingClient"/> service (on .NET 8 and later).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The registration's name.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The registration's builder (for <see cref="UseDistributedTokenCache"/>, and transport settings through <see cref="IChanjingBuilder.HttpClientBuilder"/>).</returns>
    public static IChanjingBuilder AddChanjing(this IServiceCollection services, string name, Action<ChanjingOptions> configure)
    {
        Guard.NotNullOrWhiteSpace(name, nameof(name));
        Guard.NotNull(configure, nameof(configure));
        return AddCore(services, name).ConfigureOptions(name, configure);
    }

    /// <summary>Registers a named Chanjing account whose options are read from <paramref name="section"/> itself.</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The registration's name.</param>
    /// <param name="section">The configuration section holding this account's settings.</param>
    /// <returns>The registration's builder (for <see cref="UseDistributedTokenCache"/>, and transport settings through <see cref="IChanjingBuilder.HttpClientBuilder"/>).</returns>
    public static IChanjingBuilder AddChanjing(this IServiceCollection services, string name, IConfiguration section)
    {
        Guard.NotNullOrWhiteSpace(name, nameof(name));
        Guard.NotNull(section, nameof(section));
        return AddCore(services, name).ConfigureOptions(name, options => ChanjingOptionsBinder.Bind(section, options));
    }

    /// <summary>
    /// Shares this registration's access tokens through the registered <see cref="IDistributedCache"/> (Redis, SQL
    /// Server, ...), so that every instance of the app uses one token instead of invalidating each other's. When the
    /// cache fails, the client logs it and fetches a token directly rather than failing the call.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddChanjing</c>.</param>
    /// <returns>The same builder.</returns>
    public static IChanjingBuilder UseDistributedTokenCache(this IChanjingBuilder builder)
    {
        Guard.NotNull(builder, nameof(builder));
        builder.Services.TryAddSingleton(sp => new DistributedChanjingTokenCache(sp.GetRequiredService<IDistributedCache>()));
        builder.Services.AddOptions<ChanjingOptions>(builder.Name).Configure<DistributedChanjingTokenCache>((options, cache) => options.TokenCache = cache);
        return builder;
    }

    private static ChanjingBuilder AddCore(IServiceCollection services, string name)
    {
        Guard.NotNull(services, nameof(services));
        services.AddOptions<ChanjingOptions>(name).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ChanjingOptions>, ChanjingOptionsValidator>());
        services.TryAddSingleton<ChanjingClientRegistry>();
        if (!services.Any(d => d.ServiceType == typeof(ChanjingRegistrationName) && d.ImplementationInstance is ChanjingRegistrationName { Name: var existing } && existing == name))
        {
            services.AddSingleton(new ChanjingRegistrationName(name));
        }

        services.TryAddSingleton<IChanjingClientFactory, ChanjingClientFactory>();
        var httpClientName = HttpClientNameOf(name);
        var httpClient = services.AddHttpClient(httpClientName)
            // The SDK owns its timeouts: HttpClient's 100 s default must not cut AttemptTimeout or uploads short.
            .ConfigureHttpClient(static client => client.Timeout = Timeout.InfiniteTimeSpan);

        // Registered after AddHttpClient's own filters, so the single-send handler is appended after every handler the
        // app configures (ConfigureHttpClientDefaults included) and sits next to the network.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, SingleSendHandlerFilter>());

        // The access_token header is redacted in IHttpClientFactory's logs whatever redaction the app configures: a
        // post-configuration runs after every Configure, and keeps the app's own rule for other headers.
        services.PostConfigure<HttpClientFactoryOptions>(httpClientName, static options =>
        {
            var appRule = options.ShouldRedactHeaderValue;
            options.ShouldRedactHeaderValue = header => IsSecretHeader(header) || (appRule?.Invoke(header) ?? false);
        });

        // One client per registration: it takes a fresh HttpClient from the factory for each call, so it can live as
        // long as the container without pinning a handler, and resolving it in a loop allocates nothing that the root
        // scope would keep alive.
        if (name == Options.DefaultName)
        {
            services.TryAddSingleton(static sp => sp.GetRequiredService<ChanjingClientRegistry>().Get(Options.DefaultName));
            services.TryAddSingleton<IChanjingClient>(static sp => sp.GetRequiredService<ChanjingClient>());
        }

#if NET8_0_OR_GREATER
        services.AddKeyedSingleton<IChanjingClient>(name, static (sp, key) => sp.GetRequiredService<ChanjingClientRegistry>().Get((string)key!));
        services.AddKeyedSingleton<ChanjingClient>(name, static (sp, key) => sp.GetRequiredService<ChanjingClientRegistry>().Get((string)key!));
#endif
        return new ChanjingBuilder(name, services, httpClient);
    }

    private static ChanjingBuilder ConfigureOptions(this ChanjingBuilder builder, string name, Action<ChanjingOptions> configure)
    {
        builder.Services.AddOptions<ChanjingOptions>(name).Configure(configure);
        return builder;
    }

    /// <summary>Headers whose values are credentials.</summary>
    internal static bool IsSecretHeader(string header) => string.Equals(header, "access_token", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether an IHttpClientFactory name belongs to a Chanjing registration.</summary>
    internal static bool IsChanjingClientName(string? name) =>
        name is not null && (name == HttpClientName || name.StartsWith(HttpClientName + ":", StringComparison.Ordinal));

    /// <summary>The IHttpClientFactory name of a registration: <c>Chanjing</c>, or <c>Chanjing:{name}</c> for a named one.</summary>
    internal static string HttpClientNameOf(string name) => name.Length == 0 ? HttpClientName : HttpClientName + ":" + name;
}
