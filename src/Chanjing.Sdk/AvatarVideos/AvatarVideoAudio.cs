namespace Chanjing.Sdk;

/// <summary>What an avatar says (the wire's <c>audio</c>): a text spoken by a voice (<c>tts</c>), or an audio file (<c>audio</c>).</summary>
public sealed class AvatarVideoAudio
{
    private AvatarVideoAudio(string? text, string? voiceId, MediaSource media)
    {
        Text = text;
        VoiceId = voiceId;
        Media = media;
    }

    /// <summary>The longest text, in characters (<c>audio.tts.text</c> must be under 4,000).</summary>
    public const int MaxTextLength = 3999;

    /// <summary>The script (<c>audio.tts.text</c>, sent as one element); SSML is allowed. Null for an audio file.</summary>
    public string? Text { get; }

    /// <summary>The voice (<c>audio.tts.audio_man</c>): a public voice, a cloned one, or the avatar's own. Null for an audio file.</summary>
    public string? VoiceId { get; }

    /// <summary>The audio file (mp3, m4a, wav or mp4; mono 8 or 16 kHz for subtitles), uploaded with service <c>make_video_audio</c>. <c>default</c> for a text.</summary>
    public MediaSource Media { get; }

    /// <summary>The speaking speed (<c>audio.tts.speed</c>), 0.5 to 2; 1 by default.</summary>
    public double Speed { get; set; } = 1;

    /// <summary>The pitch (<c>audio.tts.pitch</c>), 0.1 to 3; 1 by default.</summary>
    public double Pitch { get; set; } = 1;

    /// <summary>The language (<c>audio.language</c>): <c>cn</c> (the default) or <c>en</c>.</summary>
    public string Language { get; set; } = "cn";

    /// <summary>The volume (<c>audio.volume</c>), 1 to 100; 100 by default. Always sent: a missing volume may give a silent video.</summary>
    public int Volume { get; set; } = 100;

    /// <summary>A text spoken by a voice.</summary>
    /// <param name="text">The script, under 4,000 characters.</param>
    /// <param name="voiceId">The voice: a public voice (<see cref="PublicAvatar.VoiceId"/> is the avatar's own) or a cloned one.</param>
    /// <returns>The audio.</returns>
    public static AvatarVideoAudio FromText(string text, string voiceId) =>
        new(Guard.NotNull(text, nameof(text)), Guard.NotNull(voiceId, nameof(voiceId)), default);

    /// <summary>An audio file the avatar lip-syncs to.</summary>
    /// <param name="audio">A local file or stream (uploaded first), a file id, or a public URL whose path ends with its extension.</param>
    /// <returns>The audio.</returns>
    public static AvatarVideoAudio FromMedia(MediaSource audio) => new(null, null, audio);
}
