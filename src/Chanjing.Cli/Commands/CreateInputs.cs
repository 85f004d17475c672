using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Chanjing.Cli.Infrastructure;
using Chanjing.Sdk;

namespace Chanjing.Cli.Commands;

/// <summary>What <c>chanjing create</c> was given, turned into the SDK request of the right family before any network call.</summary>
internal sealed partial class CreateInputs
{
    public required string Model { get; init; }

    public required string Prompt { get; init; }

    public IReadOnlyList<string> Images { get; init; } = [];

    public string? StartFrame { get; init; }

    public string? EndFrame { get; init; }

    public IReadOnlyList<string> Sources { get; init; } = [];

    public string? AspectRatio { get; init; }

    public int? Clarity { get; init; }

    public int? Duration { get; init; }

    public int? Count { get; init; }

    public string? Quality { get; init; }

    /// <summary>image or video, for a model the SDK does not know (a known model's own type wins).</summary>
    public string? Type { get; init; }

    public IReadOnlyList<string> Fields { get; init; } = [];

    public string? Callback { get; init; }

    /// <summary>How many local files the request holds (uploaded by the SDK before the submit).</summary>
    public int LocalFileCount { get; private set; }

    /// <summary>The options filled in because the model requires them and they were not given, as they would be typed.</summary>
    public IList<string> Defaults { get; } = new List<string>();

    /// <summary>Builds the request; throws <see cref="UsageException"/> naming the option at fault.</summary>
    /// <returns>The request.</returns>
    public CreationRequest ToRequest()
    {
        if (string.IsNullOrWhiteSpace(Prompt))
        {
            throw new UsageException("--prompt must not be empty.");
        }

        var info = ChanjingModels.Find(Model);
        var makesImages = info is not null ? info.CreationType == CreationType.Image : string.Equals(Type, "image", StringComparison.Ordinal) || (Type is null && Count is not null);
        if (info is not null && Type is not null && !string.Equals(Type, makesImages ? "image" : "video", StringComparison.Ordinal))
        {
            throw new UsageException($"--type {Type} does not match model {Model}, which makes {(makesImages ? "images" : "videos")}.");
        }

        var images = Images.Select(i => Media("--image", i)).ToList();
        var start = StartFrame is null ? null : Media("--start-frame", StartFrame);
        var end = EndFrame is null ? null : Media("--end-frame", EndFrame);
        var sources = Sources.Select(s => Media("--source", s)).ToList();
        var aspect = AspectRatio is null ? (AspectRatio?)null : new AspectRatio(CheckAspectRatio(AspectRatio));
        if (Clarity is <= 0)
        {
            throw new UsageException($"--clarity must be a positive number of pixels (such as 720 or 1080 for videos, 2048 for images), but was {Clarity}.");
        }

        if (Duration is <= 0)
        {
            throw new UsageException($"--duration must be a positive number of seconds, but was {Duration}.");
        }

        // A known model that requires a setting gets a common value for it, said on stderr, so short commands work.
        var filled = info is null ? [] : FilledIn(info);
        aspect ??= NeedsDefault(filled, "--aspect-ratio") is { } ratio ? new AspectRatio(ratio) : null;
        var clarityValue = Clarity ?? (NeedsDefault(filled, "--clarity") is { } pixels ? int.Parse(pixels, CultureInfo.InvariantCulture) : null);
        var durationValue = Duration ?? (NeedsDefault(filled, "--duration") is { } seconds ? int.Parse(seconds, CultureInfo.InvariantCulture) : null);

        CreationRequest request;
        if (makesImages)
        {
            Refuse(start is not null || end is not null, "--start-frame and --end-frame", "images");
            Refuse(sources.Count > 0, "--source", "images");
            Refuse(Duration is not null, "--duration", "images");
            Refuse(Quality is not null, "--quality", "images");
            if (Count is < 1 or > 4)
            {
                throw new UsageException($"--count must be between 1 and 4, but was {Count}.");
            }

            var generation = new ImageGenerationRequest
            {
                NumberOfImages = Count,
                Clarity = clarityValue is { } c ? new ImageClarity(c) : null,
                AspectRatio = aspect,
            };
            images.ForEach(generation.ReferenceImageUrls.Add);
            request = generation;
        }
        else
        {
            Refuse(Count is not null, "--count", "videos (it is the number of images of an image model)");
            var clarity = clarityValue is { } c ? new VideoClarity(c) : (VideoClarity?)null;
            var quality = Quality is null ? (QualityMode?)null : new QualityMode(Quality);
            var family = info?.RequestType;
            if (sources.Count > 0 || family == typeof(VideoEditRequest))
            {
                Refuse(start is not null || end is not null, "--start-frame and --end-frame", "video edits (give the videos with --source)");
                Refuse(AspectRatio is not null || Duration is not null || quality is not null, "--aspect-ratio, --duration and --quality", "video edits");
                if (sources.Count == 0)
                {
                    throw new UsageException($"Model {Model} edits videos: give at least one with --source (a local file or a URL).");
                }

                var edit = new VideoEditRequest { Clarity = clarity };
                sources.Concat(images).ToList().ForEach(edit.SourceUrls.Add);
                request = edit;
            }
            else if (start is not null || end is not null || family == typeof(ImageToVideoRequest))
            {
                if (images.Count > 0)
                {
                    throw new UsageException($"Model {Model} starts from frames: give them with --start-frame (and --end-frame), not --image.");
                }

                request = new ImageToVideoRequest { StartFrameUrl = start, EndFrameUrl = end, AspectRatio = aspect, Clarity = clarity, DurationSeconds = durationValue, QualityMode = quality };
            }
            else if (images.Count > 0 || (family == typeof(ReferenceVideoRequest) && info!.RequiredFields.Contains("ref_img_url")))
            {
                if (images.Count == 0)
                {
                    throw new UsageException($"Model {Model} needs at least one reference image: give it with --image (a local file or a URL).");
                }

                if (family == typeof(TextToVideoRequest))
                {
                    throw new UsageException($"Model {Model} takes no reference images; for image-to-video give a first frame with --start-frame.");
                }

                var reference = new ReferenceVideoRequest { QualityMode = quality };
                reference.AspectRatio = aspect ?? (Allows(info, "aspect_ratio") ? reference.AspectRatio : null);
                reference.Clarity = clarity ?? (Allows(info, "clarity") ? reference.Clarity : null);
                reference.DurationSeconds = durationValue ?? reference.DurationSeconds;
                images.ForEach(reference.ReferenceImageUrls.Add);
                request = reference;
            }
            else
            {
                var text = new TextToVideoRequest { AspectRatio = aspect, Clarity = clarity, DurationSeconds = durationValue, QualityMode = quality };
                request = text;
            }
        }

        request.ModelCode = Model;
        request.Prompt = Prompt;
        if (Callback is not null)
        {
            if (!Uri.TryCreate(Callback, UriKind.Absolute, out var callback) || (callback.Scheme != Uri.UriSchemeHttp && callback.Scheme != Uri.UriSchemeHttps))
            {
                throw new UsageException($"--callback must be an absolute http(s) URL, but was '{Callback}'.");
            }

            request.CallbackUrl = callback;
        }

        foreach (var field in Fields)
        {
            var (name, value) = ParseField(field);
            request.AdditionalFields[name] = value;
        }

        return request;
    }

    /// <summary>Rewrites the SDK's property names in a validation message into this command's options.</summary>
    /// <param name="message">The SDK's message.</param>
    /// <returns>The message in terms of options.</returns>
    public static string InOptionTerms(string message)
    {
        var text = PropertyPattern().Replace(message, m => OptionMap.ForProperty(m.Groups["property"].Value) ?? m.Value);
        return text.Replace(" (Parameter 'request')", string.Empty, StringComparison.Ordinal)
            .Replace("; set it to null", "; leave the option out", StringComparison.Ordinal)
            .Replace("--start-frame or EndFrameUrl must be set; without a frame, use a TextToVideoRequest", "--start-frame (or --end-frame) is required by this model", StringComparison.Ordinal);
    }

    /// <summary>
    /// The settings a known model requires that <c>create</c> fills in when they are not given, as option and value
    /// (<c>--aspect-ratio</c> 16:9 or 1:1, <c>--clarity</c> 1080 or 2048, <c>--duration</c> 5), in that order.
    /// Video edits take neither aspect ratio nor duration from the command line, so nothing is filled in for them.
    /// </summary>
    /// <param name="info">The model.</param>
    /// <returns>The options and their values.</returns>
    public static IReadOnlyList<(string Option, string Value)> FilledIn(ChanjingModelInfo info)
    {
        var makesImages = info.CreationType == CreationType.Image;
        var edits = info.RequestType == typeof(VideoEditRequest);
        var filled = new List<(string Option, string Value)>();
        if (!edits && info.RequiredFields.Contains("aspect_ratio"))
        {
            filled.Add(("--aspect-ratio", makesImages ? "1:1" : "16:9"));
        }

        if (info.RequiredFields.Contains("clarity"))
        {
            filled.Add(("--clarity", makesImages ? "2048" : "1080"));
        }

        if (!makesImages && !edits && info.RequiredFields.Contains("video_duration"))
        {
            // MiniMax Hailuo 02 makes 6 or 10 s videos; every other model takes 5.
            filled.Add(("--duration", info.Code == ChanjingModels.MiniMaxHailuo02 ? "6" : "5"));
        }

        return filled;
    }

    private string? NeedsDefault(IReadOnlyList<(string Option, string Value)> filled, string option)
    {
        foreach (var (name, value) in filled)
        {
            if (name == option)
            {
                Defaults.Add($"{option} {value}");
                return value;
            }
        }

        return null;
    }

    private static bool Allows(ChanjingModelInfo? info, string field) => info is null || !info.ForbiddenFields.Contains(field);

    private void Refuse(bool given, string options, string what)
    {
        if (given)
        {
            throw new UsageException($"{options} cannot be used with model {Model}, which makes {what}.");
        }
    }

    private Uri Media(string option, string value)
    {
        if (Uri.TryCreate(value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            return url;
        }

        if (value.Contains("://", StringComparison.Ordinal))
        {
            throw new UsageException($"{option} '{value}' is neither an http(s) URL nor a local file.");
        }

        var path = Path.GetFullPath(value);
        if (!File.Exists(path))
        {
            throw new UsageException($"{option}: the file '{value}' does not exist.");
        }

        if (string.IsNullOrEmpty(Path.GetExtension(path)))
        {
            throw new UsageException($"{option}: the file '{value}' needs an extension (such as .jpg, .png or .mp4): the service derives its type from it.");
        }

        LocalFileCount++;
        return new Uri(path);
    }

    private static string CheckAspectRatio(string value) => AspectPattern().IsMatch(value)
        ? value
        : throw new UsageException($"--aspect-ratio must look like 16:9, 9:16 or 1:1, but was '{value}'.");

    private static (string Name, JsonNode? Value) ParseField(string field)
    {
        var equals = field.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new UsageException($"--field must be name=json (for example seed=42 or style='\"anime\"'), but was '{field}'.");
        }

        var name = field[..equals].Trim();
        var json = field[(equals + 1)..];
        try
        {
            return (name, JsonNode.Parse(json));
        }
        catch (JsonException)
        {
            throw new UsageException($"--field {name}: '{json}' is not JSON. Quote a text value: {name}='\"{json}\"'.");
        }
    }

    [GeneratedRegex(@"\b(?:[A-Za-z]+Request|request)\.(?<property>[A-Za-z]+)\b")]
    private static partial Regex PropertyPattern();

    [GeneratedRegex(@"^[1-9][0-9]*:[1-9][0-9]*$")]
    private static partial Regex AspectPattern();
}
