using System.Text.Json;
using System.Text.Json.Nodes;

namespace Chanjing.Sdk.Internal.Requests;

/// <summary>Writes a submit body: the documented fields in their documented order, then the caller's own, through a pooled buffer.</summary>
internal static class SubmitBodyWriter
{
    public static byte[] Write(IReadOnlyDictionary<string, JsonNode?> fields, string[] order)
    {
        using var buffer = new PooledBufferWriter();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var field in order)
            {
                if (fields.TryGetValue(field, out var value))
                {
                    WriteField(writer, field, value);
                }
            }

            foreach (var pair in fields)
            {
                if (Array.IndexOf(order, pair.Key) < 0)
                {
                    WriteField(writer, pair.Key, pair.Value);
                }
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteField(Utf8JsonWriter writer, string name, JsonNode? value)
    {
        writer.WritePropertyName(name);
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            value.WriteTo(writer);
        }
    }
}
