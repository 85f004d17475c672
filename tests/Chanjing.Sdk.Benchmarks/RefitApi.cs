using Refit;

namespace Chanjing.Sdk.Benchmarks;

/// <summary>The same calls as a Refit interface, serialized with System.Text.Json (the floor's source-generated context).</summary>
public interface IRefitChanjingApi
{
    [Post("/open/v1/ai_creation/task/submit")]
    Task<FloorEnvelope<string>> SubmitAsync([Body] FloorSubmitBody body, [Header("access_token")] string token);

    [Get("/open/v1/ai_creation/task")]
    Task<FloorEnvelope<FloorTask>> GetTaskAsync([AliasAs("unique_id")] string id, [Header("access_token")] string token);

    [Post("/open/v1/ai_creation/task/page")]
    Task<FloorEnvelope<FloorPage>> ListAsync([Body] FloorListBody body, [Header("access_token")] string token);
}
