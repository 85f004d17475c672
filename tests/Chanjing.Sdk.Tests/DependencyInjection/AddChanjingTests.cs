using System.Text;
using Chanjing.Sdk.Tests.TestSupport;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RichardSzalay.MockHttp;

namespace Chanjing.Sdk.Tests.DependencyInjection;

public sealed class AddChanjingTests
{
    private const string AppSettings = """
        {
          "Chanjing": {
            "BaseAddress": "https://open-api.chanjing.cc",
            "AccessToken": "config-token",
            "AttemptTimeout": "00:00:20",
            "OperationTimeout": "00:01:30",
            "RequestsPerSecond": 0.5,
            "Retry": { "MaxAttempts": 2 },
            "Reconciliation": { "Enabled": false, "Attempts": 5 },
            "Uploads": { "ReadyPollInterval": "00:00:03" }
          }
        }
        """;

    private static HostApplicationBuilder Builder(string json)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        return builder;
    }

    [Fact]
    public async Task AddChanjing_JsonConfiguration_BindsEveryKeyAndResolvesTypedClient()
    {
        var builder = Builder(AppSettings);
        var mock = new MockHttpMessageHandler();
        mock.Expect("https://open-api.chanjing.cc/open/v1/ai_creation/task").WithHeaders("access_token", "config-token").Respond(_ => Wire.Ok(Wire.Task("t1")));
        builder.Services.AddChanjing(builder.Configuration).HttpClientBuilder.ConfigurePrimaryHttpMessageHandler(() => mock);
        using var host = builder.Build();
        await host.StartAsync();

        var options = host.Services.GetRequiredService<IOptionsMonitor<ChanjingOptions>>().CurrentValue;
        var client = host.Services.GetRequiredService<IChanjingClient>();
        var task = await client.GetTaskAsync("t1");

        Assert.IsType<ChanjingClient>(client);
        Assert.Equal("t1", task.Id);
        Assert.Equal((TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(90), 2, 0.5), (options.AttemptTimeout, options.OperationTimeout, options.Retry.MaxAttempts, options.RequestsPerSecond));
        Assert.Equal((false, 5, TimeSpan.FromSeconds(3)), (options.Reconciliation.Enabled, options.Reconciliation.Attempts, options.Uploads.ReadyPollInterval));
        Assert.Equal((TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2)), (options.Retry.BaseDelay, options.Reconciliation.ClockSkew)); // unset: defaults kept
        mock.VerifyNoOutstandingExpectation();
        await host.StopAsync();
    }

    [Fact]
    public void AddChanjing_SectionPassedInsteadOfRoot_IsUsedAsIs()
    {
        var builder = Builder(AppSettings);
        builder.Services.AddChanjing(builder.Configuration.GetSection("Chanjing"));
        using var host = builder.Build();

        Assert.Equal("config-token", host.Services.GetRequiredService<IOptions<ChanjingOptions>>().Value.AccessToken);
    }

    /// <summary>Issue 22, B1: configuration keys are case-insensitive in .NET; <c>GetSection("chanjing")</c> failed with "No credentials".</summary>
    [Theory]
    [InlineData("chanjing", true)]
    [InlineData("CHANJING", true)]
    [InlineData("chanjing", false)]
    [InlineData("CHANJING", false)]
    public async Task AddChanjing_SectionKeyInAnotherCase_IsFound(string key, bool passTheSection)
    {
        var builder = Builder("{\"" + key + "\": {\"AccessToken\": \"config-token\", \"Retry\": {\"MaxAttempts\": 4}}}");
        builder.Services.AddChanjing(passTheSection ? builder.Configuration.GetSection(key) : builder.Configuration);
        using var host = builder.Build();

        await host.StartAsync();

        var options = host.Services.GetRequiredService<IOptions<ChanjingOptions>>().Value;
        Assert.Equal(("config-token", 4), (options.AccessToken, options.Retry.MaxAttempts));
        await host.StopAsync();
    }

    /// <summary>Issue 22, N1: a registration name that does not exist said "No credentials" instead of naming the problem.</summary>
    [Fact]
    public async Task CreateClient_UnknownRegistrationName_NamesItAndTheRegisteredOnes()
    {
        var services = new ServiceCollection();
        services.AddChanjing(o => o.AccessToken = "t");
        services.AddChanjing("brand-a", o => o.AccessToken = "token-a");
        services.AddChanjing("brand-b", o => o.AccessToken = "token-b");
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IChanjingClientFactory>();

        var error = Assert.Throws<ArgumentException>(() => factory.CreateClient("brand-c"));

        Assert.Equal("name", error.ParamName);
        Assert.Contains("No Chanjing registration is named 'brand-c'", error.Message, StringComparison.Ordinal);
        Assert.Contains("the registered names are '' (the unnamed AddChanjing), 'brand-a', 'brand-b'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("credentials", error.Message, StringComparison.OrdinalIgnoreCase);
        // The registered ones still resolve, and asking again gives the same answer (nothing was cached for the unknown name).
        Assert.NotNull(factory.CreateClient("brand-a"));
        Assert.Throws<ArgumentException>(() => factory.CreateClient("brand-c"));
    }

    [Theory]
    [InlineData("""{"Chanjing": {"BaseAddress": "http://example.com", "AccessToken": "t"}}""", "BaseAddress must use https")]
    [InlineData("""{"Chanjing": {"BaseAddress": "not a uri", "AccessToken": "t"}}""", "Chanjing:BaseAddress has the value 'not a uri'")]
    [InlineData("""{"Chanjing": {"AccessToken": "t", "AppId": "a", "SecretKey": "s"}}""", "not both")]
    [InlineData("""{"Chanjing": {"AppId": "a"}}""", "SecretKey is required")]
    [InlineData("""{"Chanjing": {}}""", "No credentials")]
    [InlineData("""{"Chanjing": {"AccessToken": "t", "AttemptTimeout": "-00:00:01"}}""", "AttemptTimeout must be greater than zero")]
    [InlineData("""{"Chanjing": {"AccessToken": "t", "Retry": {"MaxAttempts": "many"}}}""", "Chanjing:Retry:MaxAttempts has the value 'many'")]
    [InlineData("""{"Chanjing": {"AccessToken": "t", "Retry": {"MaxAttempts": 101}}}""", "Retry.MaxAttempts must be between 0 and 100")]
    [InlineData("""{"Chanjing": {"AccessToken": "t", "MaxRetryAttempts": 2}}""", "Chanjing:MaxRetryAttempts is not a Chanjing setting")]
    [InlineData("""{"Chanjing": {"AccessToken": "t", "Retry": {"MaxAttempt": 2}}}""", "Chanjing:Retry:MaxAttempt is not a Chanjing setting; the settings under Chanjing:Retry are MaxAttempts, BaseDelay, MaxRetryAfter")]
    [InlineData("""{"Chanjing": {"AccessToken": "t", "ReconcileUnknownSubmits": false}}""", "Chanjing:ReconcileUnknownSubmits is not a Chanjing setting any more: it is Reconciliation:Enabled now")]
    [InlineData("""{"Chanjing": {"AccessToken": "t", "Reconciliation": false}}""", "Chanjing:Reconciliation must be a group of settings (Enabled, ClaimUniqueMatch, Attempts, Delay, ClockSkew), but has the single value 'False'")]
    [InlineData("""{"Chanjing": {"AccessToken": "t", "Retry": "7"}}""", "Chanjing:Retry must be a group of settings")]
    [InlineData("""{"Chanjing": {"AccessToken": "t", "Retry": {"MaxAttempts": {"Value": 7}}}}""", "Chanjing:Retry:MaxAttempts must be a single value, but has nested keys (Value)")]
    [InlineData("""{"Chanjing": {"AccessToken": "t", "AttemptTimeout": {"Seconds": 5}}}""", "Chanjing:AttemptTimeout must be a single value")]
    [InlineData("""{"Chanjing": {"AccessToken": "t", "Uploads": {"ReadyPollInterval": "60.00:00:00"}}}""", "Uploads.ReadyPollInterval must be between")]
    [InlineData("""{"Chanjing": {"AccessToken": "t", "Reconciliation": {"Delay": "60.00:00:00"}}}""", "Reconciliation.Delay must be between")]
    [InlineData("""{"Chanjing": {"AccessToken": "t", "RequestsPerSecond": 0}}""", "RequestsPerSecond must be greater than 0")]
    public async Task AddChanjing_InvalidConfiguration_FailsStartNamingTheSetting(string json, string expected)
    {
        var builder = Builder(json);
        builder.Services.AddChanjing(builder.Configuration);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddChanjing_HttpUrlOnLoopback_Allowed()
    {
        var builder = Builder("""{"Chanjing": {"BaseAddress": "http://127.0.0.1:5080", "AccessToken": "t"}}""");
        builder.Services.AddChanjing(builder.Configuration);
        using var host = builder.Build();

        await host.StartAsync();

        Assert.Equal(new Uri("http://127.0.0.1:5080"), host.Services.GetRequiredService<IOptions<ChanjingOptions>>().Value.BaseAddress);
        await host.StopAsync();
    }

    [Fact]
    public async Task AddChanjing_TwoNamedAccounts_EachSendsItsOwnToken()
    {
        var services = new ServiceCollection();
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(request => Wire.Ok(Wire.Task(request.Headers.GetValues("access_token").Single())));
        services.AddChanjing("brand-a", o => o.AccessToken = "token-a").HttpClientBuilder.ConfigurePrimaryHttpMessageHandler(() => mock);
        services.AddChanjing("brand-b", o => o.AccessToken = "token-b").HttpClientBuilder.ConfigurePrimaryHttpMessageHandler(() => mock);
        await using var provider = services.BuildServiceProvider();

        var a = provider.GetRequiredService<IChanjingClientFactory>().CreateClient("brand-a");
        var b = provider.GetRequiredKeyedService<IChanjingClient>("brand-b");

        Assert.Equal("token-a", (await a.GetTaskAsync("x")).Id);
        Assert.Equal("token-b", (await b.GetTaskAsync("x")).Id);
    }

    [Fact]
    public void AddChanjing_RegisteredHttpClient_HasInfiniteTimeoutSoTheSdkOwnsTimeouts()
    {
        var services = new ServiceCollection();
        services.AddChanjing(o => o.AccessToken = "t");
        using var provider = services.BuildServiceProvider();

        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient("Chanjing");

        Assert.Equal(Timeout.InfiniteTimeSpan, http.Timeout);
    }

    [Fact]
    public void UseDistributedTokenCache_SetsTheOptionsTokenCache()
    {
        var services = new ServiceCollection();
        services.AddDistributedMemoryCache();
        services.AddChanjing(o =>
        {
            o.AppId = "a";
            o.SecretKey = "s";
        }).UseDistributedTokenCache();
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<ChanjingOptions>>().Value;

        Assert.NotNull(options.TokenCache);
        Assert.NotNull(provider.GetRequiredService<IDistributedCache>());
    }

    [Fact]
    public async Task TypedClients_ShareOnePipelinePerRegistration_SoTheTokenIsFetchedOnce()
    {
        var services = new ServiceCollection();
        var fetches = 0;
        var mock = new MockHttpMessageHandler();
        mock.When("*/access_token").Respond(_ =>
        {
            Interlocked.Increment(ref fetches);
            return Wire.Ok(new System.Text.Json.Nodes.JsonObject { ["access_token"] = "tok", ["expire_in"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds() });
        });
        mock.When("*/task").Respond(_ => Wire.Ok(Wire.Task("t1")));
        services.AddChanjing(o =>
        {
            o.AppId = "di-" + Guid.NewGuid();
            o.SecretKey = "s";
        }).HttpClientBuilder.ConfigurePrimaryHttpMessageHandler(() => mock);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IChanjingClient>().GetTaskAsync("t1");
        await provider.GetRequiredService<IChanjingClient>().GetTaskAsync("t1");

        Assert.Equal(1, fetches);
        // One client per registration: it takes a fresh HttpClient from the factory for each call.
        Assert.Same(provider.GetRequiredService<IChanjingClient>(), provider.GetRequiredService<IChanjingClient>());
    }
}
