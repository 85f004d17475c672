using System.Diagnostics;
using System.Globalization;
using Chanjing.Samples;
using Chanjing.Sdk;

// The main job: two reference images + a prompt → a HappyHorse video in ./output/ (or any other model with --model).
//   dotnet run --project samples/Chanjing.QuickStart [-- --model happyhorse-1.0-r2v --prompt "..." --image a.png --image https://...
//       --aspect-ratio 9:16 --clarity 720 --duration 5 --count 2 --output ./output]
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

    // Local files are uploaded by the client before the submit; URLs are sent as they are.
    var request = arguments.ToRequest();
    Console.WriteLine($"Model {request.ModelCode} ({request.GetType().Name}).");

    var clock = Stopwatch.StartNew();
    var options = new WaitOptions { OnSubmitted = id => Console.WriteLine($"Submitted task {id}.") };
    var progress = new ConsoleProgress<CreationTask>(task => Console.WriteLine($"[{clock.Elapsed:mm\\:ss\\.f}] {task.Status}"));
    var finished = await client.GenerateAsync(request, options, progress, cancel.Token);

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
internal sealed record QuickStartArguments(string Model, string Prompt, IReadOnlyList<Uri> Images, AspectRatio? AspectRatio, int? Clarity, int? DurationSeconds, int? Count, string OutputDirectory)
{
    public static QuickStartArguments Parse(string[] args)
    {
        var model = ChanjingModels.HappyHorseReferenceToVideo;
        var prompt = "Keep the horse's features consistent; it gallops across the grassland at sunset, steady push-in, cinematic.";
        var images = new List<Uri>();
        AspectRatio? aspectRatio = null;
        int? clarity = null;
        int? duration = null;
        int? count = null;
        var output = Path.Combine(Environment.CurrentDirectory, "output");
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--model": model = value; break;
                case "--prompt": prompt = value; break;
                case "--image": images.Add(ToUri(value)); break;
                case "--aspect-ratio": aspectRatio = new AspectRatio(value); break;
                case "--clarity": clarity = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--duration": duration = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--count": count = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--output": output = Path.GetFullPath(value); break;
                default: throw new ArgumentException($"Unknown argument '{args[i]}'. Use --model, --prompt, --image, --aspect-ratio, --clarity, --duration, --count, --output.");
            }

            i++;
        }

        var family = ChanjingModels.Find(model)?.RequestType ?? typeof(ReferenceVideoRequest);
        if (images.Count == 0 && (family == typeof(ReferenceVideoRequest) || family == typeof(ImageToVideoRequest)))
        {
            images.Add(new Uri(Path.Combine(AppContext.BaseDirectory, "images", "horse-front.png")));
            images.Add(new Uri(Path.Combine(AppContext.BaseDirectory, "images", "horse-side.png")));
        }

        return new QuickStartArguments(model, prompt, images, aspectRatio, clarity, duration, count, output);
    }

    /// <summary>The request of the model's family: images are references, the first image a start frame, or the sources of an edit.</summary>
    public CreationRequest ToRequest()
    {
        var family = ChanjingModels.Find(Model)?.RequestType ?? typeof(ReferenceVideoRequest);
        VideoClarity? videoClarity = Clarity is { } c ? new VideoClarity(c) : null;
        CreationRequest request;
        if (family == typeof(ImageGenerationRequest))
        {
            var images = new ImageGenerationRequest { AspectRatio = AspectRatio, Clarity = Clarity is { } ic ? new ImageClarity(ic) : null, NumberOfImages = Count };
            Add(images.ReferenceImageUrls, Images);
            request = images;
        }
        else if (family == typeof(ImageToVideoRequest))
        {
            request = new ImageToVideoRequest
            {
                StartFrameUrl = Images.FirstOrDefault(),
                EndFrameUrl = Images.Skip(1).FirstOrDefault(),
                AspectRatio = AspectRatio,
                Clarity = videoClarity ?? VideoClarity.P1080,
                DurationSeconds = DurationSeconds ?? 5,
            };
        }
        else if (family == typeof(TextToVideoRequest))
        {
            request = new TextToVideoRequest { AspectRatio = AspectRatio ?? Chanjing.Sdk.AspectRatio.Landscape16x9, Clarity = videoClarity ?? VideoClarity.P1080, DurationSeconds = DurationSeconds ?? 5 };
        }
        else if (family == typeof(VideoEditRequest))
        {
            var edit = new VideoEditRequest { Clarity = videoClarity };
            Add(edit.SourceUrls, Images);
            request = edit;
        }
        else
        {
            var video = new ReferenceVideoRequest();
            video.AspectRatio = AspectRatio ?? video.AspectRatio;
            video.Clarity = videoClarity ?? video.Clarity;
            video.DurationSeconds = DurationSeconds ?? video.DurationSeconds;
            Add(video.ReferenceImageUrls, Images);
            request = video;
        }

        request.ModelCode = Model;
        request.Prompt = Prompt;
        return request;
    }

    private static void Add(IList<Uri> target, IEnumerable<Uri> items)
    {
        foreach (var item in items)
        {
            target.Add(item);
        }
    }

    private static Uri ToUri(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps || uri.IsFile)
            ? uri
            : new Uri(Path.GetFullPath(value));
}
