namespace Chanjing.Sdk;

/// <summary>The body of <c>POST /open/v1/create_customised_person</c>: a digital human made from a video of a real person.</summary>
public sealed class CustomAvatarRequest
{
    /// <summary>Creates a request.</summary>
    /// <param name="name">The avatar's name.</param>
    /// <param name="video">The source video (mp4, mov or webm, at most 5 minutes): a local file or stream (uploaded with service <c>customised_person</c>) or a file id; the service takes no URL.</param>
    public CustomAvatarRequest(string name, MediaSource video)
    {
        Name = name;
        Video = video;
    }

    /// <summary>The avatar's name (<c>name</c>).</summary>
    public string Name { get; set; }

    /// <summary>The source video (<c>file_id</c>).</summary>
    public MediaSource Video { get; set; }

    /// <summary>What to make (<c>train_type</c>): <c>figure</c> (the figure only; a silent video is fine), <c>voice</c> or <c>both</c>; the service's default when null.</summary>
    public string? TrainType { get; set; }

    /// <summary>The language of the voice made with it (<c>language</c>): <c>cn</c> or <c>en</c>; the service's default (<c>cn</c>) when null.</summary>
    public string? Language { get; set; }

    /// <summary>Keep the avatar when only its voice fails (<c>error_skip</c>); the voice id is then empty.</summary>
    public bool SkipVoiceFailure { get; set; }

    /// <summary>Make a 4K avatar (<c>resolution_rate</c> 1); upload a 4K source for it.</summary>
    public bool Use4K { get; set; }

    /// <summary>A URL the service calls when the avatar is ready or failed (<c>callback</c>).</summary>
    public Uri? CallbackUrl { get; set; }
}
