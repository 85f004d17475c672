using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Chanjing.Emulator.Http;

/// <summary>
/// The paging of the list endpoints: <c>page</c> from 1 and a size from 1 to <see cref="MaxSize"/> (<c>size</c> in
/// GET queries, <c>page_size</c> in POST bodies), answered with <c>page_info {page, size, total_count, total_page}</c>.
/// </summary>
internal static class Paging
{
    public const int MaxSize = 100;

    /// <summary>The page and size of a GET query; an error message when a value is not an integer in range.</summary>
    public static (int Page, int Size, string? Error) FromQuery(string? page, string? size, int defaultSize) =>
        Check(string.IsNullOrEmpty(page) ? 1 : int.TryParse(page, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : -1,
              string.IsNullOrEmpty(size) ? defaultSize : int.TryParse(size, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : -1,
              "size");

    /// <summary>The page and page size of a POST body; an error message when a value is not an integer in range.</summary>
    public static (int Page, int Size, string? Error) FromBody(JsonObject body, int defaultSize) =>
        Check(Int(body["page"], 1), Int(body["page_size"], defaultSize), "page_size");

    /// <summary>One page of <paramref name="items"/> with its <c>page_info</c>, under the given key names.</summary>
    public static JsonObject Page(IReadOnlyList<JsonNode> items, int page, int size, string listKey = "list", string infoKey = "page_info") => new()
    {
        [listKey] = new JsonArray([.. items.Skip((page - 1) * size).Take(size).Select(n => n.DeepClone())]),
        [infoKey] = new JsonObject { ["page"] = page, ["size"] = size, ["total_count"] = items.Count, ["total_page"] = (items.Count + size - 1) / size },
    };

    /// <summary>An integer property: its value, <paramref name="absent"/> when missing or null, -1 when not an integer.</summary>
    public static int Int(JsonNode? node, int absent) => node is null ? absent
        : node.GetValueKind() == JsonValueKind.Number && node.AsValue().TryGetValue<int>(out var value) ? value
        : node.GetValueKind() == JsonValueKind.Number && node.AsValue().TryGetValue<double>(out var d) && d == Math.Floor(d) && Math.Abs(d) < int.MaxValue ? (int)d
        : -1;

    private static (int, int, string?) Check(int page, int size, string sizeName) =>
        page < 1 || size < 1 || size > MaxSize
            ? (page, size, $"参数错误: page 从1开始, {sizeName} 取值 1-{MaxSize}")
            : (page, size, null);
}
