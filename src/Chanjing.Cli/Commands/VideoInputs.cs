using System.Globalization;
using Chanjing.Cli.Infrastructure;
using Chanjing.Sdk;

namespace Chanjing.Cli.Commands;

/// <summary>
/// The options of <c>video create</c>: checked on their own before any network call (exit 2), then turned into an
/// <see cref="AvatarVideoRequest"/> once the avatar is looked up: a public avatar's figure (its size is the service's)
/// and voice, or a customised avatar's size and cloned voice.
/// </summary>
internal sealed class VideoInputs
{
    /// <summary>The default canvas: portrait 1080p, Chanjing's own default.</summary>
    public static readonly (int Width, int Height) DefaultSize = (1080, 1920);

    /// <summary><c>--avatar</c>.</summary>
    public required string Avatar { get; init; }

    /// <summary><c>--figure</c>.</summary>
    public string? Figure { get; init; }

    /// <summary><c>--text</c>.</summary>
    public string? Text { get; init; }

    /// <summary><c>--voice</c>.</summary>
    public string? Voice { get; init; }

    /// <summary><c>--audio</c>.</summary>
    public string? Audio { get; init; }

    /// <summary><c>--subtitles</c>.</summary>
    public bool Subtitles { get; init; }

    /// <summary><c>--background</c>.</summary>
    public string? Background { get; init; }

    /// <summary><c>--size</c>.</summary>
    public string? Size { get; init; }

    /// <summary>Whether a local file is uploaded before the create.</summary>
    public bool HasLocalFile => IsLocal(Audio) || (IsLocal(Background) && Background?.StartsWith('#') == false);

    /// <summary>Checks the options on their own; throws <see cref="UsageException"/> naming the option.</summary>
    public void Check()
    {
        if (string.IsNullOrWhiteSpace(Avatar))
        {
            throw new UsageException("--avatar must not be empty: give a public avatar's id ('chanjing avatars list') or a customised one's ('chanjing avatars list --mine').");
        }

        if (Text is not null && Audio is not null)
        {
            throw new UsageException("--text and --audio cannot be used together: the avatar speaks a text or an audio file.");
        }

        if (Text is null && Audio is null)
        {
            throw new UsageException("Say what the avatar speaks: --text TEXT (with --voice ID; a public avatar has a voice of its own) or --audio FILE|URL.");
        }

        if (Text is not null && string.IsNullOrWhiteSpace(Text))
        {
            throw new UsageException("--text must not be empty.");
        }

        if (Text is { Length: > AvatarVideoAudio.MaxTextLength })
        {
            throw new UsageException($"--text is {Text.Length} characters long; Chanjing takes under 4,000. Split the script into several videos.");
        }

        if (Voice is not null && Audio is not null)
        {
            throw new UsageException("--voice goes with --text: an --audio file is spoken as it is.");
        }

        if (Audio is not null)
        {
            _ = Media(Audio, "--audio");
        }

        if (Background is not null)
        {
            _ = BackgroundParts();
        }

        _ = ScreenSize();
    }

    /// <summary>The canvas: <c>--size WxH</c>, or <see cref="DefaultSize"/>.</summary>
    public (int Width, int Height) ScreenSize()
    {
        if (Size is null)
        {
            return DefaultSize;
        }

        var parts = Size.Trim().Split('x', 'X', '×');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var width)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var height)
            && width is >= 1 and <= 8192 && height is >= 1 and <= 8192)
        {
            return (width, height);
        }

        throw new UsageException($"--size must be WIDTHxHEIGHT in pixels (1 to 8192 each), such as 1080x1920 or 1920x1080, but was '{Size}'.");
    }

    /// <summary>Looks the avatar up and builds the request; also returns a line that says what was chosen.</summary>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the look-ups.</param>
    /// <returns>The request and its description.</returns>
    public async Task<(AvatarVideoRequest Request, string Description)> ToRequestAsync(IChanjingClient client, CancellationToken cancellationToken)
    {
        var id = Avatar.Trim();
        PublicAvatar? shared = null;
        if (!id.StartsWith("C-", StringComparison.Ordinal))
        {
            await foreach (var candidate in client.Avatars.ListPublicAsync(null, cancellationToken).ConfigureAwait(false))
            {
                if (candidate.Id == id)
                {
                    shared = candidate;
                    break;
                }
            }
        }

        VideoAvatar avatar;
        string? voice;
        string description;
        if (shared is not null)
        {
            var figure = PickFigure(shared);
            avatar = VideoAvatar.FromFigure(shared, figure);
            voice = Voice ?? shared.VoiceId;
            description = $"Public avatar {shared.Id} ({shared.Name}), figure {figure}";
        }
        else
        {
            var custom = await CustomAsync(client, id, cancellationToken).ConfigureAwait(false);
            avatar = VideoAvatar.FromCustom(custom);
            voice = Voice ?? (string.IsNullOrEmpty(custom.VoiceId) ? null : custom.VoiceId);
            description = $"Customised avatar {custom.Id} ({custom.Name}), {avatar.Width}x{avatar.Height}";
        }

        AvatarVideoAudio audio;
        if (Text is not null)
        {
            if (string.IsNullOrWhiteSpace(voice))
            {
                throw new UsageException($"--voice is required: avatar {id} has no voice of its own: give --voice ID.");
            }

            audio = AvatarVideoAudio.FromText(Text, voice);
            description += $", voice {voice}{(Voice is null ? " (its own)" : string.Empty)}";
        }
        else
        {
            audio = AvatarVideoAudio.FromMedia(Media(Audio!, "--audio"));
            description += ", speaking the audio file";
        }

        var (width, height) = ScreenSize();
        Place(avatar, width, height);
        var request = new AvatarVideoRequest(avatar, audio)
        {
            ScreenWidth = width,
            ScreenHeight = height,
            Subtitles = Subtitles ? new AvatarVideoSubtitles() : AvatarVideoSubtitles.Hidden,
        };
        if (Background is not null)
        {
            var (colour, picture) = BackgroundParts();
            request.BackgroundColor = colour;
            request.Background = picture;
        }

        return (request, description + $", {width}x{height}{(Subtitles ? ", subtitles" : string.Empty)}");
    }

    /// <summary>Fits the avatar in the canvas: its own size when it fits (scaled down otherwise), centred, standing on the bottom edge.</summary>
    private static void Place(VideoAvatar avatar, int width, int height)
    {
        var scale = Math.Min(1.0, Math.Min((double)width / avatar.Width, (double)height / avatar.Height));
        avatar.Width = Math.Max(1, (int)Math.Floor(avatar.Width * scale));
        avatar.Height = Math.Max(1, (int)Math.Floor(avatar.Height * scale));
        avatar.X = (width - avatar.Width) / 2;
        avatar.Y = height - avatar.Height;
    }

    private AvatarFigure PickFigure(PublicAvatar avatar)
    {
        if (avatar.Figures.Count == 0)
        {
            throw new CliFailureException($"Public avatar {avatar.Id} lists no figure to render.");
        }

        if (Figure is null)
        {
            return avatar.Figures[0];
        }

        return avatar.Figures.FirstOrDefault(f => string.Equals(f.Type.Value, Figure.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new UsageException($"--figure {Figure}: avatar {avatar.Id} comes as {string.Join(", ", avatar.Figures.Select(f => f.Type.Value))}.");
    }

    private async Task<CustomAvatar> CustomAsync(IChanjingClient client, string id, CancellationToken cancellationToken)
    {
        if (Figure is not null)
        {
            throw new UsageException($"--figure applies to public avatars; {id} is not one (a customised avatar has one figure).");
        }

        CustomAvatar custom;
        try
        {
            custom = await client.Avatars.GetAsync(id, cancellationToken).ConfigureAwait(false);
        }
        catch (ChanjingInvalidParameterException error)
        {
            throw new CliFailureException($"No avatar has the id {id}: it is not a public avatar ('chanjing avatars list') nor a customised avatar of this account ('chanjing avatars list --mine'). The service said: {error.ServiceMessage ?? error.Message}");
        }

        if (!custom.IsSucceeded)
        {
            throw new CliFailureException(custom.IsFinished
                ? $"Customised avatar {id} failed ({custom.Status}: {custom.ErrorMessage}); it cannot speak in a video."
                : $"Customised avatar {id} is not ready yet ({custom.Status}). Wait for it with: chanjing avatars wait {id}");
        }

        return custom;
    }

    private (string? Colour, MediaSource Picture) BackgroundParts()
    {
        var value = Background!.Trim();
        if (!value.StartsWith('#'))
        {
            return (null, Media(value, "--background"));
        }

        return value.Length == 7 && value.Skip(1).All(Uri.IsHexDigit)
            ? (value.ToUpperInvariant(), default)
            : throw new UsageException($"--background '{value}': a colour is #RRGGBB, such as #EDEDED.");
    }

    private static MediaSource Media(string value, string option)
    {
        if (Uri.TryCreate(value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            return MediaSource.FromUrl(url);
        }

        if (!File.Exists(value))
        {
            throw new UsageException($"{option} '{value}': there is no such file (give a local file, uploaded first, or an http(s) URL).");
        }

        return MediaSource.FromFile(Path.GetFullPath(value));
    }

    private static bool IsLocal(string? value) =>
        value is not null && !(Uri.TryCreate(value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps));
}
