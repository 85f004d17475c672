using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chanjing.Sdk.Internal.Json;

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
