namespace Chanjing.Sdk;

/// <summary>The lip-sync model (<c>model</c>).</summary>
public enum LipSyncModel
{
    /// <summary>Standard lip-sync (0, the service's default).</summary>
    Standard = 0,

    /// <summary>Lip-sync Pro, higher quality (1).</summary>
    Pro = 1,

    /// <summary>For cartoon footage only (2).</summary>
    Cartoon = 2,
}

/// <summary>
/// The body of <c>POST /open/v1/video_lip_sync/create</c>: a video whose mouth is re-driven by a text spoken by a voice
/// (<see cref="FromText"/>) or by an audio file (<see cref="FromAudio"/>).
/// </summary>
public sealed class LipSyncRequest
{
    private LipSyncRequest(MediaSource video, string? text, string? voiceId, MediaSource audio)
    {
        Video = video;
        Text = text;
        VoiceId = voiceId;
        Audio = audio;
    }

    /// <summary>The longest text, in characters.</summary>
    public const int MaxTextLength = 3999;

    /// <summary>The driving video (mp4, mov or webm): a local file or stream (uploaded with service <c>lip_sync_video</c>) or a file id; the service takes no URL (<c>video_file_id</c>).</summary>
    public MediaSource Video { get; set; }

    /// <summary>What is said (<c>tts_config.text</c>, sent as a one-element array); null for an audio file.</summary>
    public string? Text { get; set; }

    /// <summary>The voice (<c>tts_config.audio_man_id</c>): public or cloned; null for an audio file.</summary>
    public string? VoiceId { get; set; }

    /// <summary>The speaking speed (<c>tts_config.speed</c>), 0.5 to 2; 1 by default.</summary>
    public double Speed { get; set; } = 1;

    /// <summary>The pitch (<c>tts_config.pitch</c>), 0.1 to 3; 1 by default.</summary>
    public double Pitch { get; set; } = 1;

    /// <summary>The audio file (mp3, m4a or wav): a local file or stream (uploaded with service <c>lip_sync_audio</c>) or a file id (<c>audio_file_id</c>); <c>default</c> for a text.</summary>
    public MediaSource Audio { get; set; }

    /// <summary>
    /// The output width (<c>screen_width</c>); when null, the driving video's own width when the SDK can read it cheaply
    /// (a local MP4 or MOV's header), else the documented 1080.
    /// </summary>
    public int? ScreenWidth { get; set; }

    /// <summary>The output height (<c>screen_height</c>); when null, the driving video's own height when readable, else the documented 1920.</summary>
    public int? ScreenHeight { get; set; }

    /// <summary>The model (<c>model</c>); the service's default (standard) when null.</summary>
    public LipSyncModel? Model { get; set; }

    /// <summary>The volume (<c>volume</c>), 1 to 100; 100 by default, always sent.</summary>
    public int Volume { get; set; } = 100;

    /// <summary>What to do when the video is shorter than the speech (<c>backway</c>); the service's default (forward) when null.</summary>
    public AvatarPlayback? Playback { get; set; }

    /// <summary>Drive with random frames (<c>drive_mode</c> <c>"random"</c>) instead of the footage's order.</summary>
    public bool RandomDriveMode { get; set; }

    /// <summary>A URL the service calls with the whole answer envelope when the video ends (<c>callback</c>).</summary>
    public Uri? CallbackUrl { get; set; }

    /// <summary>A copy of every setting, taken before the checks so a caller changing the request meanwhile cannot race them.</summary>
    internal LipSyncRequest Snapshot() => new(Video, Text, VoiceId, Audio)
    {
        Speed = Speed,
        Pitch = Pitch,
        ScreenWidth = ScreenWidth,
        ScreenHeight = ScreenHeight,
        Model = Model,
        Volume = Volume,
        Playback = Playback,
        RandomDriveMode = RandomDriveMode,
        CallbackUrl = CallbackUrl,
    };

    /// <summary>A video re-voiced with a text spoken by a voice.</summary>
    /// <param name="video">The driving video.</param>
    /// <param name="text">What is said, under 4,000 characters.</param>
    /// <param name="voiceId">The voice: public or cloned.</param>
    /// <returns>The request.</returns>
    public static LipSyncRequest FromText(MediaSource video, string text, string voiceId) =>
        new(video, Guard.NotNull(text, nameof(text)), Guard.NotNull(voiceId, nameof(voiceId)), default);

    /// <summary>A video re-voiced with an audio file.</summary>
    /// <param name="video">The driving video.</param>
    /// <param name="audio">The audio.</param>
    /// <returns>The request.</returns>
    public static LipSyncRequest FromAudio(MediaSource video, MediaSource audio) => new(video, null, null, audio);
}
