using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chanjing.Sdk.Internal.Json;

/// <summary>Writes and reads <see cref="CreationTaskStatus"/> as its wire string.</summary>
internal sealed class CreationTaskStatusJsonConverter : JsonConverter<CreationTaskStatus>
{
    public override CreationTaskStatus Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetString() ?? string.Empty);

    public override void Write(Utf8JsonWriter writer, CreationTaskStatus value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}
