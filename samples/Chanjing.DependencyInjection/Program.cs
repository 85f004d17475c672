using Chanjing.Samples;
using Chanjing.Sdk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// A generic host app: options from appsettings.json's "Chanjing" section (or the CHANJING_* environment
// variables), a hosted service that generates one video, logging through ILogger, Ctrl+C cancels.
await using var account = await SampleAccount.CreateAsync();
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
if (account.Emulator is not null)
{
    // No credentials: point the "Chanjing" section at the embedded emulator, exactly as configuration would.
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Chanjing:BaseAddress"] = account.Options.BaseAddress.ToString(),
        ["Chanjing:AppId"] = account.Options.AppId,
        ["Chanjing:SecretKey"] = account.Options.SecretKey,
    });
}
else
{
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Chanjing:BaseAddress"] = account.Options.BaseAddress.ToString(),
        ["Chanjing:AccessToken"] = account.Options.AccessToken,
        ["Chanjing:AppId"] = account.Options.AppId,
        ["Chanjing:SecretKey"] = account.Options.SecretKey,
    });
}

builder.Services.AddChanjing(builder.Configuration);
builder.Services.AddHostedService<VideoJob>();
using var host = builder.Build();
host.Services.GetRequiredService<ILogger<VideoJob>>().LogInformation("{Account}", account.Description);
await host.RunAsync();
return VideoJob.ExitCode;

/// <summary>Generates one video, logs its progress, then stops the host.</summary>
internal sealed class VideoJob(IChanjingClient client, IHostApplicationLifetime lifetime, ILogger<VideoJob> logger) : BackgroundService
{
    public static int ExitCode { get; private set; } = 1;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var request = new ReferenceVideoRequest
            {
                Prompt = "A white horse trots along a beach at dawn, gentle tracking shot.",
                ReferenceImageUrls = { new Uri("https://res.chanjing.cc/chanjing/res/aigc_creation/photo/ref1.jpg") },
                AspectRatio = AspectRatio.Portrait9x16,
                Clarity = VideoClarity.P720,
            };
            var options = new WaitOptions { OnSubmitted = id => logger.LogInformation("Submitted task {TaskId}", id) };
            var progress = new ConsoleProgress<CreationTask>(task => logger.LogInformation("Task {TaskId} is {Status}", task.Id, task.Status));
            var task = await client.GenerateReferenceVideoAsync(request, options, progress, stoppingToken);
            logger.LogInformation("Video ready: {Url}", task.OutputUrls[0]);
            ExitCode = 0;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning("Cancelled.");
        }
        catch (ChanjingException ex)
        {
            logger.LogError("Generation failed (task {TaskId}, code {Code}): {Message}", ex.TaskId, ex.Code, ex.Message);
        }
        finally
        {
            lifetime.StopApplication();
        }
    }
}
