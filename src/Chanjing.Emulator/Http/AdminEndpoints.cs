using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Chanjing.Emulator.Http;

/// <summary>
/// The standalone emulator's controls under <c>/_emulator/</c>, the same as the in-process API: faults, the
/// journal, task outcomes, file statuses and token invalidation. Documented in the emulator's README.
/// </summary>
internal static class AdminEndpoints
{
    public static void Map(WebApplication app, EmulatorState state)
    {
        app.MapPost("/_emulator/faults", async (HttpContext context) =>
        {
            var json = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false) as JsonObject;
            if (json is null || !Enum.TryParse<EmulatorEndpoint>((string?)json["endpoint"] ?? "Any", ignoreCase: true, out var endpoint)
                || !Enum.TryParse<EmulatorFaultKind>((string?)json["kind"], ignoreCase: true, out var kind))
            {
                return Results.BadRequest(new { error = "expected {\"endpoint\": \"Submit\", \"kind\": \"BodyCode\", \"code\": 40001, \"count\": 1}" });
            }

            var fault = new EmulatorFault
            {
                Kind = kind,
                Code = (int?)json["code"] ?? 0,
                Message = (string?)json["message"],
                HttpStatus = (int?)json["status"] ?? 502,
                Delay = TimeSpan.FromMilliseconds((double?)json["delayMs"] ?? 0),
                Bytes = (long?)json["bytes"] ?? 0,
                Field = (string?)json["field"],
            };
            state.Faults.Add(endpoint, fault, Math.Max(1, (int?)json["count"] ?? 1));
            return Results.Ok(new { added = fault.Kind.ToString(), endpoint = endpoint.ToString() });
        });
        app.MapGet("/_emulator/journal", () => Results.Ok(state.Journal.Requests()));
        app.MapGet("/_emulator/callbacks", () => Results.Ok(state.Journal.Deliveries()));
        app.MapDelete("/_emulator/journal", () =>
        {
            state.Journal.Clear();
            return Results.NoContent();
        });
        app.MapPost("/_emulator/tasks/{id}/status", async (string id, HttpContext context) =>
        {
            var json = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false) as JsonObject;
            var status = (string?)json?["status"];
            if (string.IsNullOrEmpty(status))
            {
                return Results.BadRequest(new { error = "expected {\"status\": \"Error\", \"err_msg\": \"...\"}" });
            }

            try
            {
                state.Tasks.SetOutcome(id, status, (string?)json!["err_msg"]);
                return Results.NoContent();
            }
            catch (KeyNotFoundException)
            {
                return Results.NotFound();
            }
        });
        app.MapPost("/_emulator/files/{id}/status", async (string id, HttpContext context) =>
        {
            var json = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false) as JsonObject;
            if (json?["status"] is not JsonValue value || !value.TryGetValue<int>(out var status))
            {
                return Results.BadRequest(new { error = "expected {\"status\": 99}" });
            }

            try
            {
                state.Files.SetStatus(id, status);
                return Results.NoContent();
            }
            catch (KeyNotFoundException)
            {
                return Results.NotFound();
            }
        });
        app.MapPost("/_emulator/token/invalidate", () =>
        {
            state.Tokens.Invalidate();
            return Results.NoContent();
        });
    }
}
