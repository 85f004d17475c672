using System.Text.Json;

namespace Chanjing.Sdk;

/// <summary>A voice clone (定制声音) as the service reports it (<c>customised_audio</c>, its list, its callback). Immutable.</summary>
public sealed class CustomVoice : ChanjingJob
{
    private readonly LazyJson _raw;

    internal CustomVoice(string id, string? name, string? modelType, CustomVoiceStatus status, int? progress, string? errorMessage, Uri? sampleClipUrl, DateTimeOffset? createdAt, LazyJson rawJson)
    {
        Id = id;
        Name = name;
        ModelType = modelType;
        Status = status;
        Progress = progress;
        ErrorMessage = errorMessage;
        SampleClipUrl = sampleClipUrl;
        CreatedAt = createdAt;
        _raw = rawJson;
    }

    /// <summary>The voice's id (<c>id</c>, <c>C-Audio-…</c>): what <see cref="SpeechRequest.VoiceId"/> takes once ready.</summary>
    public override string Id { get; }

    /// <summary>The name it was created with (<c>name</c>).</summary>
    public string? Name { get; }

    /// <summary>The model it was cloned with (<c>type</c>), such as <c>cicada3.0-turbo</c>.</summary>
    public string? ModelType { get; }

    /// <summary>The status (<c>status</c>); unknown values are kept.</summary>
    public CustomVoiceStatus Status { get; }

    /// <inheritdoc />
    public override bool IsFinished => Status.IsFinished;

    /// <summary>Whether the voice is ready (2).</summary>
    public override bool IsSucceeded => Status.IsSucceeded;

    /// <summary>Progress from 0 to 100 (<c>progress</c>).</summary>
    public override int? Progress { get; }

    /// <summary>Why cloning failed (<c>err_msg</c>), verbatim; trust <see cref="Status"/> over it (the docs pair a ready status with an error text).</summary>
    public override string? ErrorMessage { get; }

    /// <summary>The training clip cut from the sample (<c>audio_path</c>).</summary>
    public Uri? SampleClipUrl { get; }

    /// <summary>When it was created (<c>create_time</c>), when the service says; the documented object has no such field.</summary>
    public override DateTimeOffset? CreatedAt { get; }

    /// <summary>Empty: a voice is used by id, it has no file to download.</summary>
    public override IReadOnlyList<Uri> OutputUrls => [];

    /// <inheritdoc />
    public override JsonElement RawJson => _raw.Value;

    /// <inheritdoc />
    internal override string Kind => "Voice clone";

    /// <inheritdoc />
    internal override string StatusText => Status.ToString();

    /// <inheritdoc />
    internal override bool IsKnownStatus => Status.IsKnown;

    /// <summary>Returns a short description: id, name and status.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Id} {Name} ({Status})";
}
