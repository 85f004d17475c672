using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Chanjing.Emulator.Http;

namespace Chanjing.Emulator.Files;

/// <summary>
/// The three-step upload: <c>create_upload_url</c>, the signed <c>PUT</c> (checked against <c>mime_type</c>) and
/// <c>file_detail</c> (processing, then ready after <see cref="ChanjingEmulatorOptions.FileReadyDelay"/>; 98 for
/// content-safety failures; any status a test forces). Thread-safe.
/// </summary>
internal sealed class FileStore(ChanjingEmulatorOptions options, Func<Uri> baseAddress)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, FileRecord> _files = new(StringComparer.Ordinal);

    private DateTimeOffset Now => options.TimeProvider.GetUtcNow();

    public EmulatorResponse CreateUploadUrl(string? service, string? name)
    {
        if (string.IsNullOrEmpty(service) || string.IsNullOrEmpty(name) || string.IsNullOrEmpty(Path.GetExtension(name)))
        {
            // The file doc: a bad parameter of this endpoint answers 400 ("request format is wrong").
            return EmulatorResponse.Envelope(400, "参数错误: service 和带扩展名的 name 必填", null);
        }

        var id = Guid.NewGuid().ToString("N");
        var extension = Path.GetExtension(name);
        var file = new FileRecord { Id = id, Name = name, MimeType = MimeType(extension), Key = $"chanjing/res/emulator/{service}/{id}{extension}", Service = service };
        lock (_gate)
        {
            _files[id] = file;
        }

        var expires = (Now + TimeSpan.FromMinutes(15)).ToUnixTimeSeconds();
        var signature = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        return EmulatorResponse.Ok(new JsonObject
        {
            ["sign_url"] = new Uri(baseAddress(), $"upload/{id}?Expires={expires}&OSSAccessKeyId=emulator&Signature={signature}").AbsoluteUri,
            ["full_path"] = FullPath(file),
            ["key"] = file.Key,
            ["mime_type"] = file.MimeType,
            ["file_id"] = id,
        });
    }

    public EmulatorResponse Upload(string id, string? contentType, byte[] content)
    {
        lock (_gate)
        {
            if (!_files.TryGetValue(id, out var file))
            {
                return new EmulatorResponse(404, "application/xml", "<Error><Code>NoSuchUpload</Code></Error>"u8.ToArray());
            }

            if (!string.Equals(contentType, file.MimeType, StringComparison.Ordinal))
            {
                return new EmulatorResponse(403, "application/xml", Encoding.UTF8.GetBytes("<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided.</Message></Error>"));
            }

            file.Content = content;
            file.UploadedAt = Now;
            return new EmulatorResponse(200, "text/plain", []);
        }
    }

    public EmulatorResponse Detail(string? id)
    {
        lock (_gate)
        {
            if (string.IsNullOrEmpty(id) || !_files.TryGetValue(id, out var file))
            {
                return EmulatorResponse.Envelope(40000, "文件不存在", null);
            }

            var status = Status(file);
            return EmulatorResponse.Ok(new JsonObject
            {
                ["id"] = file.Id,
                ["name"] = file.Name,
                ["status"] = status,
                ["full_path"] = FullPath(file),
                ["key"] = file.Key,
                ["mime_type"] = file.MimeType,
            });
        }
    }

    /// <summary>
    /// A file another endpoint refers to by <c>file_id</c>: its record and content when it exists and is ready
    /// (<c>file_detail</c> status 1) for <paramref name="service"/>; otherwise the message the endpoint answers.
    /// </summary>
    public (FileRecord? File, string? Error) Ready(string? id, string service)
    {
        lock (_gate)
        {
            if (string.IsNullOrEmpty(id) || !_files.TryGetValue(id, out var file))
            {
                return (null, $"文件不存在: {id}");
            }

            if (!string.Equals(file.Service, service, StringComparison.Ordinal))
            {
                return (null, $"文件用途错误: 该文件的 service 为 {file.Service}, 此处需要 {service}");
            }

            return Status(file) == 1 && file.Content is not null ? (file, null) : (null, $"文件未就绪或不可用 (status {Status(file)})");
        }
    }

    /// <summary>An uploaded file's content by its <c>full_path</c> URL (as a request may pass it back), or null.</summary>
    public byte[]? ContentAt(Uri url)
    {
        var prefix = new Uri(baseAddress(), "files/uploads/").AbsoluteUri;
        return url.AbsoluteUri.StartsWith(prefix, StringComparison.Ordinal) ? Content(url.AbsoluteUri[prefix.Length..].Split('?')[0])?.Content : null;
    }

    /// <summary>Forces what <c>file_detail</c> reports, for example 99 (deleted) or 100 (cleaned up).</summary>
    public void SetStatus(string id, int status)
    {
        lock (_gate)
        {
            (_files.TryGetValue(id, out var file) ? file : throw new KeyNotFoundException($"No file {id}.")).ForcedStatus = status;
        }
    }

    /// <summary>An uploaded file's content by its name under <c>files/uploads/</c>, or null (also once deleted: 99, 100).</summary>
    public (byte[] Content, string ContentType)? Content(string fileName)
    {
        lock (_gate)
        {
            return _files.TryGetValue(Path.GetFileNameWithoutExtension(fileName), out var file) && file.Content is { } content && file.ForcedStatus is not (99 or 100)
                ? (content, file.MimeType)
                : null;
        }
    }

    private int Status(FileRecord file) => file.ForcedStatus
        ?? (file.UploadedAt is not { } at || Now < at + options.FileReadyDelay ? 0
        : file.Name.Contains(options.ContentSafetyRejectMarker, StringComparison.OrdinalIgnoreCase) ? 98
        : 1);

    private string FullPath(FileRecord file) => new Uri(baseAddress(), $"files/uploads/{file.Id}{Path.GetExtension(file.Name)}").AbsoluteUri;

    private static string MimeType(string extension) => extension.ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".webp" => "image/webp",
        ".mp4" => "video/mp4",
        ".mov" => "video/quicktime",
        ".webm" => "video/webm",
        ".m4a" => "audio/m4a",
        ".mp3" => "audio/mpeg",
        ".wav" => "audio/wav",
        _ => "application/octet-stream",
    };
}
