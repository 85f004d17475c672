namespace Chanjing.Sdk;

/// <summary>One framing of a public avatar (<c>figures[]</c>): what to send as the avatar of a video, with its size.</summary>
public sealed class AvatarFigure
{
    internal AvatarFigure(AvatarFigureType type, int width, int height, Uri? coverUrl, Uri? previewVideoUrl)
    {
        Type = type;
        Width = width;
        Height = height;
        CoverUrl = coverUrl;
        PreviewVideoUrl = previewVideoUrl;
    }

    /// <summary>The framing (<c>type</c>): whole body, sitting, or a round view.</summary>
    public AvatarFigureType Type { get; }

    /// <summary>The figure's width in pixels (<c>width</c>).</summary>
    public int Width { get; }

    /// <summary>The figure's height in pixels (<c>height</c>).</summary>
    public int Height { get; }

    /// <summary>The cover picture (<c>cover</c>, else <c>pic_path</c>).</summary>
    public Uri? CoverUrl { get; }

    /// <summary>A short preview video (<c>preview_video_url</c>).</summary>
    public Uri? PreviewVideoUrl { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Type} {Width}x{Height}";
}
