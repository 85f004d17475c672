using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Chanjing.Extensions.AI.Tools;

/// <summary>
/// Reads a tool's arguments whether they arrive as JSON (from a model or an MCP client) or as .NET values (from code).
/// A value of the wrong kind throws <see cref="ToolArgumentException"/>, which the tool returns as an
/// <c>invalid_arguments</c> result for the agent to correct.
/// </summary>
internal static class ToolArguments
{
    public static string? String(AIFunctionArguments arguments, string name)
    {
        if (!arguments.TryGetValue(name, out var value) || value is null)
        {
            return null;
        }

        var text = value switch
        {
            string s => s,
            JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
            JsonElement { ValueKind: JsonValueKind.Null } => null,
            _ => throw new ToolArgumentException($"'{name}' must be a string."),
        };
        return string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
    }

    public static string RequiredString(AIFunctionArguments arguments, string name) =>
        String(arguments, name) ?? throw new ToolArgumentException($"'{name}' is required and must be a non-empty string.");

    public static int? Integer(AIFunctionArguments arguments, string name)
    {
        if (!arguments.TryGetValue(name, out var value) || value is null)
        {
            return null;
        }

        return value switch
        {
            int i => i,
            long l and >= int.MinValue and <= int.MaxValue => (int)l,
            double d when d == Math.Floor(d) && Math.Abs(d) <= int.MaxValue => (int)d,
            string s when int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
            JsonElement { ValueKind: JsonValueKind.Number } e when e.TryGetInt32(out var number) => number,
            JsonElement { ValueKind: JsonValueKind.String } e when int.TryParse(e.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
            JsonElement { ValueKind: JsonValueKind.Null } => null,
            _ => throw new ToolArgumentException($"'{name}' must be a whole number."),
        };
    }

    public static bool? Boolean(AIFunctionArguments arguments, string name)
    {
        if (!arguments.TryGetValue(name, out var value) || value is null)
        {
            return null;
        }

        return value switch
        {
            bool b => b,
            string s when bool.TryParse(s, out var parsed) => parsed,
            JsonElement { ValueKind: JsonValueKind.True } => true,
            JsonElement { ValueKind: JsonValueKind.False } => false,
            JsonElement { ValueKind: JsonValueKind.Null } => null,
            _ => throw new ToolArgumentException($"'{name}' must be true or false."),
        };
    }

    public static IReadOnlyList<string> Strings(AIFunctionArguments arguments, string name)
    {
        if (!arguments.TryGetValue(name, out var value) || value is null)
        {
            return [];
        }

        var list = new List<string>();
        switch (value)
        {
            case string single:
                list.Add(single);
                break;
            case JsonElement { ValueKind: JsonValueKind.Null }:
                break;
            case JsonElement { ValueKind: JsonValueKind.String } element:
                list.Add(element.GetString()!);
                break;
            case JsonElement { ValueKind: JsonValueKind.Array } array:
                foreach (var item in array.EnumerateArray())
                {
                    list.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : throw new ToolArgumentException($"'{name}' must be an array of strings."));
                }

                break;
            case IEnumerable<string> strings:
                list.AddRange(strings);
                break;
            default:
                throw new ToolArgumentException($"'{name}' must be an array of strings.");
        }

        return list.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).ToArray();
    }

    public static Uri Url(string text, string name) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            ? url
            : throw new ToolArgumentException($"'{name}' must hold absolute http(s) URLs, but had '{text}'.");
}

/// <summary>An argument the agent gave wrongly; returned to it as an <c>invalid_arguments</c> result.</summary>
internal sealed class ToolArgumentException(string message) : Exception(message);
