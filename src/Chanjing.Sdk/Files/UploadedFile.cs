namespace Chanjing.Sdk;

/// <summary>A file uploaded to Chanjing's storage and ready to use, for example in <see cref="ReferenceVideoRequest.ReferenceImageUrls"/>.</summary>
public sealed class UploadedFile
{
    internal UploadedFile(Uri url, string fileId, string? key, string mimeType, long length)
    {
        Url = url;
        FileId = fileId;
        Key = key;
        MimeType = mimeType;
        Length = length;
    }

    /// <summary>The public URL (<c>full_path</c>).</summary>
    public Uri Url { get; }

    /// <summary>The file id (<c>file_id</c>).</summary>
    public string FileId { get; }

    /// <summary>The storage key (<c>key</c>).</summary>
    public string? Key { get; }

    /// <summary>The content type the service assigned (<c>mime_type</c>).</summary>
    public string MimeType { get; }

    /// <summary>The number of bytes uploaded.</summary>
    public long Length { get; }

    /// <summary>Returns the public URL.</summary>
    public override string ToString() => Url.ToString();
}
