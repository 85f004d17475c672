using System.Text.Json;

namespace Chanjing.Sdk.Internal.Endpoints;

/// <summary>The answer of <c>create_upload_url</c>: where to PUT the bytes and what the file will be.</summary>
internal sealed record UploadTarget(Uri SignUrl, Uri FullPath, string? Key, string MimeType, string FileId)
{
    public static UploadTarget Read(JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"Expected the upload object in 'data' but found {data.ValueKind}.");
        }

        var sign = JsonReading.GetString(data, "sign_url");
        var full = JsonReading.GetString(data, "full_path");
        var mime = JsonReading.GetString(data, "mime_type");
        var id = JsonReading.GetString(data, "file_id");
        if (string.IsNullOrEmpty(sign) || string.IsNullOrEmpty(full) || string.IsNullOrEmpty(mime) || string.IsNullOrEmpty(id))
        {
            throw new FormatException("The upload response lacks 'sign_url', 'full_path', 'mime_type' or 'file_id'.");
        }

        return new UploadTarget(new Uri(sign!, UriKind.Absolute), new Uri(full!, UriKind.Absolute), JsonReading.GetString(data, "key"), mime!, id!);
    }
}
