using System.Text.Json;
using System.Text.Json.Nodes;

namespace Chanjing.Sdk.Internal.Json;

/// <summary>Reads a whole number from a <see cref="JsonValue"/> whatever CLR type backs it.</summary>
internal static class JsonNumbers
{
    public static long? Whole(JsonValue value)
    {
        if (value.TryGetValue<int>(out var i))
        {
            return i;
        }

        if (value.TryGetValue<long>(out var l))
        {
            return l;
        }

        if (value.TryGetValue<short>(out var s))
        {
            return s;
        }

        if (value.TryGetValue<byte>(out var b))
        {
            return b;
        }

        if (value.TryGetValue<double>(out var d))
        {
            return Whole(d);
        }

        if (value.TryGetValue<decimal>(out var m))
        {
            return m == decimal.Truncate(m) && m >= long.MinValue && m <= long.MaxValue ? (long)m : null;
        }

        if (value.TryGetValue<JsonElement>(out var element) && element.ValueKind == JsonValueKind.Number)
        {
            return element.TryGetInt64(out var n) ? n : element.TryGetDouble(out var e) ? Whole(e) : null;
        }

        return null;
    }

    private static long? Whole(double d) => d == Math.Floor(d) && !double.IsInfinity(d) && Math.Abs(d) < 9e15 ? (long)d : null;
}
