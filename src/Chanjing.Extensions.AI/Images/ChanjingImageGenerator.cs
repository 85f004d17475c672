using Chanjing.Sdk;
using Microsoft.Extensions.AI;
using ChanjingImageRequest = Chanjing.Sdk.ImageGenerationRequest;
using MeaiImageRequest = Microsoft.Extensions.AI.ImageGenerationRequest;

namespace Chanjing.Extensions.AI.Images;

/// <summary>An <see cref="IImageGenerator"/> over Chanjing's image models (AI creation, type 3).</summary>
internal sealed class ChanjingImageGenerator : IImageGenerator
{
    /// <summary>The model when neither the options nor the caller name one: text or reference images to image, every clarity.</summary>
    public const string DefaultModel = ChanjingModels.DoubaoSeedream40;

    private const string ProviderName = "chanjing";

    private readonly IChanjingClient _client;
    private readonly string _defaultModel;
    private readonly ImageGeneratorMetadata _metadata;

    public ChanjingImageGenerator(IChanjingClient client, string defaultModel)
    {
        _client = client;
        _defaultModel = defaultModel;
        _metadata = new ImageGeneratorMetadata(ProviderName, null, defaultModel);
    }

    /// <inheritdoc />
    public async Task<ImageGenerationResponse> GenerateAsync(MeaiImageRequest request, ImageGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        Argument.NotNull(request, nameof(request));
        var body = Build(request, options);
        await AddOriginalImagesAsync(body, request.OriginalImages, cancellationToken).ConfigureAwait(false);

        var task = await _client.GenerateAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
        var contents = new List<AIContent>(task.OutputUrls.Count);
        var data = options?.ResponseFormat == ImageGenerationResponseFormat.Data;
        foreach (var url in task.OutputUrls)
        {
            var mediaType = MediaTypes.FromUrl(url, options?.MediaType ?? "image/png");
            if (data)
            {
                using var buffer = new MemoryStream();
                await _client.DownloadAsync(url, buffer, cancellationToken: cancellationToken).ConfigureAwait(false);
                contents.Add(new DataContent(buffer.ToArray(), mediaType) { Name = FileName(url) });
            }
            else
            {
                contents.Add(new UriContent(url, mediaType));
            }
        }

        return new ImageGenerationResponse(contents) { RawRepresentation = task };
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        Argument.NotNull(serviceType, nameof(serviceType));
        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(ImageGeneratorMetadata))
        {
            return _metadata;
        }

        if (serviceType.IsInstanceOfType(_client))
        {
            return _client;
        }

        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // The client belongs to the caller.
    }

    /// <summary>The Chanjing request: prompt, model, count, and the nearest ratio and clarity the model allows.</summary>
    private ChanjingImageRequest Build(MeaiImageRequest request, ImageGenerationOptions? options)
    {
        var model = string.IsNullOrWhiteSpace(options?.ModelId) ? _defaultModel : options!.ModelId!;
        var body = options?.RawRepresentationFactory?.Invoke(this) as ChanjingImageRequest ?? new ChanjingImageRequest();
        body.ModelCode = model;
        body.Prompt = request.Prompt ?? body.Prompt;
        if (options?.Count is { } count)
        {
            body.NumberOfImages = count;
        }

        var required = ChanjingModels.Find(model)?.RequiredFields ?? [];
        if (options?.ImageSize is { } size)
        {
            ImageShape.Check(size);
            body.AspectRatio ??= ImageShape.NearestRatio(size);
            body.Clarity ??= ImageShape.NearestClarity(model, size);
        }
        else
        {
            if (body.AspectRatio is null && required.Contains("aspect_ratio"))
            {
                body.AspectRatio = AspectRatio.Square1x1;
            }

            if (body.Clarity is null && required.Contains("clarity"))
            {
                body.Clarity = ImageShape.DefaultClarity(model);
            }
        }

        return body;
    }

    /// <summary>Original images become reference images: URLs as they are, in-memory data uploaded first.</summary>
    private async Task AddOriginalImagesAsync(ChanjingImageRequest body, IEnumerable<AIContent>? originals, CancellationToken cancellationToken)
    {
        if (originals is null)
        {
            return;
        }

        var index = 0;
        foreach (var original in originals)
        {
            index++;
            switch (original)
            {
                case UriContent uri:
                    body.ReferenceImageUrls.Add(uri.Uri);
                    break;
                case DataContent data:
                    var name = data.Name ?? $"image-{index}{MediaTypes.Extension(data.MediaType)}";
                    using (var stream = new MemoryStream(data.Data.ToArray(), writable: false))
                    {
                        var uploaded = await _client.UploadFileAsync(stream, name, cancellationToken).ConfigureAwait(false);
                        body.ReferenceImageUrls.Add(uploaded.Url);
                    }

                    break;
                default:
                    throw new ArgumentException(
                        $"ImageGenerationRequest.OriginalImages[{index - 1}] is a {original?.GetType().Name ?? "null"}; Chanjing takes images as UriContent (a public http(s) URL) or DataContent (uploaded first).",
                        "request");
            }
        }
    }

    private static string? FileName(Uri url)
    {
        var name = Path.GetFileName(url.AbsolutePath);
        return string.IsNullOrEmpty(name) ? null : name;
    }
}
