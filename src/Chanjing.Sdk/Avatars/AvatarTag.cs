namespace Chanjing.Sdk;

/// <summary>A tag of the tag dictionary (<c>common/tag_list</c>): filter public avatars by its <see cref="Id"/>.</summary>
public sealed class AvatarTag
{
    internal AvatarTag(long id, string? name, long categoryId, long parentId, int level)
    {
        Id = id;
        Name = name;
        CategoryId = categoryId;
        ParentId = parentId;
        Level = level;
    }

    /// <summary>The tag's id (<c>id</c>), for <see cref="PublicAvatarQuery.TagIds"/>.</summary>
    public long Id { get; }

    /// <summary>The tag's name (<c>name</c>).</summary>
    public string? Name { get; }

    /// <summary>The category it belongs to (<c>category_id</c>).</summary>
    public long CategoryId { get; }

    /// <summary>Its parent tag (<c>parent_id</c>); 0 at the top level.</summary>
    public long ParentId { get; }

    /// <summary>Its depth (<c>level</c>).</summary>
    public int Level { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Id} {Name}";
}
