using System.Text;
using System.Text.Json;

namespace Chanjing.Emulator.Faults;

/// <summary>Where a <see cref="EmulatorFaultKind.MalformedBody"/> fault cuts a JSON body.</summary>
internal static class BodyCut
{
    /// <summary>
    /// The body cut at <see cref="EmulatorFault.Bytes"/> when positive, else inside the value of
    /// <see cref="EmulatorFault.Field"/> (at its middle) when set and found, else in the middle. Never the whole body.
    /// </summary>
    public static byte[] Truncate(byte[] body, EmulatorFault fault)
    {
        if (body.Length <= 1)
        {
            return "{\"code\":"u8.ToArray();
        }

        var at = fault.Bytes > 0 ? (int)Math.Min(fault.Bytes, body.Length - 1)
            : fault.Field is { } field && FindValue(body, field) is var (start, end) ? start + Math.Max(1, (end - start) / 2)
            : body.Length / 2;
        return body.AsSpan(0, Math.Min(at, body.Length - 1)).ToArray();
    }

    /// <summary>The byte range of the first value of a property named <paramref name="field"/>, at any depth.</summary>
    private static (int Start, int End)? FindValue(byte[] body, string field)
    {
        var name = Encoding.UTF8.GetBytes(field);
        var reader = new Utf8JsonReader(body);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(name) && reader.Read())
                {
                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    return (start, (int)reader.BytesConsumed);
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return null;
    }
}
