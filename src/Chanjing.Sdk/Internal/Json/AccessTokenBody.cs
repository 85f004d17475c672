using System.Text.Json.Serialization;

namespace Chanjing.Sdk.Internal.Json;

/// <summary>The body of <c>POST /open/v1/access_token</c>.</summary>
internal sealed class AccessTokenBody
{
    [JsonPropertyName("app_id")]
    public required string AppId { get; init; }

    [JsonPropertyName("secret_key")]
    public required string SecretKey { get; init; }
}
