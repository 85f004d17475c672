using System.Text.Json;

namespace Chanjing.Sdk;

/// <summary>A public voice (<c>list_common_audio</c>): usable in <see cref="SpeechRequest"/>, avatar videos and lip-sync.</summary>
public sealed class PublicVoice
{
    private readonly LazyJson _raw;

    internal PublicVoice(string id, string? name, string? gender, string? language, string? description, int? grade, Uri? sampleUrl, LazyJson rawJson)
    {
        Id = id;
        Name = name;
        Gender = gender;
        Language = language;
        Description = description;
        Grade = grade;
        SampleUrl = sampleUrl;
        _raw = rawJson;
    }

    /// <summary>The voice's id (<c>id</c>): what <see cref="SpeechRequest.VoiceId"/> takes.</summary>
    public string Id { get; }

    /// <summary>The display name (<c>name</c>); a place name in it means the voice speaks that dialect.</summary>
    public string? Name { get; }

    /// <summary>The gender (<c>gender</c>): <c>female</c> or <c>male</c>.</summary>
    public string? Gender { get; }

    /// <summary>The language (<c>lang</c>), such as <c>multilingual</c>.</summary>
    public string? Language { get; }

    /// <summary>The description (<c>desc</c>).</summary>
    public string? Description { get; }

    /// <summary>The grade (<c>grade</c>).</summary>
    public int? Grade { get; }

    /// <summary>A sample of the voice (<c>audition</c>).</summary>
    public Uri? SampleUrl { get; }

    /// <summary>The voice object exactly as received.</summary>
    public JsonElement RawJson => _raw.Value;

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({Name})";
}
