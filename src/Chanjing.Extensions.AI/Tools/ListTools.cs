using System.Text.Json;
using System.Text.Json.Nodes;
using Chanjing.Sdk;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Chanjing.Extensions.AI.Tools;

/// <summary><c>chanjing_list_avatars</c>: public digital humans, with their figures and voices.</summary>
internal sealed class ListAvatarsTool(IChanjingClient client, ToolSettings settings) : ChanjingToolFunction(
    client,
    settings,
    "chanjing_list_avatars",
    "List Chanjing's public digital-human avatars: id, name, gender, the figures (framings) each has, and its own voice. Free; use an id as avatar_id of chanjing_make_avatar_video.",
    ListSchema(settings.MaxListResults, "avatars", string.Empty))
{
    protected override async Task<JsonElement> RunAsync(AIFunctionArguments arguments, ILogger logger, CancellationToken cancellationToken)
    {
        var limit = Limit(arguments, Settings.MaxListResults);
        var avatars = new JsonArray();
        await foreach (var avatar in Client.Avatars.ListPublicAsync(null, cancellationToken).ConfigureAwait(false))
        {
            var figures = new JsonArray();
            foreach (var figure in avatar.Figures)
            {
                figures.Add((JsonNode)new JsonObject { ["type"] = figure.Type.Value, ["width"] = figure.Width, ["height"] = figure.Height });
            }

            avatars.Add((JsonNode)new JsonObject
            {
                ["id"] = avatar.Id,
                ["name"] = avatar.Name,
                ["gender"] = avatar.Gender,
                ["voice_id"] = avatar.VoiceId,
                ["voice_name"] = avatar.VoiceName,
                ["figures"] = figures,
            });
            if (avatars.Count == limit)
            {
                break;
            }
        }

        return ToolResult.ToElement(new JsonObject { ["status"] = "ok", ["count"] = avatars.Count, ["avatars"] = avatars });
    }

    /// <summary>The schema of a list tool: a limit, and for voices filters.</summary>
    internal static string ListSchema(int max, string what, string filters) => $$"""
        {
          "type": "object",
          "properties": {
            {{filters}}"limit": { "type": "integer", "minimum": 1, "maximum": {{max}}, "description": "How many {{what}} to return, at most {{max}}. Default {{max}}." }
          },
          "additionalProperties": false
        }
        """;

    /// <summary>The limit asked for, within 1 and the most allowed.</summary>
    internal static int Limit(AIFunctionArguments arguments, int max)
    {
        var limit = ToolArguments.Integer(arguments, "limit") ?? max;
        return limit < 1 ? throw new ToolArgumentException("'limit' must be at least 1.") : Math.Min(limit, max);
    }
}

/// <summary><c>chanjing_list_voices</c>: public voices, optionally filtered by language and gender.</summary>
internal sealed class ListVoicesTool(IChanjingClient client, ToolSettings settings) : ChanjingToolFunction(
    client,
    settings,
    "chanjing_list_voices",
    "List Chanjing's public voices: id, name, gender, language and description. Free; use an id as voice_id of chanjing_make_avatar_video.",
    ListAvatarsTool.ListSchema(
        settings.MaxListResults,
        "voices",
        """
        "language": { "type": "string", "description": "Only voices whose language contains this text, for example zh or en." },
            "gender": { "type": "string", "description": "Only voices of this gender, as the service names it (for example male or female)." },
            
        """))
{
    protected override async Task<JsonElement> RunAsync(AIFunctionArguments arguments, ILogger logger, CancellationToken cancellationToken)
    {
        var limit = ListAvatarsTool.Limit(arguments, Settings.MaxListResults);
        var language = ToolArguments.String(arguments, "language");
        var gender = ToolArguments.String(arguments, "gender");
        var voices = new JsonArray();
        await foreach (var voice in Client.Voices.ListPublicAsync(cancellationToken).ConfigureAwait(false))
        {
            if ((language is not null && (voice.Language is null || voice.Language.IndexOf(language, StringComparison.OrdinalIgnoreCase) < 0))
                || (gender is not null && !string.Equals(voice.Gender, gender, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            voices.Add((JsonNode)new JsonObject
            {
                ["id"] = voice.Id,
                ["name"] = voice.Name,
                ["gender"] = voice.Gender,
                ["language"] = voice.Language,
                ["description"] = voice.Description,
            });
            if (voices.Count == limit)
            {
                break;
            }
        }

        return ToolResult.ToElement(new JsonObject { ["status"] = "ok", ["count"] = voices.Count, ["voices"] = voices });
    }
}
