using System.Text.Json;

namespace Chanjing.Sdk;

/// <summary>
/// One AI creation task as the service reports it. Immutable; build your own for tests with
/// <see cref="ChanjingModelFactory.CreationTask"/>.
/// </summary>
public sealed class CreationTask : ChanjingJob
{
    private readonly ReadOnlyMemory<byte> _rawUtf8;
    private RawHolder? _raw;

    internal CreationTask(
        string id,
        CreationTaskStatus status,
        string? errorMessage,
        IReadOnlyList<Uri> outputUrls,
        CreationType type,
        string? modelCode,
        string? modelName,
        DateTimeOffset? createdAt,
        string? aspectRatio,
        IReadOnlyList<Uri> referenceImageUrls,
        long? recordId,
        int? numberOfCreations,
        VideoTaskSettings? videoSettings,
        ImageTaskSettings? imageSettings,
        ReadOnlyMemory<byte> rawUtf8)
    {
        Id = id;
        Status = status;
        ErrorMessage = errorMessage;
        OutputUrls = outputUrls;
        Type = type;
        ModelCode = modelCode;
        ModelName = modelName;
        CreatedAt = createdAt;
        AspectRatio = aspectRatio;
        ReferenceImageUrls = referenceImageUrls;
        RecordId = recordId;
        NumberOfCreations = numberOfCreations;
        VideoSettings = videoSettings;
        ImageSettings = imageSettings;
        _rawUtf8 = rawUtf8;
    }

    /// <summary>The task id (<c>unique_id</c>), as returned by a submit.</summary>
    public override string Id { get; }

    /// <summary>The status (<c>progress_desc</c>); unknown values are preserved.</summary>
    public CreationTaskStatus Status { get; }

    /// <summary>Whether the status is final: <c>Success</c>, <c>Error</c> or <c>Fail</c>.</summary>
    public override bool IsFinished => Status.IsTerminal;

    /// <summary>Whether the status is <c>Success</c>.</summary>
    public override bool IsSucceeded => Status.IsSuccess;

    /// <summary>Always null: AI creation reports no percentage.</summary>
    public override int? Progress => null;

    /// <summary>The service's error text (<c>err_msg</c>), verbatim; null or empty unless the task failed.</summary>
    public override string? ErrorMessage { get; }

    /// <summary>The produced files (<c>output_url</c>); empty until the task succeeds.</summary>
    public override IReadOnlyList<Uri> OutputUrls { get; }

    /// <summary>Image or video (<c>type</c>).</summary>
    public CreationType Type { get; }

    /// <summary>The model code (<c>model_code</c>).</summary>
    public string? ModelCode { get; }

    /// <summary>The model's display name (<c>model_name</c>), often empty.</summary>
    public string? ModelName { get; }

    /// <summary>When the task was created (<c>create_time</c>, Unix seconds).</summary>
    public override DateTimeOffset? CreatedAt { get; }

    /// <summary>The aspect ratio (<c>aspect_ratio</c>).</summary>
    public string? AspectRatio { get; }

    /// <summary>The reference images (<c>ref_img_url</c>).</summary>
    public IReadOnlyList<Uri> ReferenceImageUrls { get; }

    /// <summary>The service's numeric record id (<c>id</c>).</summary>
    public long? RecordId { get; }

    /// <summary>How many creations the task made (<c>number_ai_creation</c>).</summary>
    public int? NumberOfCreations { get; }

    /// <summary>The echoed request of a video task (<c>motion_info</c>), when present.</summary>
    public VideoTaskSettings? VideoSettings { get; }

    /// <summary>The echoed request of an image task (<c>photo_info</c>), when present.</summary>
    public ImageTaskSettings? ImageSettings { get; }

    /// <summary>The task object exactly as received, so fields this version does not model stay reachable.</summary>
    /// <remarks>Kept as its UTF-8 bytes and parsed on first use: a wait holds its last task for as long as it waits.</remarks>
    public override JsonElement RawJson => (_raw ??= new RawHolder(Parse(_rawUtf8))).Value;

    /// <summary>The bytes <see cref="RawJson"/> is parsed from (a slice of the response body where possible).</summary>
    internal ReadOnlyMemory<byte> RawUtf8 => _rawUtf8;

    // A reference is written atomically (a nullable struct is not): concurrent first readers see a whole element.
    private sealed class RawHolder(JsonElement value)
    {
        public JsonElement Value { get; } = value;
    }

    private static JsonElement Parse(ReadOnlyMemory<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8.Span);
        return JsonElement.ParseValue(ref reader);
    }

    /// <inheritdoc />
    internal override string Kind => "Task";

    /// <inheritdoc />
    internal override string StatusText => Status.Value;

    /// <summary>Returns a short description: id, status and error message.</summary>
    public override string ToString() =>
        string.IsNullOrEmpty(ErrorMessage) ? $"{Id} ({Status})" : $"{Id} ({Status}: {ErrorMessage})";
}
