using System.Diagnostics;
using System.Globalization;
using Chanjing.Samples;
using Chanjing.Sdk;

// The main job: two reference images + a prompt → a HappyHorse video in ./output/.
//   dotnet run --project samples/Chanjing.QuickStart [-- --prompt "..." --image a.png --image https://... --aspect-ratio 9:16 --clarity 720 --duration 5 --output ./output]
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

try
{
    var arguments = QuickStartArguments.Parse(args);
    await using var account = await SampleAccount.CreateAsync();
    Console.WriteLine(account.Description);
    using var client = new ChanjingClient(account.Options);

    var request = new ReferenceVideoRequest
    {
        Prompt = arguments.Prompt,
        AspectRatio = arguments.AspectRatio,
        Clarity = arguments.Clarity,
        DurationSeconds = arguments.DurationSeconds,
    };
    foreach (var image in arguments.Images)
    {
        // Local files are uploaded by the client before the submit; URLs are sent as they are.
        request.ReferenceImageUrls.Add(image);
    }

    var clock = Stopwatch.StartNew();
    var options = new WaitOptions { OnSubmitted = id => Console.WriteLine($"Submitted task {id}.") };
    var progress = new ConsoleProgress<CreationTask>(task => Console.WriteLine($"[{clock.Elapsed:mm\\:ss\\.f}] {task.Status}"));
    var finished = await client.GenerateReferenceVideoAsync(request, options, progress, cancel.Token);

    foreach (var url in finished.OutputUrls)
    {
        Console.WriteLine($"Output URL: {url}");
    }

    var saved = await client.DownloadOutputsAsync(finished, arguments.OutputDirectory, cancellationToken: cancel.Token);
    foreach (var path in saved)
    {
        Console.WriteLine($"Saved {new FileInfo(path).Length.ToString("N0", CultureInfo.InvariantCulture)} bytes to {path}");
    }

    Console.WriteLine($"Done in {clock.Elapsed.TotalSeconds:F1} s.");
    return 0;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("error: cancelled.");
    return 2;
}
catch (Exception ex) when (ex is ChanjingException or ArgumentException or FormatException or IOException)
{
    Console.Error.WriteLine($"error: {ex.Message.ReplaceLineEndings(" ")}");
    return 1;
}

/// <summary>The command line of the QuickStart sample.</summary>
internal sealed record QuickStartArguments(string Prompt, IReadOnlyList<Uri> Images, AspectRatio AspectRatio, VideoClarity Clarity, int DurationSeconds, string OutputDirectory)
{
    public static QuickStartArguments Parse(string[] args)
    {
        var prompt = "Keep the horse's features consistent; it gallops across the grassland at sunset, steady push-in, cinematic.";
        var images = new List<Uri>();
        var aspectRatio = AspectRatio.Landscape16x9;
        var clarity = VideoClarity.P1080;
        var duration = 5;
        var output = Path.Combine(Environment.CurrentDirectory, "output");
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--prompt": prompt = value; break;
                case "--image": images.Add(ToUri(value)); break;
                case "--aspect-ratio": aspectRatio = new AspectRatio(value); break;
                case "--clarity": clarity = new VideoClarity(int.Parse(value, CultureInfo.InvariantCulture)); break;
                case "--duration": duration = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--output": output = Path.GetFullPath(value); break;
                default: throw new ArgumentException($"Unknown argument '{args[i]}'. Use --prompt, --image, --aspect-ratio, --clarity, --duration, --output.");
            }

            i++;
        }

        if (images.Count == 0)
        {
            images.Add(new Uri(Path.Combine(AppContext.BaseDirectory, "images", "horse-front.png")));
            images.Add(new Uri(Path.Combine(AppContext.BaseDirectory, "images", "horse-side.png")));
        }

        return new QuickStartArguments(prompt, images, aspectRatio, clarity, duration, output);
    }

    private static Uri ToUri(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps || uri.IsFile)
            ? uri
            : new Uri(Path.GetFullPath(value));
}
