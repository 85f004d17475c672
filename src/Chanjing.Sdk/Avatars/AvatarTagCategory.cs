namespace Chanjing.Sdk;

/// <summary>A category of the tag dictionary (<c>common/tag_list</c>) with its tags.</summary>
public sealed class AvatarTagCategory
{
    internal AvatarTagCategory(long id, string? name, int businessType, IReadOnlyList<AvatarTag> tags)
    {
        Id = id;
        Name = name;
        BusinessType = businessType;
        Tags = tags;
    }

    /// <summary>The category's id (<c>id</c>).</summary>
    public long Id { get; }

    /// <summary>The category's name (<c>name</c>).</summary>
    public string? Name { get; }

    /// <summary>What it classifies (<c>business_type</c>): 1 digital humans, 2 voices.</summary>
    public int BusinessType { get; }

    /// <summary>Its tags (<c>tag_list</c>).</summary>
    public IReadOnlyList<AvatarTag> Tags { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Id} {Name} ({Tags.Count} tags)";
}
