namespace Chanjing.Emulator.AvatarVideos;

/// <summary>A <c>create_video</c> body the emulator accepted, reduced to what it needs to produce and report the video.</summary>
internal sealed record AvatarVideoRequest
{
    public required string PersonId { get; init; }

    /// <summary>The public avatar's figure type, or null for a customised avatar.</summary>
    public required string? FigureType { get; init; }

    /// <summary><c>"tts"</c> or <c>"audio"</c>.</summary>
    public required string AudioType { get; init; }

    /// <summary>The speech's text (the <c>tts.text</c> elements joined), empty in audio mode.</summary>
    public required string Text { get; init; }

    public required double Speed { get; init; }

    public required string Voice { get; init; }

    /// <summary>In audio mode: the uploaded file's name or the <c>wav_url</c>.</summary>
    public required string AudioName { get; init; }

    /// <summary>In audio mode: the audio's bytes when the emulator has them (an upload, or a URL of its own).</summary>
    public required byte[]? AudioContent { get; init; }

    public required int Volume { get; init; }

    public required string Language { get; init; }

    public required bool Subtitles { get; init; }

    public required int ScreenWidth { get; init; }

    public required int ScreenHeight { get; init; }

    public required Uri? Callback { get; init; }
}
