namespace Chanjing.Sdk;

/// <summary>
/// The subtitles of an avatar video (<c>subtitle_config</c>). Unset box and font values take Chanjing's documented
/// defaults: on a 1080x1920 canvas the box at (31, 1521), 1000x200, font 64, stroke 7; on a 4K canvas (4K rendering and
/// at least 2160x3840) the box at (80, 2840), 2000x1000, font 150; on another canvas the 1080x1920 values scaled to it.
/// The box must fit the canvas: checked before any request.
/// </summary>
public sealed class AvatarVideoSubtitles
{
    /// <summary>Subtitles off (<c>{"show":false}</c>).</summary>
    public static AvatarVideoSubtitles Hidden => new() { Show = false };

    /// <summary>Whether subtitles are burnt in (<c>show</c>); true by default.</summary>
    public bool Show { get; set; } = true;

    /// <summary>The box's left edge (<c>x</c>).</summary>
    public int? X { get; set; }

    /// <summary>The box's top edge (<c>y</c>).</summary>
    public int? Y { get; set; }

    /// <summary>The box's width (<c>width</c>).</summary>
    public int? Width { get; set; }

    /// <summary>The box's height (<c>height</c>).</summary>
    public int? Height { get; set; }

    /// <summary>The font size (<c>font_size</c>).</summary>
    public int? FontSize { get; set; }

    /// <summary>The text colour (<c>color</c>), <c>#RRGGBB</c>; <c>#FFFFFF</c> by default.</summary>
    public string Color { get; set; } = "#FFFFFF";

    /// <summary>The outline colour (<c>stroke_color</c>), <c>#RRGGBB</c>; not sent when null.</summary>
    public string? StrokeColor { get; set; }

    /// <summary>The outline width (<c>stroke_width</c>); 7 by default.</summary>
    public int StrokeWidth { get; set; } = 7;

    /// <summary>The font (<c>font_id</c>); the service's default when null.</summary>
    public string? FontId { get; set; }
}
