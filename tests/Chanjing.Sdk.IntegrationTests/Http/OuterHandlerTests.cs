using Chanjing.Emulator;
using Microsoft.Extensions.DependencyInjection;
using Polly.CircuitBreaker;

namespace Chanjing.Sdk.IntegrationTests.Http;

/// <summary>Issue 12, case 1: handlers the app adds around the Chanjing HttpClient never make a request go out twice.</summary>
public sealed class OuterHandlerTests
{
    [Fact]
    public async Task Submit_WithStandardResilienceHandlerOnAllClients_PostsOnce()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        emulator.AddFault(EmulatorEndpoint.Submit, EmulatorFault.WithHttpStatus(502), count: 10);
        var services = new ServiceCollection();
        // What the .NET Aspire service defaults do for every HttpClient of the app.
        services.ConfigureHttpClientDefaults(b => b.AddStandardResilienceHandler());
        services.AddChanjing(o => Configure(o, emulator));
        await using var provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAsync<ChanjingSubmitOutcomeUnknownException>(() => provider.GetRequiredService<IChanjingClient>().SubmitReferenceVideoAsync(Support.Request()));

        Assert.Equal(1, emulator.CountRequests(EmulatorEndpoint.Submit));
        Assert.Equal(0, emulator.TaskCount);
        Assert.Contains("502", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_WithRetryingHandlerAddedToTheBuilder_PostsOnce()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        emulator.AddFault(EmulatorEndpoint.Submit, EmulatorFault.WithHttpStatus(503), count: 10);
        var retries = new RetryFourTimesHandler();
        var services = new ServiceCollection();
        services.AddChanjing(o => Configure(o, emulator)).HttpClientBuilder.AddHttpMessageHandler(() => retries);
        await using var provider = services.BuildServiceProvider();

        await Assert.ThrowsAsync<ChanjingSubmitOutcomeUnknownException>(() => provider.GetRequiredService<IChanjingClient>().SubmitReferenceVideoAsync(Support.Request()));

        Assert.Equal(1, emulator.CountRequests(EmulatorEndpoint.Submit));
        Assert.True(retries.Sends > 1, "the outer handler did try to send again");
    }

    [Fact]
    public async Task Read_WithStandardResilienceHandlerOnAllClients_OneRequestPerSdkAttempt()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using (var plain = Support.Client(emulator))
        {
            var id = await plain.SubmitReferenceVideoAsync(Support.Request());
            emulator.ClearJournal();
            emulator.AddFault(EmulatorEndpoint.GetTask, EmulatorFault.WithHttpStatus(500), count: 2);
            var services = new ServiceCollection();
            services.ConfigureHttpClientDefaults(b => b.AddStandardResilienceHandler());
            services.AddChanjing(o => Configure(o, emulator, retries: 2));
            await using var provider = services.BuildServiceProvider();

            var task = await provider.GetRequiredService<IChanjingClient>().GetTaskAsync(id);

            Assert.Equal(id, task.Id);
            // Two failed SDK attempts and the successful third: the outer handler added none.
            Assert.Equal(3, emulator.CountRequests(EmulatorEndpoint.GetTask));
        }
    }

    [Fact]
    public async Task Submit_OuterCircuitBreakerOpen_ChanjingExceptionSaysNotSent()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        var services = new ServiceCollection();
        services.AddChanjing(o => Configure(o, emulator, retries: 0)).HttpClientBuilder.AddHttpMessageHandler(() => new ThrowingHandler(new BrokenCircuitException("open")));
        await using var provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAsync<ChanjingException>(() => provider.GetRequiredService<IChanjingClient>().SubmitReferenceVideoAsync(Support.Request()));

        Assert.IsNotType<ChanjingSubmitOutcomeUnknownException>(error);
        Assert.Contains("not sent", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, emulator.CountRequests(EmulatorEndpoint.Submit));
        Assert.Equal(0, emulator.CountRequests(EmulatorEndpoint.ListTasks));
    }

    [Fact]
    public async Task Submit_AttemptTimesOutWhileAnOuterHandlerWaitsToRetryA429_RetriedAsRefusedNotReconciled()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        emulator.AddFault(EmulatorEndpoint.Submit, EmulatorFault.WithHttpStatus(429));
        var services = new ServiceCollection();
        services.AddChanjing(o =>
        {
            Configure(o, emulator, retries: 2);
            o.AttemptTimeout = TimeSpan.FromMilliseconds(500);
        }).HttpClientBuilder.AddHttpMessageHandler(() => new WaitBeforeRetryHandler());
        await using var provider = services.BuildServiceProvider();

        var id = await provider.GetRequiredService<IChanjingClient>().SubmitReferenceVideoAsync(Support.Request());

        Assert.False(string.IsNullOrEmpty(id));
        Assert.Equal(2, emulator.CountRequests(EmulatorEndpoint.Submit)); // the refused one and the SDK's retry
        Assert.Equal(1, emulator.TaskCount);
        Assert.Equal(0, emulator.CountRequests(EmulatorEndpoint.ListTasks)); // no reconciliation: the outcome was known
    }

    private static void Configure(ChanjingOptions o, ChanjingEmulator emulator, int retries = 3)
    {
        o.BaseAddress = emulator.BaseAddress;
        o.AppId = emulator.AppId;
        o.SecretKey = emulator.SecretKey;
        o.Retry.MaxAttempts = retries;
        o.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
        o.Reconciliation.Attempts = 1;
        o.Reconciliation.Delay = TimeSpan.FromMilliseconds(10);
    }

    /// <summary>A naive app-level retry handler: sends up to four times while the answer is a 5xx.</summary>
    private sealed class RetryFourTimesHandler : DelegatingHandler
    {
        private int _sends;

        public int Sends => Volatile.Read(ref _sends);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            for (var attempt = 1; ; attempt++)
            {
                Interlocked.Increment(ref _sends);
                var response = await base.SendAsync(request, cancellationToken);
                if ((int)response.StatusCode < 500 || attempt == 4)
                {
                    return response;
                }

                response.Dispose();
            }
        }
    }

    /// <summary>An app-level retry handler whose delay after a 429 outlasts the SDK's attempt timeout.</summary>
    private sealed class WaitBeforeRetryHandler : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if ((int)response.StatusCode != 429)
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return await base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class ThrowingHandler(Exception error) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => Task.FromException<HttpResponseMessage>(error);
    }
}
