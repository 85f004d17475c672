namespace Chanjing.Emulator.Files;

/// <summary>One file announced by <c>create_upload_url</c>, its content once PUT, and any status forced by the test.</summary>
internal sealed class FileRecord
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string MimeType { get; init; }

    public required string Key { get; init; }

    /// <summary>The <c>service</c> (purpose) it was announced for, for example <c>customised_person</c>.</summary>
    public required string Service { get; init; }

    public byte[]? Content { get; set; }

    public DateTimeOffset? UploadedAt { get; set; }

    public int? ForcedStatus { get; set; }
}
