namespace Chanjing.Sdk.Internal.Products;

/// <summary>The checked wire bodies of avatar design (every documented limit before any I/O; inputs are public URLs only).</summary>
internal static class AvatarDesignBodies
{
    public static byte[] Photo(AvatarPhotoRequest request)
    {
        Guard.NotNull(request, nameof(request));
        Guard.NotNullOrWhiteSpace(request.Age, "request.Age");
        if (request.Gender is not ("Male" or "Female"))
        {
            throw Bad($"request.Gender must be Male or Female, but was '{request.Gender}'.");
        }

        if (request.NumberOfImages is < 1 or > 4)
        {
            throw Bad($"request.NumberOfImages must be between 1 and 4, but was {request.NumberOfImages}.");
        }

        Text(request.Background, "request.Background", AvatarPhotoRequest.MaxTextLength);
        Text(request.Detail, "request.Detail", AvatarPhotoRequest.MaxTextLength);
        Text(request.TalkingPose, "request.TalkingPose", AvatarPhotoRequest.MaxTextLength);
        var ratio = request.AspectRatio == AspectRatio.Portrait9x16 ? 0
            : request.AspectRatio == AspectRatio.Landscape16x9 ? 1
            : throw Bad($"request.AspectRatio must be 9:16 or 16:9, but was '{request.AspectRatio}'.");
        if (request.ReferenceImageUrl is { } reference)
        {
            PublicUrl(reference, "request.ReferenceImageUrl");
        }

        if (request.ReferenceContent is not (null or "style" or "appearance"))
        {
            throw Bad($"request.ReferenceContent must be style or appearance, but was '{request.ReferenceContent}'.");
        }

        return JsonBody.Write(w =>
        {
            w.WriteString("age", request.Age);
            w.WriteString("gender", request.Gender);
            w.WriteNumber("number_of_images", request.NumberOfImages);
            JsonBody.OptionalString(w, "background", request.Background);
            JsonBody.OptionalString(w, "detail", request.Detail);
            JsonBody.OptionalString(w, "talking_pose", request.TalkingPose);
            JsonBody.OptionalString(w, "industry", request.Industry);
            JsonBody.OptionalString(w, "origin", request.Origin);
            w.WriteNumber("aspect_ratio", ratio);
            JsonBody.OptionalString(w, "ref_img_url", request.ReferenceImageUrl?.AbsoluteUri);
            JsonBody.OptionalString(w, "ref_content", request.ReferenceContent);
        });
    }

    public static byte[] Motion(AvatarMotionRequest request)
    {
        Guard.NotNull(request, nameof(request));
        Guard.Identifier(request.PhotoTaskId, "request.PhotoTaskId");
        PublicUrl(request.PhotoUrl ?? throw Bad("request.PhotoUrl is required."), "request.PhotoUrl");
        Text(request.Emotion, "request.Emotion", AvatarMotionRequest.MaxEmotionLength);
        return JsonBody.Write(w =>
        {
            w.WriteString("photo_unique_id", request.PhotoTaskId);
            w.WriteString("photo_path", request.PhotoUrl.AbsoluteUri);
            JsonBody.OptionalString(w, "emotion", request.Emotion);
            w.WriteBoolean("gesture", request.Gesture);
        });
    }

    public static byte[] Lora(AvatarLoraRequest request)
    {
        Guard.NotNull(request, nameof(request));
        Guard.NotNullOrWhiteSpace(request.Name, "request.Name");
        var photos = request.Photos.ToArray();
        if (photos.Length is < AvatarLoraRequest.MinPhotos or > AvatarLoraRequest.MaxPhotos)
        {
            throw Bad($"request.Photos must hold {AvatarLoraRequest.MinPhotos} to {AvatarLoraRequest.MaxPhotos} photo URLs, but holds {photos.Length}.");
        }

        for (var i = 0; i < photos.Length; i++)
        {
            PublicUrl(photos[i] ?? throw Bad($"request.Photos[{i}] is null."), $"request.Photos[{i}]");
        }

        if (request.RetryLoraId is not null)
        {
            Guard.Identifier(request.RetryLoraId, "request.RetryLoraId");
        }

        return JsonBody.Write(w =>
        {
            w.WriteString("name", request.Name);
            w.WriteStartArray("photos");
            foreach (var photo in photos)
            {
                w.WriteStringValue(photo.AbsoluteUri);
            }

            w.WriteEndArray();
            JsonBody.OptionalString(w, "lora_id", request.RetryLoraId);
        });
    }

    private static void PublicUrl(Uri url, string name)
    {
        if (url.IsAbsoluteUri && url.IsFile)
        {
            throw Bad($"{name} is a local file ({url.LocalPath}): avatar design takes only public http(s) URLs and has no upload service. Put the picture somewhere public first.");
        }

        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw Bad($"{name} must be an absolute http(s) URL, but was '{url}'.");
        }
    }

    private static void Text(string? value, string name, int max)
    {
        if (value is not null && value.Length > max)
        {
            throw Bad($"{name} is {value.Length} characters long; at most {max}.");
        }
    }

    private static ArgumentException Bad(string message) => new(message, "request");
}
