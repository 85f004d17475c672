namespace Chanjing.Emulator.Avatars;

/// <summary>A tag category of <c>common/tag_list</c> (a business type's group) with its tags.</summary>
internal sealed record AvatarTagCategory(int Id, string Name, int BusinessType, int Weight, IReadOnlyList<AvatarTag> Tags);

/// <summary>One tag; its id is what <c>list_common_dp</c> filters on.</summary>
internal sealed record AvatarTag(int Id, string Name, int Weight);
