using System.Text.Json;

namespace Chanjing.Sdk.Internal.Endpoints;

/// <summary>One page of <c>/open/v1/ai_creation/task/page</c>.</summary>
internal sealed record TaskPage(IReadOnlyList<CreationTask> Tasks, int TotalPages, int TotalCount)
{
    public static TaskPage Read(JsonElement data) => Read(data, default);

    public static TaskPage Read(JsonElement data, ReadOnlyMemory<byte> body)
    {
        if (data.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"Expected the page object in 'data' but found {data.ValueKind}.");
        }

        var tasks = new List<CreationTask>();
        if (data.TryGetProperty("list", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray())
            {
                tasks.Add(TaskReader.ReadTask(item, body));
            }
        }
        else if (data.TryGetProperty("list", out list) && list.ValueKind != JsonValueKind.Null)
        {
            throw new FormatException($"Expected 'list' to be an array but found {list.ValueKind}.");
        }

        var total = (int)(JsonReading.GetInt64(data, "total") ?? tasks.Count);
        var totalPages = 1;
        if (JsonReading.TryGetObject(data, "page_info", out var info))
        {
            totalPages = (int)(JsonReading.GetInt64(info, "total_page") ?? 1);
            total = (int)(JsonReading.GetInt64(info, "total_count") ?? total);
        }

        return new TaskPage(tasks, totalPages, total);
    }
}
