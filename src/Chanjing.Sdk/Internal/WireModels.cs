using System.Text.Json.Serialization;

namespace Chanjing.Sdk.Internal;

/// <summary>The body of <c>POST /open/v1/ai_creation/task/submit</c> for a reference video.</summary>
internal sealed class SubmitTaskBody
{
    [JsonPropertyName("ref_img_url")]
    public required IReadOnlyList<string> ReferenceImageUrls { get; init; }

    [JsonPropertyName("ref_prompt")]
    public required string Prompt { get; init; }

    [JsonPropertyName("creation_type")]
    public required CreationType CreationType { get; init; }

    [JsonPropertyName("aspect_ratio")]
    public required AspectRatio AspectRatio { get; init; }

    [JsonPropertyName("clarity")]
    public required VideoClarity Clarity { get; init; }

    [JsonPropertyName("video_duration")]
    public required int VideoDuration { get; init; }

    [JsonPropertyName("model_code")]
    public required string ModelCode { get; init; }
}

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

/// <summary>The body of <c>POST /open/v1/access_token</c>.</summary>
internal sealed class AccessTokenBody
{
    [JsonPropertyName("app_id")]
    public required string AppId { get; init; }

    [JsonPropertyName("secret_key")]
    public required string SecretKey { get; init; }
}

/// <summary>Source-generated serialization for every body the SDK sends: no reflection at run time.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(SubmitTaskBody))]
[JsonSerializable(typeof(ListTasksBody))]
[JsonSerializable(typeof(AccessTokenBody))]
internal sealed partial class ChanjingJsonContext : JsonSerializerContext;
