using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chanjing.Sdk.Internal.Json;

/// <summary>Writes and reads <see cref="CreationType"/> as its wire number.</summary>
internal sealed class CreationTypeJsonConverter : JsonConverter<CreationType>
{
    public override CreationType Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(JsonIntegers.Read(ref reader));

    public override void Write(Utf8JsonWriter writer, CreationType value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Value);
}
