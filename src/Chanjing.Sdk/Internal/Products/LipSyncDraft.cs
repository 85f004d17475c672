namespace Chanjing.Sdk.Internal.Products;

/// <summary>A checked copy of a <see cref="LipSyncRequest"/> (every documented limit before any I/O), and its wire body.</summary>
internal sealed class LipSyncDraft
{
    private LipSyncDraft(LipSyncRequest request, int width, int height)
    {
        (Video, Text, VoiceId, Speed, Pitch, Audio) = (request.Video, request.Text, request.VoiceId, request.Speed, request.Pitch, request.Audio);
        (Width, Height, Model, Volume, Playback, Random, Callback) = (width, height, request.Model, request.Volume, request.Playback, request.RandomDriveMode, request.CallbackUrl);
    }

    public MediaSource Video { get; }

    public string? Text { get; }

    public string? VoiceId { get; }

    public double Speed { get; }

    public double Pitch { get; }

    public MediaSource Audio { get; }

    public int Width { get; }

    public int Height { get; }

    public LipSyncModel? Model { get; }

    public int Volume { get; }

    public AvatarPlayback? Playback { get; }

    public bool Random { get; }

    public Uri? Callback { get; }

    public static LipSyncDraft Create(LipSyncRequest request)
    {
        request = Guard.NotNull(request, nameof(request)).Snapshot();
        MediaUploader.Check(request.Video, MediaWire.FileIdOnly, "request.Video");
        Extension(request.Video, "request.Video", ".mp4", ".mov", ".webm");
        if (request.Text is not null)
        {
            SpeechBodies.CheckText(request.Text, "request.Text");
            Guard.Identifier(request.VoiceId, "request.VoiceId");
            SpeechBodies.Between(request.Speed, 0.5, 2, "request.Speed");
            SpeechBodies.Between(request.Pitch, 0.1, 3, "request.Pitch");
        }
        else
        {
            MediaUploader.Check(request.Audio, MediaWire.FileIdOnly, "request.Audio");
            Extension(request.Audio, "request.Audio", ".mp3", ".m4a", ".wav");
        }

        if (request.Volume is < 1 or > 100)
        {
            throw new ArgumentException($"request.Volume must be between 1 and 100, but was {request.Volume}.", nameof(request));
        }

        if (request.Model is { } model && !Enum.IsDefined(typeof(LipSyncModel), model))
        {
            throw new ArgumentException($"request.Model must be Standard, Pro or Cartoon, but was {(int)model}.", nameof(request));
        }

        if (request.ScreenWidth.HasValue != request.ScreenHeight.HasValue)
        {
            throw new ArgumentException($"request.ScreenWidth and ScreenHeight go together: set both, or neither to use the video's own size (got {request.ScreenWidth?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"}x{request.ScreenHeight?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"}).", nameof(request));
        }

        if (request.ScreenWidth is < 1 or > 8192 || request.ScreenHeight is < 1 or > 8192)
        {
            throw new ArgumentException($"request.ScreenWidth and ScreenHeight must be between 1 and 8192, but were {request.ScreenWidth}x{request.ScreenHeight}.", nameof(request));
        }

        SpeechBodies.CheckCallback(request.CallbackUrl, "request.CallbackUrl");
        // A measured size outside the service's range is not the caller's input: the documented default is sent instead.
        var (width, height) = request.ScreenWidth is { } w && request.ScreenHeight is { } h ? (w, h)
            : Measured(request) is { Width: >= 1 and <= 8192, Height: >= 1 and <= 8192 } measured ? measured
            : (1080, 1920);
        return new LipSyncDraft(request, width, height);
    }

    public byte[] ToUtf8Json(string videoFileId, string? audioFileId) => JsonBody.Write(w =>
    {
        w.WriteString("video_file_id", videoFileId);
        w.WriteNumber("screen_width", Width);
        w.WriteNumber("screen_height", Height);
        if (Model is { } model)
        {
            w.WriteNumber("model", (int)model);
        }

        w.WriteString("audio_type", Text is null ? "audio" : "tts");
        if (Text is not null)
        {
            w.WriteStartObject("tts_config");
            w.WriteStartArray("text");
            w.WriteStringValue(Text);
            w.WriteEndArray();
            w.WriteString("audio_man_id", VoiceId);
            w.WriteNumber("speed", Speed);
            w.WriteNumber("pitch", Pitch);
            w.WriteEndObject();
        }
        else
        {
            w.WriteString("audio_file_id", audioFileId);
        }

        w.WriteNumber("volume", Volume);
        if (Playback is { } playback)
        {
            w.WriteNumber("backway", (int)playback);
        }

        if (Random)
        {
            w.WriteString("drive_mode", "random");
        }

        JsonBody.OptionalString(w, "callback", Callback?.AbsoluteUri);
    });

    /// <summary>The size of a local MP4 / MOV video, read from its header; null for anything else.</summary>
    private static (int Width, int Height)? Measured(LipSyncRequest request)
    {
        var source = request.Video;
        if (Path.GetExtension(source.FileName ?? string.Empty).ToLowerInvariant() is not (".mp4" or ".mov"))
        {
            return null;
        }

        if (source.Kind == MediaSourceKind.File)
        {
            using var file = new FileStream(source.Path!, FileMode.Open, FileAccess.Read, FileShare.Read, 4096);
            return Mp4Dimensions.TryRead(file);
        }

        if (source.Content is { CanSeek: true } stream)
        {
            var start = stream.Position;
            try
            {
                return Mp4Dimensions.TryRead(stream);
            }
            finally
            {
                stream.Position = start;
            }
        }

        return null;
    }

    private static void Extension(MediaSource source, string name, params string[] allowed)
    {
        if (source.FileName is { } file && Array.IndexOf(allowed, Path.GetExtension(file).ToLowerInvariant()) < 0)
        {
            throw new ArgumentException($"{name} must be {string.Join(", ", allowed)}, but was {source}.", "request");
        }
    }
}
