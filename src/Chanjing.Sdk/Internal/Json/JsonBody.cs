using System.Text.Json;

namespace Chanjing.Sdk.Internal.Json;

/// <summary>Small request bodies written straight to UTF-8 (no object model in between).</summary>
internal static class JsonBody
{
    public static byte[] Write(Action<Utf8JsonWriter> properties)
    {
        using var buffer = new PooledBufferWriter();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            properties(writer);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static void OptionalString(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
