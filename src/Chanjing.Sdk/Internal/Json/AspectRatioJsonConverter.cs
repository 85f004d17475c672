using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chanjing.Sdk.Internal.Json;

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
