using System.Text.Json;

namespace Chanjing.Sdk;

/// <summary>A public digital human (<c>list_common_dp</c>): its framings, the voice it speaks with, and its tags.</summary>
public sealed class PublicAvatar
{
    internal PublicAvatar(string id, string? name, string? gender, IReadOnlyList<AvatarFigure> figures, string? voiceId, string? voiceName, Uri? voicePreviewUrl, IReadOnlyList<long> tagIds, IReadOnlyList<string> tagNames, JsonElement rawJson)
    {
        Id = id;
        Name = name;
        Gender = gender;
        Figures = figures;
        VoiceId = voiceId;
        VoiceName = voiceName;
        VoicePreviewUrl = voicePreviewUrl;
        TagIds = tagIds;
        TagNames = tagNames;
        RawJson = rawJson;
    }

    /// <summary>The avatar's id (<c>id</c>): what a video's avatar is.</summary>
    public string Id { get; }

    /// <summary>The display name (<c>name</c>).</summary>
    public string? Name { get; }

    /// <summary>The gender, as the service writes it (<c>gender</c>; often empty).</summary>
    public string? Gender { get; }

    /// <summary>The framings it comes in (<c>figures</c>); a video names one of them.</summary>
    public IReadOnlyList<AvatarFigure> Figures { get; }

    /// <summary>The voice it speaks with by default (<c>audio_man_id</c>).</summary>
    public string? VoiceId { get; }

    /// <summary>That voice's name (<c>audio_name</c>).</summary>
    public string? VoiceName { get; }

    /// <summary>A sample of that voice (<c>audio_preview</c>).</summary>
    public Uri? VoicePreviewUrl { get; }

    /// <summary>The ids of its tags (<c>tag_ids</c>), as <see cref="AvatarClient.ListTagsAsync"/> lists them.</summary>
    public IReadOnlyList<long> TagIds { get; }

    /// <summary>The names of its tags (<c>tag_names</c>).</summary>
    public IReadOnlyList<string> TagNames { get; }

    /// <summary>The avatar object exactly as received.</summary>
    public JsonElement RawJson { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({Name})";
}
