using System.Text.Json;

namespace Chanjing.Sdk;

/// <summary>A photo or motion task of avatar design (<c>aigc/photo/task</c>, <c>aigc/motion/task</c>, their list). Immutable.</summary>
public abstract class AvatarDesignTask : ChanjingJob
{
    private readonly LazyJson _raw;

    private protected AvatarDesignTask(string id, int? type, AvatarDesignStatus status, string? errorMessage, IReadOnlyList<Uri> outputs, int? queuePosition, LazyJson rawJson)
    {
        Id = id;
        Type = type;
        Status = status;
        ErrorMessage = errorMessage;
        Outputs = outputs;
        QueuePosition = queuePosition;
        _raw = rawJson;
    }

    /// <summary>The task's id (<c>unique_id</c>).</summary>
    public override string Id { get; }

    /// <summary>What the task makes (<c>type</c>): 1 photos, 2 a motion video.</summary>
    public int? Type { get; }

    /// <summary>The status (<c>progress_desc</c>); unknown values are kept.</summary>
    public AvatarDesignStatus Status { get; }

    /// <inheritdoc />
    public override bool IsFinished => Status.IsFinished;

    /// <summary>Whether the task succeeded with at least one output.</summary>
    public override bool IsSucceeded => Status.IsSucceeded && Outputs.Count > 0;

    /// <summary>Always null: these tasks report no percentage.</summary>
    public override int? Progress => null;

    /// <summary>The service's error text (<c>err_msg</c>), verbatim.</summary>
    public override string? ErrorMessage { get; }

    /// <summary>Not reported by the service: null.</summary>
    public override DateTimeOffset? CreatedAt => null;

    /// <summary>Where the task waits in the queue (<c>waiting_num</c>), when reported.</summary>
    public int? QueuePosition { get; }

    /// <summary>The outputs (<c>output_url</c>), once succeeded.</summary>
    public override IReadOnlyList<Uri> OutputUrls => IsSucceeded ? Outputs : [];

    /// <inheritdoc />
    public override JsonElement RawJson => _raw.Value;

    /// <summary>The outputs as reported, whatever the status.</summary>
    private protected IReadOnlyList<Uri> Outputs { get; }

    /// <inheritdoc />
    internal override string StatusText => Status.Value;

    /// <inheritdoc />
    internal override bool IsKnownStatus => Status.IsKnown;

    /// <summary>Returns a short description: id, status and error message.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        string.IsNullOrEmpty(ErrorMessage) ? $"{Id} ({Status})" : $"{Id} ({Status}: {ErrorMessage})";
}

/// <summary>A photo task (<c>aigc/photo/task</c>): pictures of a designed digital human.</summary>
public sealed class AvatarPhotoTask : AvatarDesignTask
{
    internal AvatarPhotoTask(string id, int? type, AvatarDesignStatus status, string? errorMessage, IReadOnlyList<Uri> outputs, int? queuePosition, string? aspectRatio, LazyJson rawJson)
        : base(id, type, status, errorMessage, outputs, queuePosition, rawJson)
    {
        AspectRatio = aspectRatio;
    }

    /// <summary>The pictures' aspect ratio as the service reports it (<c>aspect_ratio</c>).</summary>
    public string? AspectRatio { get; }

    /// <summary>The pictures (PNG), once succeeded; pass one to <see cref="AvatarMotionRequest"/>.</summary>
    public IReadOnlyList<Uri> ImageUrls => OutputUrls;

    /// <inheritdoc />
    internal override string Kind => "Avatar photo task";
}

/// <summary>A motion task (<c>aigc/motion/task</c>): a designed digital human's photo brought to life.</summary>
public sealed class AvatarMotionTask : AvatarDesignTask
{
    internal AvatarMotionTask(string id, int? type, AvatarDesignStatus status, string? errorMessage, IReadOnlyList<Uri> outputs, int? queuePosition, LazyJson rawJson)
        : base(id, type, status, errorMessage, outputs, queuePosition, rawJson)
    {
    }

    /// <summary>The video (MP4, <c>output_url[0]</c>), once succeeded.</summary>
    public Uri? VideoUrl => OutputUrls.Count > 0 ? OutputUrls[0] : null;

    /// <inheritdoc />
    internal override string Kind => "Avatar motion task";
}

/// <summary>A LoRA task (<c>aigc/lora/task</c>): a model of a person trained on photos, which makes its pictures as photo tasks.</summary>
public sealed class AvatarLoraTask : ChanjingJob
{
    private readonly LazyJson _raw;

    internal AvatarLoraTask(string id, AvatarDesignStatus status, string? errorMessage, IReadOnlyList<string> photoTaskIds, LazyJson rawJson)
    {
        Id = id;
        Status = status;
        ErrorMessage = errorMessage;
        PhotoTaskIds = photoTaskIds;
        _raw = rawJson;
    }

    /// <summary>The task's id (<c>lora_id</c>).</summary>
    public override string Id { get; }

    /// <summary>The status (<c>status</c>): Queued, Published, Generating, Success or Fail.</summary>
    public AvatarDesignStatus Status { get; }

    /// <inheritdoc />
    public override bool IsFinished => Status.IsFinished;

    /// <summary>Whether the task succeeded.</summary>
    public override bool IsSucceeded => Status.IsSucceeded;

    /// <summary>Always null.</summary>
    public override int? Progress => null;

    /// <summary>The service's error text (<c>err_msg</c>), verbatim.</summary>
    public override string? ErrorMessage { get; }

    /// <summary>Not reported by the service: null.</summary>
    public override DateTimeOffset? CreatedAt => null;

    /// <summary>The photo tasks holding its pictures (<c>photo_task_ids</c>): read them with <see cref="AvatarDesignClient.GetPhotoAsync"/>.</summary>
    public IReadOnlyList<string> PhotoTaskIds { get; }

    /// <summary>Empty: the pictures are the photo tasks' outputs (<see cref="PhotoTaskIds"/>).</summary>
    public override IReadOnlyList<Uri> OutputUrls => [];

    /// <inheritdoc />
    public override JsonElement RawJson => _raw.Value;

    /// <inheritdoc />
    internal override string Kind => "Avatar LoRA task";

    /// <inheritdoc />
    internal override string StatusText => Status.Value;

    /// <inheritdoc />
    internal override bool IsKnownStatus => Status.IsKnown;

    /// <summary>Returns a short description: id and status.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Id} ({Status})";
}
