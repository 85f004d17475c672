using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chanjing.Sdk.Internal;

/// <summary>Writes and reads <see cref="AspectRatio"/> as its wire string.</summary>
internal sealed class AspectRatioJsonConverter : JsonConverter<AspectRatio>
{
    public override AspectRatio Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return string.IsNullOrWhiteSpace(text) ? default : new AspectRatio(text!);
    }

    public override void Write(Utf8JsonWriter writer, AspectRatio value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}

/// <summary>Writes and reads <see cref="VideoClarity"/> as its wire number (a numeric string is accepted too).</summary>
internal sealed class VideoClarityJsonConverter : JsonConverter<VideoClarity>
{
    public override VideoClarity Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = JsonIntegers.Read(ref reader);
        return value > 0 ? new VideoClarity(value) : default;
    }

    public override void Write(Utf8JsonWriter writer, VideoClarity value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Value);
}

/// <summary>Writes and reads <see cref="CreationType"/> as its wire number.</summary>
internal sealed class CreationTypeJsonConverter : JsonConverter<CreationType>
{
    public override CreationType Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(JsonIntegers.Read(ref reader));

    public override void Write(Utf8JsonWriter writer, CreationType value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Value);
}

/// <summary>Writes and reads <see cref="CreationTaskStatus"/> as its wire string.</summary>
internal sealed class CreationTaskStatusJsonConverter : JsonConverter<CreationTaskStatus>
{
    public override CreationTaskStatus Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetString() ?? string.Empty);

    public override void Write(Utf8JsonWriter writer, CreationTaskStatus value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}

internal static class JsonIntegers
{
    public static int Read(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number => reader.GetInt32(),
        JsonTokenType.String when int.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => throw new JsonException($"Expected an integer but found {reader.TokenType}."),
    };
}
