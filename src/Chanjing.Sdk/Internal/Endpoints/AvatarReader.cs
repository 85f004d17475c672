using System.Globalization;
using System.Text.Json;

namespace Chanjing.Sdk.Internal.Endpoints;

/// <summary>One page of public avatars, with the service's totals.</summary>
internal sealed record AvatarPage(IReadOnlyList<PublicAvatar> Avatars, long? TotalCount, long? TotalPages);

/// <summary>Reads the public-avatar list (<c>list_common_dp</c>) and the tag dictionary (<c>common/tag_list</c>).</summary>
internal static class AvatarReader
{
    public static AvatarPage ReadPage(JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"Expected the avatar page object in 'data' but found {data.ValueKind}.");
        }

        var avatars = new List<PublicAvatar>();
        foreach (var item in Items(data, "list"))
        {
            if (item.ValueKind == JsonValueKind.Object && JsonReading.GetString(item, "id") is { Length: > 0 } id)
            {
                avatars.Add(ReadAvatar(id, item));
            }
        }

        long? totalCount = null, totalPages = null;
        if (JsonReading.TryGetObject(data, "page_info", out var info))
        {
            totalCount = JsonReading.GetInt64(info, "total_count");
            totalPages = JsonReading.GetInt64(info, "total_page");
        }

        return new AvatarPage(avatars, totalCount, totalPages);
    }

    public static IReadOnlyList<AvatarTagCategory> ReadTags(JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"Expected the tag dictionary object in 'data' but found {data.ValueKind}.");
        }

        var categories = new List<AvatarTagCategory>();
        foreach (var category in Items(data, "list"))
        {
            if (category.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var tags = new List<AvatarTag>();
            foreach (var tag in Items(category, "tag_list"))
            {
                if (tag.ValueKind == JsonValueKind.Object && JsonReading.GetInt64(tag, "id") is { } tagId)
                {
                    tags.Add(new AvatarTag(tagId, JsonReading.GetString(tag, "name"), JsonReading.GetInt64(tag, "category_id") ?? 0, JsonReading.GetInt64(tag, "parent_id") ?? 0, (int)(JsonReading.GetInt64(tag, "level") ?? 0)));
                }
            }

            categories.Add(new AvatarTagCategory(JsonReading.GetInt64(category, "id") ?? 0, JsonReading.GetString(category, "name"), (int)(JsonReading.GetInt64(category, "business_type") ?? 0), tags));
        }

        return categories;
    }

    private static PublicAvatar ReadAvatar(string id, JsonElement item)
    {
        var figures = new List<AvatarFigure>();
        foreach (var figure in Items(item, "figures"))
        {
            if (figure.ValueKind == JsonValueKind.Object && JsonReading.GetString(figure, "type") is { Length: > 0 } type && !string.IsNullOrWhiteSpace(type))
            {
                figures.Add(new AvatarFigure(
                    new AvatarFigureType(type),
                    (int)(JsonReading.GetInt64(figure, "width") ?? 0),
                    (int)(JsonReading.GetInt64(figure, "height") ?? 0),
                    Url(JsonReading.GetString(figure, "cover")) ?? Url(JsonReading.GetString(figure, "pic_path")),
                    Url(JsonReading.GetString(figure, "preview_video_url"))));
            }
        }

        var tagIds = new List<long>();
        foreach (var tag in Items(item, "tag_ids"))
        {
            // The docs show no element type: numbers and numeric strings are both read.
            if (tag.ValueKind == JsonValueKind.Number && tag.TryGetInt64(out var number))
            {
                tagIds.Add(number);
            }
            else if (tag.ValueKind == JsonValueKind.String && long.TryParse(tag.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
            {
                tagIds.Add(parsed);
            }
        }

        var tagNames = Items(item, "tag_names").Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!).ToList();
        return new PublicAvatar(
            id,
            JsonReading.GetString(item, "name"),
            JsonReading.GetString(item, "gender"),
            figures,
            NullIfEmpty(JsonReading.GetString(item, "audio_man_id")),
            NullIfEmpty(JsonReading.GetString(item, "audio_name")),
            Url(JsonReading.GetString(item, "audio_preview")),
            tagIds,
            tagNames,
            item.Clone());
    }

    private static IEnumerable<JsonElement> Items(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray() : [];

    private static Uri? Url(string? text) => Uri.TryCreate(text, UriKind.Absolute, out var url) ? url : null;

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
