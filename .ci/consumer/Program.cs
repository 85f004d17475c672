using Chanjing.Emulator;
using Chanjing.Sdk;

await using var emulator = await ChanjingEmulator.StartAsync(new ChanjingEmulatorOptions
{
    QueuedDuration = TimeSpan.FromMilliseconds(100),
    GeneratingDuration = TimeSpan.FromMilliseconds(200),
});
using var client = new ChanjingClient(new ChanjingOptions { BaseAddress = emulator.BaseAddress, AppId = emulator.AppId, SecretKey = emulator.SecretKey });
var task = await client.GenerateReferenceVideoAsync(
    new ReferenceVideoRequest { Prompt = "consumer check", ReferenceImageUrls = { new Uri("https://example.com/a.jpg") } },
    new WaitOptions { PollInterval = TimeSpan.FromMilliseconds(100), MaxPollInterval = TimeSpan.FromMilliseconds(200), Timeout = TimeSpan.FromSeconds(30) });
Console.WriteLine($"consumer check: task {task.Id} {task.Status} {task.OutputUrls[0]}");
return task.Status.IsSuccess ? 0 : 1;
