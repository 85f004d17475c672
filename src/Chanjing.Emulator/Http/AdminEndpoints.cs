using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Chanjing.Emulator.Http;

/// <summary>
/// The standalone emulator's controls under <c>/_emulator/</c>, the same as the in-process API: faults, the
/// journal, task outcomes, file statuses and token invalidation. Documented in the emulator's README. Plain request
/// delegates and source-generated JSON, so the emulator (and the CLI that embeds it) stays trim- and NativeAOT-clean.
/// </summary>
internal static class AdminEndpoints
{
    public static void Map(WebApplication app, EmulatorState state)
    {
        app.MapPost("/_emulator/faults", async context =>
        {
            var json = await ReadObjectAsync(context).ConfigureAwait(false);
            if (json is null || !Enum.TryParse<EmulatorEndpoint>((string?)json["endpoint"] ?? "Any", ignoreCase: true, out var endpoint)
                || !Enum.TryParse<EmulatorFaultKind>((string?)json["kind"], ignoreCase: true, out var kind))
            {
                await WriteAsync(context, StatusCodes.Status400BadRequest, new JsonObject { ["error"] = "expected {\"endpoint\": \"Submit\", \"kind\": \"BodyCode\", \"code\": 40001, \"count\": 1}" }).ConfigureAwait(false);
                return;
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
            await WriteAsync(context, StatusCodes.Status200OK, new JsonObject { ["added"] = fault.Kind.ToString(), ["endpoint"] = endpoint.ToString() }).ConfigureAwait(false);
        });
        app.MapGet("/_emulator/journal", context => WriteAsync(context, state.Journal.Requests(), AdminJson.Relaxed.IReadOnlyListEmulatorRequest));
        app.MapGet("/_emulator/callbacks", context => WriteAsync(context, state.Journal.Deliveries(), AdminJson.Relaxed.IReadOnlyListEmulatorCallbackDelivery));
        app.MapDelete("/_emulator/journal", context =>
        {
            state.Journal.Clear();
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        });
        app.MapPost("/_emulator/tasks/{id}/status", async context =>
        {
            var json = await ReadObjectAsync(context).ConfigureAwait(false);
            var status = (string?)json?["status"];
            if (string.IsNullOrEmpty(status))
            {
                await WriteAsync(context, StatusCodes.Status400BadRequest, new JsonObject { ["error"] = "expected {\"status\": \"Error\", \"err_msg\": \"...\"}" }).ConfigureAwait(false);
                return;
            }

            context.Response.StatusCode = Try(() => state.Tasks.SetOutcome(RouteId(context), status!, (string?)json!["err_msg"]));
        });
        app.MapPost("/_emulator/videos/{id}/status", async context =>
        {
            var json = await ReadObjectAsync(context).ConfigureAwait(false);
            if (json?["status"] is not JsonValue value || !value.TryGetValue<int>(out var status))
            {
                await WriteAsync(context, StatusCodes.Status400BadRequest, new JsonObject { ["error"] = "expected {\"status\": 50, \"msg\": \"...\"}" }).ConfigureAwait(false);
                return;
            }

            context.Response.StatusCode = Try(() => state.Videos.SetStatus(RouteId(context), status, (string?)json!["msg"]));
        });
        app.MapPost("/_emulator/persons/{id}/status", async context =>
        {
            var json = await ReadObjectAsync(context).ConfigureAwait(false);
            if (json?["status"] is not JsonValue value || !value.TryGetValue<int>(out var status))
            {
                await WriteAsync(context, StatusCodes.Status400BadRequest, new JsonObject { ["error"] = "expected {\"status\": 4, \"err_reason\": \"...\"}" }).ConfigureAwait(false);
                return;
            }

            context.Response.StatusCode = Try(() => state.Persons.SetStatus(RouteId(context), status, (string?)json!["err_reason"]));
        });
        app.MapPost("/_emulator/speech/{id}/status", async context =>
        {
            var json = await ReadObjectAsync(context).ConfigureAwait(false);
            if (json?["status"] is not JsonValue value || !value.TryGetValue<int>(out var status))
            {
                await WriteAsync(context, StatusCodes.Status400BadRequest, new JsonObject { ["error"] = "expected {\"status\": 9, \"errMsg\": \"...\"}" }).ConfigureAwait(false);
                return;
            }

            context.Response.StatusCode = Try(() => state.Speech.SetStatus(RouteId(context), status, (string?)json!["errMsg"]));
        });
        app.MapPost("/_emulator/voices/{id}/status", async context =>
        {
            var json = await ReadObjectAsync(context).ConfigureAwait(false);
            if (json?["status"] is not JsonValue value || !value.TryGetValue<int>(out var status))
            {
                await WriteAsync(context, StatusCodes.Status400BadRequest, new JsonObject { ["error"] = "expected {\"status\": 3, \"err_msg\": \"...\"}" }).ConfigureAwait(false);
                return;
            }

            context.Response.StatusCode = Try(() => state.CustomVoices.SetStatus(RouteId(context), status, (string?)json!["err_msg"]));
        });
        app.MapPost("/_emulator/files/{id}/status", async context =>
        {
            var json = await ReadObjectAsync(context).ConfigureAwait(false);
            if (json?["status"] is not JsonValue value || !value.TryGetValue<int>(out var status))
            {
                await WriteAsync(context, StatusCodes.Status400BadRequest, new JsonObject { ["error"] = "expected {\"status\": 99}" }).ConfigureAwait(false);
                return;
            }

            context.Response.StatusCode = Try(() => state.Files.SetStatus(RouteId(context), status));
        });
        AdminProductEndpoints.Map(app, state);
        app.MapPost("/_emulator/token/invalidate", context =>
        {
            state.Tokens.Invalidate();
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        });
    }

    internal static string RouteId(HttpContext context) => (string)context.GetRouteValue("id")!;

    /// <summary>204 when the change was made, 404 when the task or file does not exist.</summary>
    internal static int Try(Action change)
    {
        try
        {
            change();
            return StatusCodes.Status204NoContent;
        }
        catch (KeyNotFoundException)
        {
            return StatusCodes.Status404NotFound;
        }
    }

    internal static async Task<JsonObject?> ReadObjectAsync(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal static Task WriteAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(body.ToJsonString(AdminJson.WriteOptions), context.RequestAborted);
    }

    private static Task WriteAsync<T>(HttpContext context, T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, value, type, context.RequestAborted);
    }
}
