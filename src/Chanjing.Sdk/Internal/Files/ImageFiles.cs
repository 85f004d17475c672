namespace Chanjing.Sdk.Internal.Files;

/// <summary>Checks a local file before anything is uploaded: it exists, has an extension, is JPEG/PNG/WEBP (at most 20 MB) or, where videos are allowed, MP4/MOV, by content.</summary>
internal static class ImageFiles
{
    public const long MaxImageBytes = 20L * 1024 * 1024;

    /// <summary>Checks a local image, or (with <paramref name="allowVideo"/>) an MP4/MOV video, before it is uploaded; returns its path.</summary>
    public static string CheckLocalImage(Uri fileUri, string name, bool allowVideo = false)
    {
        var path = fileUri.LocalPath;
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new ArgumentException($"{name} '{path}' does not exist.", "request");
        }

        if (string.IsNullOrEmpty(info.Extension))
        {
            throw new ArgumentException($"{name} '{path}' must have an extension (.jpg, .png or .webp): the upload derives the content type from the file name.", "request");
        }

        if (info.Length > MaxImageBytes && !(allowVideo && IsVideo(info.FullName)))
        {
            throw new ArgumentException($"{name} '{path}' is {info.Length} bytes; a reference image may be at most {MaxImageBytes} bytes (20 MB).", "request");
        }

        var header = new byte[12];
        int read;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1))
        {
            read = stream.Read(header, 0, header.Length);
        }

        if (DetectImageType(header.AsSpan(0, read)) is null && !(allowVideo && DetectVideoType(header.AsSpan(0, read)) is not null))
        {
            throw new ArgumentException($"{name} '{path}' is not a JPEG, PNG or WEBP image{(allowVideo ? " or an MP4/MOV video" : string.Empty)} (checked by its content, not its extension).", "request");
        }

        return path;
    }

    /// <summary>The video type of a file's first bytes (an ISO base media file: MP4 or QuickTime), or null.</summary>
    public static string? DetectVideoType(ReadOnlySpan<byte> header)
    {
        if (header.Length < 8)
        {
            return null;
        }

        var box = System.Text.Encoding.ASCII.GetString(header.Slice(4, 4).ToArray());
        return box switch
        {
            "ftyp" => "video/mp4",
            "moov" or "mdat" or "wide" or "free" => "video/quicktime",
            _ => null,
        };
    }

    private static bool IsVideo(string path)
    {
        var header = new byte[12];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        var read = stream.Read(header, 0, header.Length);
        return DetectVideoType(header.AsSpan(0, read)) is not null;
    }

    /// <summary>The image type of a file's first bytes, or null when it is none of JPEG, PNG, WEBP.</summary>
    public static string? DetectImageType(ReadOnlySpan<byte> header)
    {
        if (header.Length >= 3 && header[0] == 0xFF && header[1] == 0xD8 && header[2] == 0xFF)
        {
            return "image/jpeg";
        }

        if (header.Length >= 8 && header[0] == 0x89 && header[1] == (byte)'P' && header[2] == (byte)'N' && header[3] == (byte)'G' && header[4] == 0x0D && header[5] == 0x0A && header[6] == 0x1A && header[7] == 0x0A)
        {
            return "image/png";
        }

        if (header.Length >= 12 && header[0] == (byte)'R' && header[1] == (byte)'I' && header[2] == (byte)'F' && header[3] == (byte)'F'
            && header[8] == (byte)'W' && header[9] == (byte)'E' && header[10] == (byte)'B' && header[11] == (byte)'P')
        {
            return "image/webp";
        }

        return null;
    }
}
