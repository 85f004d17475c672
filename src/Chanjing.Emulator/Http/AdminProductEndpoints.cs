using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Chanjing.Emulator.Http;

/// <summary>The admin controls of lip-sync and avatar design: forcing a lip-sync video's, a photo / motion task's or a LoRA task's status.</summary>
internal static class AdminProductEndpoints
{
    public static void Map(WebApplication app, EmulatorState state)
    {
        app.MapPost("/_emulator/lipsync/{id}/status", async context =>
        {
            var json = await AdminEndpoints.ReadObjectAsync(context).ConfigureAwait(false);
            if (json?["status"] is not JsonValue value || !value.TryGetValue<int>(out var status))
            {
                await AdminEndpoints.WriteAsync(context, StatusCodes.Status400BadRequest, new JsonObject { ["error"] = "expected {\"status\": 30, \"msg\": \"...\"}" }).ConfigureAwait(false);
                return;
            }

            context.Response.StatusCode = AdminEndpoints.Try(() => state.LipSyncs.SetStatus(AdminEndpoints.RouteId(context), status, (string?)json!["msg"]));
        });
        MapStringStatus(app, "/_emulator/aigc/{id}/status", (id, status, message) => state.AvatarDesigns.SetStatus(id, status, message));
        MapStringStatus(app, "/_emulator/lora/{id}/status", (id, status, message) => state.Loras.SetStatus(id, status, message));
    }

    private static void MapStringStatus(WebApplication app, string pattern, Action<string, string, string?> set) =>
        app.MapPost(pattern, async context =>
        {
            var json = await AdminEndpoints.ReadObjectAsync(context).ConfigureAwait(false);
            var status = json?["status"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
            if (string.IsNullOrEmpty(status))
            {
                await AdminEndpoints.WriteAsync(context, StatusCodes.Status400BadRequest, new JsonObject { ["error"] = "expected {\"status\": \"Fail\", \"err_msg\": \"...\"}" }).ConfigureAwait(false);
                return;
            }

            context.Response.StatusCode = AdminEndpoints.Try(() => set(AdminEndpoints.RouteId(context), status, (string?)json!["err_msg"]));
        });
}
