using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Chanjing.Sdk.Internal.Products;

/// <summary>
/// A checked copy of an <see cref="AvatarVideoRequest"/> (the caller may change the request while files upload), and
/// its wire body. Every documented limit is checked before any I/O; unset subtitle values take the documented defaults.
/// </summary>
internal sealed partial class AvatarVideoDraft
{
    private static readonly string[] Modelled =
    [
        "person", "audio", "bg_color", "bg", "subtitle_config", "screen_width", "screen_height", "model", "resolution_rate",
        "add_compliance_watermark", "compliance_watermark_position", "callback", "drive_mode", "is_rgba_mode", "backway",
    ];

    private AvatarVideoDraft(AvatarVideoRequest request, (int X, int Y, int Width, int Height, int FontSize)? subtitleBox)
    {
        var avatar = request.Avatar;
        var audio = request.Audio;
        (AvatarId, FigureType, X, Y, Width, Height) = (avatar.Id, avatar.FigureType?.Value, avatar.X, avatar.Y, avatar.Width, avatar.Height);
        (Text, VoiceId, Speed, Pitch, Language, Volume, Audio) = (audio.Text, audio.VoiceId, audio.Speed, audio.Pitch, audio.Language, audio.Volume, audio.Media);
        (ScreenWidth, ScreenHeight, BackgroundColor, Background) = (request.ScreenWidth, request.ScreenHeight, request.BackgroundColor, request.Background);
        (Model, Use4K, Watermark, WatermarkPosition, Random, Rgba, Playback, Callback) =
            (request.Model, request.Use4K, request.ComplianceWatermark, request.WatermarkPosition, request.RandomDriveMode, request.TransparentBackground, request.Playback, request.CallbackUrl);
        if (request.Subtitles is { } subtitles)
        {
            Subtitles = (subtitles.Show, subtitleBox, subtitles.Color, subtitles.StrokeColor, subtitles.StrokeWidth, subtitles.FontId);
        }

        Additional = request.AdditionalFields.Count == 0 ? [] : request.AdditionalFields.Select(pair => new KeyValuePair<string, JsonNode?>(pair.Key, pair.Value?.DeepClone())).ToArray();
    }

    public string AvatarId { get; }

    public string? FigureType { get; }

    public int X { get; }

    public int Y { get; }

    public int Width { get; }

    public int Height { get; }

    public string? Text { get; }

    public string? VoiceId { get; }

    public double Speed { get; }

    public double Pitch { get; }

    public string Language { get; }

    public int Volume { get; }

    public MediaSource Audio { get; }

    public int ScreenWidth { get; }

    public int ScreenHeight { get; }

    public string? BackgroundColor { get; }

    public MediaSource Background { get; }

    public (bool Show, (int X, int Y, int Width, int Height, int FontSize)? Box, string Color, string? StrokeColor, int StrokeWidth, string? FontId)? Subtitles { get; }

    public AvatarVideoModel? Model { get; }

    public bool Use4K { get; }

    public bool Watermark { get; }

    public WatermarkPosition? WatermarkPosition { get; }

    public bool Random { get; }

    public bool Rgba { get; }

    public AvatarPlayback? Playback { get; }

    public Uri? Callback { get; }

    public KeyValuePair<string, JsonNode?>[] Additional { get; }

    /// <summary>Checks <paramref name="request"/> against every documented limit and copies it.</summary>
    public static AvatarVideoDraft Create(AvatarVideoRequest request)
    {
        Guard.NotNull(request, nameof(request));
        var avatar = request.Avatar ?? throw Bad("Avatar is required.");
        var audio = request.Audio ?? throw Bad("Audio is required.");
        Range(avatar.Width, 1, 8192, "Avatar.Width");
        Range(avatar.Height, 1, 8192, "Avatar.Height");
        Range(request.ScreenWidth, 1, 8192, "ScreenWidth");
        Range(request.ScreenHeight, 1, 8192, "ScreenHeight");
        Range(audio.Volume, 1, 100, "Audio.Volume");
        if (audio.Text is not null)
        {
            if (string.IsNullOrWhiteSpace(audio.Text))
            {
                throw Bad("Audio.Text must not be empty.");
            }

            if (audio.Text.Length > AvatarVideoAudio.MaxTextLength)
            {
                throw Bad($"Audio.Text is {audio.Text.Length} characters long; Chanjing takes under 4,000 ({AvatarVideoAudio.MaxTextLength} at most). Split the script into several videos.");
            }

            Guard.Identifier(audio.VoiceId, "Audio.VoiceId");
            if (!(audio.Speed >= 0.5 && audio.Speed <= 2))
            {
                throw Bad($"Audio.Speed must be between 0.5 and 2, but was {audio.Speed.ToString(CultureInfo.InvariantCulture)}.");
            }

            if (!(audio.Pitch >= 0.1 && audio.Pitch <= 3))
            {
                throw Bad($"Audio.Pitch must be between 0.1 and 3, but was {audio.Pitch.ToString(CultureInfo.InvariantCulture)}.");
            }
        }
        else
        {
            MediaUploader.Check(audio.Media, MediaWire.Either, "Audio.Media");
            Extension(audio.Media, "Audio.Media", ".wav", ".mp3", ".m4a", ".mp4");
        }

        Guard.Identifier(audio.Language, "Audio.Language");
        Colour(request.BackgroundColor, "BackgroundColor");
        if (request.Background.Kind != MediaSourceKind.None)
        {
            MediaUploader.Check(request.Background, MediaWire.Either, "Background");
            Extension(request.Background, "Background", ".jpg", ".jpeg", ".png");
        }

        if (request.Use4K && avatar.Supports4K == false)
        {
            throw Bad($"Use4K: the customised avatar {avatar.Id} does not support 4K (support_4k is false).");
        }

        if (request.WatermarkPosition is { } position && !request.ComplianceWatermark)
        {
            throw Bad($"WatermarkPosition is {position} but ComplianceWatermark is off: turn it on, or leave the position unset.");
        }

        if (request.TransparentBackground && (request.Subtitles is { Show: true } || request.Background.Kind != MediaSourceKind.None || request.BackgroundColor is not null))
        {
            throw Bad("TransparentBackground renders without subtitles and background: remove Subtitles, Background and BackgroundColor, or turn TransparentBackground off.");
        }

        if (request.CallbackUrl is { } callback && !(callback.IsAbsoluteUri && (callback.Scheme == Uri.UriSchemeHttp || callback.Scheme == Uri.UriSchemeHttps)))
        {
            throw Bad($"CallbackUrl must be an absolute http(s) URL, but was '{callback}'.");
        }

        foreach (var name in request.AdditionalFields.Keys)
        {
            if (Array.IndexOf(Modelled, name) >= 0)
            {
                throw Bad($"AdditionalFields holds '{name}', which this request models: set it through its property instead.");
            }
        }

        (int, int, int, int, int)? box = null;
        if (request.Subtitles is { } subtitles)
        {
            Colour(subtitles.Color, "Subtitles.Color");
            Colour(subtitles.StrokeColor, "Subtitles.StrokeColor");
            Range(subtitles.StrokeWidth, 0, 1000, "Subtitles.StrokeWidth");
            if (subtitles.FontId is not null)
            {
                Guard.Identifier(subtitles.FontId, "Subtitles.FontId");
            }

            if (subtitles.Show)
            {
                box = SubtitleBox(subtitles, request.ScreenWidth, request.ScreenHeight, request.Use4K);
            }
        }

        return new AvatarVideoDraft(request, box);
    }

    /// <summary>The subtitle box: the caller's values, else the documented defaults for the canvas; it must fit.</summary>
    private static (int X, int Y, int Width, int Height, int FontSize) SubtitleBox(AvatarVideoSubtitles s, int screenWidth, int screenHeight, bool use4K)
    {
        (int X, int Y, int Width, int Height, int Font) defaults = use4K && screenWidth >= 2160 && screenHeight >= 3840 ? (80, 2840, 2000, 1000, 150)
            : screenWidth == 1080 && screenHeight == 1920 ? (31, 1521, 1000, 200, 64)
            : (Scale(31, screenWidth, 1080), Scale(1521, screenHeight, 1920), Scale(1000, screenWidth, 1080), Scale(200, screenHeight, 1920), Math.Max(1, Scale(64, screenWidth, 1080)));
        var box = (X: s.X ?? defaults.X, Y: s.Y ?? defaults.Y, Width: s.Width ?? defaults.Width, Height: s.Height ?? defaults.Height, FontSize: s.FontSize ?? defaults.Font);
        Range(box.X, 0, 8192, "Subtitles.X");
        Range(box.Y, 0, 8192, "Subtitles.Y");
        Range(box.Width, 1, 8192, "Subtitles.Width");
        Range(box.Height, 1, 8192, "Subtitles.Height");
        Range(box.FontSize, 1, 1000, "Subtitles.FontSize");
        if (box.X + box.Width > screenWidth || box.Y + box.Height > screenHeight)
        {
            throw Bad($"Subtitles: the box at ({box.X}, {box.Y}) of {box.Width}x{box.Height} does not fit the {screenWidth}x{screenHeight} canvas.");
        }

        return box;
    }

    private static int Scale(int value, int size, int reference) => (int)Math.Round((double)value * size / reference, MidpointRounding.AwayFromZero);

    private static void Range(int value, int min, int max, string name)
    {
        if (value < min || value > max)
        {
            throw Bad($"{name} must be between {min} and {max}, but was {value}.");
        }
    }

    private static void Colour(string? value, string name)
    {
        if (value is not null && !(value.Length == 7 && value[0] == '#' && IsHex(value, 1)))
        {
            throw Bad($"{name} must be a colour as #RRGGBB, but was '{value}'.");
        }
    }

    private static bool IsHex(string value, int from)
    {
        for (var i = from; i < value.Length; i++)
        {
            if (!Uri.IsHexDigit(value[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static void Extension(MediaSource source, string name, params string[] allowed)
    {
        var path = source.Kind switch
        {
            MediaSourceKind.Url => source.Url!.AbsolutePath,
            MediaSourceKind.File or MediaSourceKind.Stream => source.FileName!,
            _ => null,
        };
        if (path is not null && Array.IndexOf(allowed, Path.GetExtension(path).ToLowerInvariant()) < 0)
        {
            throw Bad($"{name} must be {string.Join(", ", allowed)} (the service reads the type from the path's end), but was {source}.");
        }
    }

    private static ArgumentException Bad(string message) => new(message, "request");
}
