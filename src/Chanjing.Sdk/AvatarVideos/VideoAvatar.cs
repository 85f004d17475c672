namespace Chanjing.Sdk;

/// <summary>
/// Who speaks in an avatar video (the wire's <c>person</c>): a public avatar in one of its framings, or a customised
/// avatar, with where it stands on the canvas. Build it from what the lists return
/// (<see cref="FromFigure"/>, <see cref="FromCustom"/>) so its size and 4K support are the service's.
/// </summary>
public sealed class VideoAvatar
{
    private VideoAvatar(string id, AvatarFigureType? figureType, int width, int height, bool? supports4K)
    {
        Id = id;
        FigureType = figureType;
        Width = width;
        Height = height;
        Supports4K = supports4K;
    }

    /// <summary>The avatar's id (<c>person.id</c>).</summary>
    public string Id { get; }

    /// <summary>The framing of a public avatar (<c>person.figure_type</c>); null for a customised avatar (not sent).</summary>
    public AvatarFigureType? FigureType { get; }

    /// <summary>The avatar's left edge on the canvas (<c>person.x</c>); 0 by default.</summary>
    public int X { get; set; }

    /// <summary>The avatar's top edge on the canvas (<c>person.y</c>); 0 by default.</summary>
    public int Y { get; set; }

    /// <summary>The avatar's width in pixels (<c>person.width</c>): its figure's width.</summary>
    public int Width { get; set; }

    /// <summary>The avatar's height in pixels (<c>person.height</c>): its figure's height.</summary>
    public int Height { get; set; }

    /// <summary>Whether the avatar can be rendered in 4K, when known (a customised avatar says so); null when unknown.</summary>
    public bool? Supports4K { get; }

    /// <summary>A public avatar in one of its framings, by id and size (prefer <see cref="FromFigure"/>).</summary>
    /// <param name="avatarId">The public avatar's id.</param>
    /// <param name="figureType">The framing; one the avatar comes in.</param>
    /// <param name="width">The figure's width in pixels.</param>
    /// <param name="height">The figure's height in pixels.</param>
    /// <returns>The avatar.</returns>
    /// <exception cref="ArgumentException">The id is empty, or the framing is <c>default</c>.</exception>
    public static VideoAvatar Public(string avatarId, AvatarFigureType figureType, int width, int height)
    {
        Guard.Identifier(avatarId, nameof(avatarId));
        if (figureType.Value.Length == 0)
        {
            throw new ArgumentException("A public avatar needs its framing (whole_body, sit_body, circle_view, ...).", nameof(figureType));
        }

        return new VideoAvatar(avatarId, figureType, width, height, null);
    }

    /// <summary>A public avatar in one of the framings <see cref="AvatarClient.ListPublicAsync"/> listed, with that framing's size.</summary>
    /// <param name="avatar">The public avatar.</param>
    /// <param name="figure">One of <paramref name="avatar"/>'s <see cref="PublicAvatar.Figures"/>.</param>
    /// <returns>The avatar.</returns>
    /// <exception cref="ArgumentException">The figure is not one of the avatar's.</exception>
    public static VideoAvatar FromFigure(PublicAvatar avatar, AvatarFigure figure)
    {
        Guard.NotNull(avatar, nameof(avatar));
        Guard.NotNull(figure, nameof(figure));
        if (!avatar.Figures.Contains(figure))
        {
            throw new ArgumentException($"The figure {figure} is not one of avatar {avatar.Id}'s ({string.Join(", ", avatar.Figures)}).", nameof(figure));
        }

        return new VideoAvatar(avatar.Id, figure.Type, figure.Width, figure.Height, null);
    }

    /// <summary>A customised avatar by id (prefer <see cref="FromCustom"/>, which knows its size and 4K support).</summary>
    /// <param name="avatarId">The customised avatar's id (<c>C-…</c>).</param>
    /// <param name="width">Its width in pixels; 1080 by default.</param>
    /// <param name="height">Its height in pixels; 1920 by default.</param>
    /// <returns>The avatar.</returns>
    public static VideoAvatar Custom(string avatarId, int width = 1080, int height = 1920) =>
        new(Guard.Identifier(avatarId, nameof(avatarId)), null, width, height, null);

    /// <summary>A customised avatar as <see cref="AvatarClient.GetAsync"/> reports it, with its size and 4K support.</summary>
    /// <param name="avatar">A ready customised avatar.</param>
    /// <returns>The avatar.</returns>
    /// <exception cref="ArgumentException">The avatar is not ready (status 2).</exception>
    public static VideoAvatar FromCustom(CustomAvatar avatar)
    {
        Guard.NotNull(avatar, nameof(avatar));
        if (!avatar.IsSucceeded)
        {
            throw new ArgumentException($"The customised avatar {avatar.Id} is not ready (status {avatar.Status}): wait for it first.", nameof(avatar));
        }

        return new VideoAvatar(avatar.Id, null, avatar.Width is > 0 ? avatar.Width.Value : 1080, avatar.Height is > 0 ? avatar.Height.Value : 1920, avatar.Supports4K);
    }
}
