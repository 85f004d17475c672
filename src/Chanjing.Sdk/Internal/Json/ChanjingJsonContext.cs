using System.Text.Json.Serialization;

namespace Chanjing.Sdk.Internal.Json;

/// <summary>Source-generated serialization for every body the SDK sends: no reflection at run time.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ListTasksBody))]
[JsonSerializable(typeof(AccessTokenBody))]
internal sealed partial class ChanjingJsonContext : JsonSerializerContext;
