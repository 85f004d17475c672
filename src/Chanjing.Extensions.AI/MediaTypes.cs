namespace Chanjing.Extensions.AI;

/// <summary>Media types from file names, both ways, for the files Chanjing makes and the ones sent to it.</summary>
internal static class MediaTypes
{
    private static readonly (string Extension, string MediaType)[] Known =
    [
        (".png", "image/png"), (".jpg", "image/jpeg"), (".jpeg", "image/jpeg"), (".webp", "image/webp"), (".gif", "image/gif"),
        (".wav", "audio/wav"), (".mp3", "audio/mpeg"), (".m4a", "audio/mp4"), (".ogg", "audio/ogg"), (".mp4", "video/mp4"),
    ];

    /// <summary>The media type of the file a URL names, or <paramref name="fallback"/> when its extension is not known.</summary>
    public static string FromUrl(Uri url, string fallback)
    {
        var path = url.IsAbsoluteUri ? url.AbsolutePath : url.OriginalString;
        var extension = Path.GetExtension(path);
        foreach (var (known, mediaType) in Known)
        {
            if (string.Equals(known, extension, StringComparison.OrdinalIgnoreCase))
            {
                return mediaType;
            }
        }

        return fallback;
    }

    /// <summary>A file extension for a media type (".bin" when not known).</summary>
    public static string Extension(string? mediaType)
    {
        foreach (var (extension, known) in Known)
        {
            if (string.Equals(known, mediaType, StringComparison.OrdinalIgnoreCase))
            {
                return extension;
            }
        }

        return ".bin";
    }
}
