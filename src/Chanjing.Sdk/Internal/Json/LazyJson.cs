using System.Text.Json;

namespace Chanjing.Sdk.Internal.Json;

/// <summary>
/// A job's own JSON kept as its UTF-8 bytes (a slice of the response body where possible) and parsed on first use: a
/// wait holds its last job for as long as it waits, and most callers never read the raw JSON.
/// </summary>
internal sealed class LazyJson(ReadOnlyMemory<byte> utf8)
{
    private Holder? _value;

    /// <summary>The UTF-8 text, as given (tests compare it byte for byte).</summary>
    public ReadOnlyMemory<byte> Utf8 => utf8;

    /// <summary>The element, parsed once (concurrent first readers each see a whole element).</summary>
    public JsonElement Value => (_value ??= new Holder(Parse(utf8))).Element;

    /// <summary>The raw JSON of <paramref name="element"/>, sliced from <paramref name="body"/> when it lies in it.</summary>
    public static LazyJson Of(JsonElement element, ReadOnlyMemory<byte> body) => new(TaskReader.RawUtf8(element, body));

    private static JsonElement Parse(ReadOnlyMemory<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8.Span);
        return JsonElement.ParseValue(ref reader);
    }

    private sealed class Holder(JsonElement element)
    {
        public JsonElement Element { get; } = element;
    }
}
