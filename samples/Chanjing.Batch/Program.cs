using System.Diagnostics;
using System.Globalization;
using Chanjing.Samples;
using Chanjing.Sdk;

// Submits several tasks, then follows all of them with WaitForAllAsync (one list call per 50 tasks a round),
// printing each as it finishes and a summary table at the end.
//   dotnet run --project samples/Chanjing.Batch [-- 8]
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 6;
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

await using var account = await SampleAccount.CreateAsync();
Console.WriteLine(account.Description);
using var client = new ChanjingClient(account.Options);
string[] scenes = ["gallops across a meadow", "drinks from a mountain stream", "runs along the shore", "rests under an oak tree", "jumps a wooden fence", "walks through falling snow"];
var submittedAt = new Dictionary<string, (string Prompt, TimeSpan At)>();
var clock = Stopwatch.StartNew();
for (var i = 0; i < count; i++)
{
    var prompt = $"The chestnut horse {scenes[i % scenes.Length]}, cinematic.";
    var id = await client.SubmitReferenceVideoAsync(new ReferenceVideoRequest
    {
        Prompt = prompt,
        ReferenceImageUrls = { new Uri("https://res.chanjing.cc/chanjing/res/aigc_creation/photo/ref1.jpg") },
        DurationSeconds = 5,
    }, cancel.Token);
    submittedAt[id] = (prompt, clock.Elapsed);
    Console.WriteLine($"Submitted {id}: {prompt}");
}

var finished = new List<(CreationTask Task, TimeSpan At)>();
await foreach (var task in client.WaitForAllAsync(submittedAt.Keys, new WaitOptions { PollInterval = TimeSpan.FromSeconds(1), MaxPollInterval = TimeSpan.FromSeconds(10) }, cancel.Token))
{
    finished.Add((task, clock.Elapsed));
    Console.WriteLine($"[{clock.Elapsed:mm\\:ss}] {task.Id} {task.Status}{(task.Status.IsSuccess ? " " + task.OutputUrls[0] : " " + task.ErrorMessage)}");
}

Console.WriteLine();
Console.WriteLine($"{"Task",-36}  {"Status",-8}  {"Took",6}  Prompt");
foreach (var (task, at) in finished)
{
    var (prompt, started) = submittedAt[task.Id];
    Console.WriteLine($"{task.Id,-36}  {task.Status,-8}  {(at - started).TotalSeconds,5:F1}s  {prompt}");
}

var succeeded = finished.Count(f => f.Task.Status.IsSuccess);
Console.WriteLine($"{succeeded} of {finished.Count} succeeded in {clock.Elapsed.TotalSeconds:F1} s.");
return succeeded == finished.Count ? 0 : 1;
