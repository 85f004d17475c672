using System.Text.Json;

namespace Chanjing.Sdk.Internal.Endpoints;

/// <summary>One page of a product's list, with the service's totals where it gives them.</summary>
internal sealed record JobPage<T>(IReadOnlyList<T> Items, long? TotalCount, long? TotalPages);

/// <summary>
/// Reads the paged lists of the products: <c>{list, page_info}</c>, and the capitalised <c>{List, PageInfo}</c> of
/// <c>video_list</c> (products doc 1.6). Items without an id, or not objects, are skipped.
/// </summary>
internal static class JobPages
{
    public static JobPage<T> Read<T>(JsonElement data, string what, Func<JsonElement, T> item, string idName = "id")
    {
        if (data.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"Expected the {what} page object in 'data' but found {data.ValueKind}.");
        }

        var items = new List<T>();
        if ((data.TryGetProperty("list", out var list) || data.TryGetProperty("List", out list)) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var element in list.EnumerateArray())
            {
                if (element.ValueKind == JsonValueKind.Object && JsonReading.GetString(element, idName) is { Length: > 0 })
                {
                    items.Add(item(element));
                }
            }
        }
        else if (list.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null))
        {
            throw new FormatException($"Expected the {what} list to be an array but found {list.ValueKind}.");
        }

        long? totalCount = null, totalPages = null;
        if (JsonReading.TryGetObject(data, "page_info", out var info) || JsonReading.TryGetObject(data, "PageInfo", out info))
        {
            totalCount = JsonReading.GetInt64(info, "total_count");
            totalPages = JsonReading.GetInt64(info, "total_page");
        }

        return new JobPage<T>(items, totalCount, totalPages);
    }

    /// <summary>The body of a POST list: <c>{"page":N,"page_size":M}</c>.</summary>
    public static byte[] Body(int page, int pageSize) =>
        System.Text.Encoding.UTF8.GetBytes(FormattableString.Invariant($"{{\"page\":{page},\"page_size\":{pageSize}}}"));

    /// <summary>A create answer's id: a bare string (<c>create_video</c>, <c>create_customised_person</c>, ...).</summary>
    public static string ReadId(JsonElement data, string what) =>
        data.ValueKind == JsonValueKind.String && data.GetString() is { Length: > 0 } id && !Guard.HasControl(id)
            ? id
            : throw new FormatException($"Expected the new {what}'s id as a string in 'data' but found {data.ValueKind}.");

    /// <summary>Unix seconds as a time, or null for missing, zero or out-of-range values.</summary>
    public static DateTimeOffset? UnixSeconds(JsonElement item, string name) =>
        JsonReading.GetInt64(item, name) is { } seconds and > 0 and < 253402300800 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    /// <summary>An absolute http(s) URL, or null when missing, empty or not a URL.</summary>
    public static Uri? Url(JsonElement item, string name) =>
        JsonReading.GetString(item, name) is { Length: > 0 } text && Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) ? url : null;

    /// <summary>
    /// A numeric status: <paramref name="missing"/> when absent or null; a number that is not whole or does not fit an
    /// int is <see cref="int.MinValue"/>, an unknown status (polled through), never the value it would wrap or round to.
    /// </summary>
    public static int Status(JsonElement item, string name, int missing)
    {
        if (item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number)
        {
            // A whole number written as 30.0 is still 30.
            return value.TryGetInt32(out var status) ? status
                : value.TryGetDouble(out var number) && number == Math.Floor(number) && number is >= int.MinValue and <= int.MaxValue ? (int)number
                : int.MinValue;
        }

        return JsonReading.GetInt64(item, name) is { } parsed ? (parsed is >= int.MinValue and <= int.MaxValue ? (int)parsed : int.MinValue) : missing;
    }

    public static bool? Bool(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when value.TryGetInt64(out var n) => n != 0,
            _ => null,
        } : null;
}
