using Chanjing.Sdk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// Usage: Chanjing.Sdk.AotSmoke <emulator base address>
if (args.Length != 1 || !Uri.TryCreate(args[0], UriKind.Absolute, out var baseAddress))
{
    Console.Error.WriteLine("usage: Chanjing.Sdk.AotSmoke http://127.0.0.1:5099/");
    return 2;
}

// Through DI and configuration binding, as an app would, so the AOT build covers that path too.
var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Chanjing:BaseAddress"] = baseAddress.ToString(),
    ["Chanjing:AppId"] = "emulator",
    ["Chanjing:SecretKey"] = "emulator-secret",
    ["Chanjing:AttemptTimeout"] = "00:00:10",
    ["Chanjing:Retry:MaxAttempts"] = "2",
    ["Chanjing:Reconciliation:Delay"] = "00:00:01",
}).Build();
var services = new ServiceCollection();
services.AddChanjing(configuration);
await using var provider = services.BuildServiceProvider();
var client = provider.GetRequiredService<IChanjingClient>();

try
{
    var task = await client.GenerateReferenceVideoAsync(
        new ReferenceVideoRequest { Prompt = "AOT smoke: a horse", ReferenceImageUrls = { new Uri("https://example.com/horse.jpg") } },
        new WaitOptions { PollInterval = TimeSpan.FromMilliseconds(250), MaxPollInterval = TimeSpan.FromSeconds(1), Timeout = TimeSpan.FromMinutes(1) });
    var listed = 0;
    await foreach (var _ in client.ListTasksAsync(new CreationTaskQuery { TaskIds = { task.Id } }))
    {
        listed++;
    }

    Console.WriteLine($"aot smoke: task {task.Id} {task.Status}, output {task.OutputUrls[0]}, listed {listed}");
    return task.Status.IsSuccess && listed == 1 ? 0 : 1;
}
catch (ChanjingException ex)
{
    Console.Error.WriteLine($"aot smoke failed: {ex.GetType().Name}: {ex.Message}");
    return 1;
}
