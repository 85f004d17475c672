namespace Chanjing.Sdk.Internal;

/// <summary>Checks a local reference image before anything is uploaded: it exists, is JPEG/PNG/WEBP by content, and is at most 20 MB.</summary>
internal static class ImageFiles
{
    public const long MaxImageBytes = 20L * 1024 * 1024;

    public static string CheckLocalImage(Uri fileUri, string name)
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

        if (info.Length > MaxImageBytes)
        {
            throw new ArgumentException($"{name} '{path}' is {info.Length} bytes; a reference image may be at most {MaxImageBytes} bytes (20 MB).", "request");
        }

        var header = new byte[12];
        int read;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1))
        {
            read = stream.Read(header, 0, header.Length);
        }

        if (DetectImageType(header.AsSpan(0, read)) is null)
        {
            throw new ArgumentException($"{name} '{path}' is not a JPEG, PNG or WEBP image (checked by its content, not its extension).", "request");
        }

        return path;
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
