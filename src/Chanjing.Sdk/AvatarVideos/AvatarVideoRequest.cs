using System.Text.Json.Nodes;

namespace Chanjing.Sdk;

/// <summary>
/// The body of <c>POST /open/v1/create_video</c>: an avatar speaking a script or an audio file on a canvas, with an
/// optional background and subtitles. Checked against the documented limits before anything is sent.
/// </summary>
public sealed class AvatarVideoRequest
{
    /// <summary>Creates a request.</summary>
    /// <param name="avatar">Who speaks.</param>
    /// <param name="audio">What is said.</param>
    public AvatarVideoRequest(VideoAvatar avatar, AvatarVideoAudio audio)
    {
        Avatar = Guard.NotNull(avatar, nameof(avatar));
        Audio = Guard.NotNull(audio, nameof(audio));
    }

    /// <summary>Who speaks (<c>person</c>).</summary>
    public VideoAvatar Avatar { get; set; }

    /// <summary>What is said (<c>audio</c>).</summary>
    public AvatarVideoAudio Audio { get; set; }

    /// <summary>The canvas width (<c>screen_width</c>); 1080 by default.</summary>
    public int ScreenWidth { get; set; } = 1080;

    /// <summary>The canvas height (<c>screen_height</c>); 1920 by default.</summary>
    public int ScreenHeight { get; set; } = 1920;

    /// <summary>The background colour (<c>bg_color</c>), <c>#RRGGBB</c>; the service's default (<c>#EDEDED</c>) when null.</summary>
    public string? BackgroundColor { get; set; }

    /// <summary>A background picture (<c>bg</c>; jpg or png) covering the canvas; a local file or stream is uploaded with service <c>make_video_background</c>.</summary>
    public MediaSource Background { get; set; }

    /// <summary>Subtitles (<c>subtitle_config</c>); none is sent when null (the service's default).</summary>
    public AvatarVideoSubtitles? Subtitles { get; set; }

    /// <summary>The rendering model (<c>model</c>); the service's default when null.</summary>
    public AvatarVideoModel? Model { get; set; }

    /// <summary>Render in 4K (<c>resolution_rate</c> 1); only for avatars that support it.</summary>
    public bool Use4K { get; set; }

    /// <summary>Add Chanjing's AI-content compliance watermark (<c>add_compliance_watermark</c>).</summary>
    public bool ComplianceWatermark { get; set; }

    /// <summary>Where the watermark goes (<c>compliance_watermark_position</c>); needs <see cref="ComplianceWatermark"/>.</summary>
    public WatermarkPosition? WatermarkPosition { get; set; }

    /// <summary>Drive the avatar's gestures in a random order (<c>drive_mode</c> <c>"random"</c>) instead of the footage's order.</summary>
    public bool RandomDriveMode { get; set; }

    /// <summary>Render a transparent 4-channel webm (<c>is_rgba_mode</c>); only for avatars customised from a 4-channel webm, and without subtitles or background.</summary>
    public bool TransparentBackground { get; set; }

    /// <summary>How the footage plays when the speech outlasts it (<c>backway</c>); the service's default (forward) when null.</summary>
    public AvatarPlayback? Playback { get; set; }

    /// <summary>A URL the service calls when the video ends (<c>callback</c>); treat a call as a hint and read the video.</summary>
    public Uri? CallbackUrl { get; set; }

    /// <summary>
    /// Top-level fields the SDK does not model, sent verbatim. A name that is also a field this request models is refused
    /// with an <see cref="ArgumentException"/> naming it.
    /// </summary>
    public IDictionary<string, JsonNode?> AdditionalFields { get; } = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
}
