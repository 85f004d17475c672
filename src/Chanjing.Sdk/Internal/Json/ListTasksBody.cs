using System.Text.Json.Serialization;

namespace Chanjing.Sdk.Internal.Json;

/// <summary>The body of <c>POST /open/v1/ai_creation/task/page</c>.</summary>
internal sealed class ListTasksBody
{
    [JsonPropertyName("unique_ids")]
    public required IReadOnlyList<string> UniqueIds { get; init; }

    [JsonPropertyName("type")]
    public required CreationType Type { get; init; }

    [JsonPropertyName("page")]
    public required int Page { get; init; }

    [JsonPropertyName("page_size")]
    public required int PageSize { get; init; }

    [JsonPropertyName("is_success")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? IsSuccess { get; init; }
}
