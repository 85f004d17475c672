using System.Diagnostics;
using Chanjing.Emulator;
using Microsoft.Extensions.DependencyInjection;

namespace Chanjing.Sdk.IntegrationTests.Http;

/// <summary>
/// The single-send handler under the resilience handlers apps add (Microsoft.Extensions.Http.Resilience): each SDK
/// attempt leaves once, and a send the handler refuses waits for the one send's answer instead of ending it.
/// </summary>
public sealed class SingleSendHandlerTests
{
    /// <summary>Longer than the standard hedging handler's 2 s delay, so a hedge is launched while the first send waits.</summary>
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(2.5);

    public static TheoryData<string> Shapes => ["standard hedging", "standard resilience", "both"];

    /// <summary>
    /// Issue 22, D1: under <c>AddStandardHedgingHandler</c> the hedge the SDK refused was taken as the answer and the
    /// real send was cancelled: a 2.5 s submit became "unknown" with no task, a 2.5 s GET failed after 4 tries. The
    /// refused send must wait for the one send's answer: the submit is posted once and returns its task, the GET succeeds.
    /// </summary>
    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task SlowAnswer_UnderAppResilienceHandlers_SubmitPostedOnceReturnsItsTaskAndGetSucceeds(string shape)
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        var services = new ServiceCollection();
        if (shape is "standard resilience" or "both")
        {
            // What the .NET Aspire service defaults do for every HttpClient of an app.
            services.ConfigureHttpClientDefaults(b => b.AddStandardResilienceHandler());
        }

        var builder = services.AddChanjing(o =>
        {
            o.BaseAddress = emulator.BaseAddress;
            o.AppId = emulator.AppId;
            o.SecretKey = emulator.SecretKey;
            o.AttemptTimeout = TimeSpan.FromSeconds(10);
            o.Reconciliation.Delay = TimeSpan.FromMilliseconds(10);
        });
        if (shape is "standard hedging" or "both")
        {
            builder.HttpClientBuilder.AddStandardHedgingHandler();
        }

        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IChanjingClient>();
        await client.ListTasksAsync(new CreationTaskQuery()).CountAsync(); // the token, fetched before the clock starts
        emulator.ClearJournal();

        emulator.AddFault(EmulatorEndpoint.Submit, EmulatorFault.Delayed(Slow));
        var clock = Stopwatch.StartNew();
        var id = await client.SubmitReferenceVideoAsync(Support.Request()).WaitAsync(TimeSpan.FromSeconds(60));
        var submitTook = clock.Elapsed;

        Assert.Equal(1, emulator.CountRequests(EmulatorEndpoint.Submit));
        Assert.Equal(0, emulator.CountRequests(EmulatorEndpoint.ListTasks)); // no reconciliation: the answer arrived
        Assert.Equal(1, emulator.TaskCount);
        Assert.Equal(id, (await client.ListTasksAsync(new CreationTaskQuery()).SingleAsync()).Id);

        emulator.AddFault(EmulatorEndpoint.GetTask, EmulatorFault.Delayed(Slow));
        clock.Restart();
        var task = await client.GetTaskAsync(id).WaitAsync(TimeSpan.FromSeconds(60));
        var getTook = clock.Elapsed;

        Assert.Equal(id, task.Id);
        Assert.Equal(1, emulator.CountRequests(EmulatorEndpoint.GetTask));
        // One slow answer each, not a retry after a cancelled send.
        Assert.InRange(submitTook, Slow - TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5));
        Assert.InRange(getTook, Slow - TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5));
    }
}
