using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chanjing.Sdk.Internal.Json;

internal static class JsonIntegers
{
    public static int Read(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number => reader.GetInt32(),
        JsonTokenType.String when int.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => throw new JsonException($"Expected an integer but found {reader.TokenType}."),
    };
}
