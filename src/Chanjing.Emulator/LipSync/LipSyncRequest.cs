namespace Chanjing.Emulator.LipSync;

/// <summary>A <c>video_lip_sync/create</c> body the emulator accepted, reduced to what it needs to produce and report the video.</summary>
internal sealed record LipSyncRequest
{
    public required string VideoFileId { get; init; }

    /// <summary>The driving video's uploaded file name.</summary>
    public required string VideoName { get; init; }

    /// <summary>The driving video's bytes (read for its picture size when it is an MP4 / MOV).</summary>
    public required byte[] VideoContent { get; init; }

    public required int ScreenWidth { get; init; }

    public required int ScreenHeight { get; init; }

    /// <summary>1 forward (default), 2 reverse: what the service does when the driving video is shorter than the audio.</summary>
    public required int Backway { get; init; }

    /// <summary><c>""</c> (default) or <c>"random"</c>.</summary>
    public required string DriveMode { get; init; }

    /// <summary>0 standard, 1 pro, 2 cartoon.</summary>
    public required int Model { get; init; }

    /// <summary><c>"tts"</c> or <c>"audio"</c>.</summary>
    public required string AudioType { get; init; }

    /// <summary>The speech's text (the <c>tts_config.text</c> elements joined), empty in audio mode.</summary>
    public required string Text { get; init; }

    public required string Voice { get; init; }

    public required double Speed { get; init; }

    public required double Pitch { get; init; }

    /// <summary>In audio mode: the uploaded audio's file name.</summary>
    public required string AudioName { get; init; }

    /// <summary>In audio mode: the uploaded audio's bytes.</summary>
    public required byte[]? AudioContent { get; init; }

    public required int Volume { get; init; }

    public required Uri? Callback { get; init; }
}
