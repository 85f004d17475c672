namespace Chanjing.Sdk;

/// <summary>Filters for <see cref="AvatarClient.ListPublicAsync"/>.</summary>
public sealed class PublicAvatarQuery
{
    /// <summary>The largest page the SDK asks for.</summary>
    public const int MaxPageSize = 100;

    /// <summary>Tag ids (<c>tag_ids</c>): only avatars carrying every one of them. Starts empty (no filter).</summary>
    public IList<long> TagIds { get; } = new List<long>();

    /// <summary>How many avatars one request asks for (<c>size</c>). Default 50; between 1 and <see cref="MaxPageSize"/>.</summary>
    public int PageSize { get; set; } = 50;
}
