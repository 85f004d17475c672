namespace Chanjing.Sdk.Internal;

/// <summary>A snapshot of a <see cref="ReferenceVideoRequest"/> that passed every rule, so later changes by the caller cannot race the submit.</summary>
internal sealed record ValidatedSubmit(IReadOnlyList<Uri> Images, string Prompt, AspectRatio AspectRatio, VideoClarity Clarity, int DurationSeconds, string ModelCode)
{
    private const string Name = nameof(ReferenceVideoRequest);

    public static ValidatedSubmit Create(ReferenceVideoRequest? request)
    {
        Guard.NotNull(request, "request");
        if (request.Prompt is null)
        {
            throw new ArgumentNullException("request", $"{Name}.{nameof(request.Prompt)} must not be null.");
        }

        if (string.IsNullOrWhiteSpace(request.Prompt))
        {
            throw new ArgumentException($"{Name}.{nameof(request.Prompt)} must not be empty or whitespace.", "request");
        }

        var images = request.ReferenceImageUrls?.ToArray() ?? [];
        if (images.Length == 0)
        {
            throw new ArgumentException($"{Name}.{nameof(request.ReferenceImageUrls)} must contain at least one image URL.", "request");
        }

        for (var i = 0; i < images.Length; i++)
        {
            var url = images[i];
            if (url is null)
            {
                throw new ArgumentException($"{Name}.{nameof(request.ReferenceImageUrls)}[{i}] must not be null.", "request");
            }

            if (!url.IsAbsoluteUri)
            {
                throw new ArgumentException($"{Name}.{nameof(request.ReferenceImageUrls)}[{i}] must be an absolute http(s) URL or a file: URI, but was the relative URI '{url.OriginalString}'.", "request");
            }

            if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps && !url.IsFile)
            {
                throw new ArgumentException($"{Name}.{nameof(request.ReferenceImageUrls)}[{i}] must use http, https or file, but was '{url.Scheme}:'.", "request");
            }
        }

        if (request.AspectRatio.IsEmpty)
        {
            throw new ArgumentException($"{Name}.{nameof(request.AspectRatio)} must be set (for example AspectRatio.Landscape16x9).", "request");
        }

        if (request.Clarity.Value <= 0)
        {
            throw new ArgumentException($"{Name}.{nameof(request.Clarity)} must be greater than zero (for example VideoClarity.P1080).", "request");
        }

        if (request.DurationSeconds <= 0)
        {
            throw new ArgumentException($"{Name}.{nameof(request.DurationSeconds)} must be greater than zero, but was {request.DurationSeconds}.", "request");
        }

        if (string.IsNullOrWhiteSpace(request.ModelCode))
        {
            throw new ArgumentException($"{Name}.{nameof(request.ModelCode)} must not be empty.", "request");
        }

        return new ValidatedSubmit(images, request.Prompt, request.AspectRatio, request.Clarity, request.DurationSeconds, request.ModelCode);
    }
}
