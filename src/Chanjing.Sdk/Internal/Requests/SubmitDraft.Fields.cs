using System.Text.Json;
using System.Text.Json.Nodes;

namespace Chanjing.Sdk.Internal.Requests;

/// <summary>
/// The fields of a draft, without a JSON object model (a dictionary of <see cref="JsonNode"/>s cost 2 KB a submit): one
/// slot per documented field holding a string, a boxed <see cref="int"/>, a <see cref="string"/> array of URLs, or the
/// caller's own <see cref="JsonNode"/>; then the caller's other fields, in their order.
/// </summary>
internal sealed partial class SubmitDraft
{
    // The order of the documented bodies; fields the caller adds come after.
    private static readonly string[] Order = ["ref_img_url", "start_frame", "end_frame", "ref_prompt", "creation_type", "aspect_ratio", "clarity", "video_duration", "quality_mode", "number_of_images", "model_code", "callback"];

    // Boxed numbers shared by every draft (clarity 4096 included); a race only boxes a value twice.
    private static readonly object?[] Boxes = new object?[4097];

    // The property behind each modelled field, per request type: fixed by each type's Describe (nameof constants), so
    // shared by every draft of the type instead of recorded per draft.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, string?[]> PropertiesByType = new();

    private readonly object?[] _values = new object?[12];
    private readonly string?[] _properties;
    private List<KeyValuePair<string, JsonNode?>>? _extra;
    private List<FileSlot>? _files;
    private byte[]? _json;
    private int _present;
    private bool _promptRequired;

    /// <summary>Whether the body has <paramref name="field"/> with a value other than JSON null.</summary>
    public bool Has(string field) => Value(field) is not null;

    /// <summary>The text of a field, when it is a string.</summary>
    public string? TextOf(string field) => Value(field) switch
    {
        string text => text,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => null,
    };

    /// <summary>A field's whole number, whatever type the caller's own node uses (what the model rules and reconciliation compare).</summary>
    public long? WholeOf(string field) => Value(field) switch
    {
        int number => number,
        JsonValue value => JsonNumbers.Whole(value),
        _ => null,
    };

    /// <summary>How many items a field's array has; null when it is no array.</summary>
    public int? CountOf(string field) => Value(field) switch
    {
        string[] texts => texts.Length,
        JsonArray array => array.Count,
        _ => null,
    };

    /// <summary>The items of a field's array as text (null for an item that is no string); null when it is no array.</summary>
    public IReadOnlyList<string?>? TextsOf(string field) => Value(field) switch
    {
        string[] texts => texts,
        JsonArray array => array.Select(item => item is JsonValue value && value.TryGetValue<string>(out var text) ? text : null).ToArray(),
        _ => null,
    };

    private static object Box(int number) => number is >= 0 and < 4097 ? Boxes[number] ??= number : number;

    private static int Slot(string field) => Array.IndexOf(Order, field);

    private object? Value(string field)
    {
        var slot = Slot(field);
        if (slot >= 0)
        {
            return _values[slot];
        }

        if (_extra is not null)
        {
            foreach (var pair in _extra)
            {
                if (string.Equals(pair.Key, field, StringComparison.Ordinal))
                {
                    return pair.Value;
                }
            }
        }

        return null;
    }

    /// <summary>The request property behind a modelled field; null for a field the request does not model.</summary>
    private string? PropertyName(string field) => Slot(field) is var slot and >= 0 ? _properties[slot] : null;

    private void Model(string field, string property)
    {
        var slot = Slot(field) is var found and >= 0 ? found : throw new InvalidOperationException($"'{field}' is not a documented submit field.");
        if (_properties[slot] is { } known && !string.Equals(known, property, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{RequestName} models '{field}' as both {known} and {property}.");
        }

        _properties[slot] = property;
    }

    private void Put(string field, object value)
    {
        var slot = Slot(field);
        _values[slot] = value;
        _present |= 1 << slot;
    }

    private void PutAdditional(string field, JsonNode? value)
    {
        var slot = Slot(field);
        if (slot >= 0)
        {
            _values[slot] = value;
            _present |= 1 << slot;
        }
        else
        {
            (_extra ??= []).Add(new(field, value));
        }
    }

    private byte[] Write() => JsonBody.Write(this, static (writer, draft) => draft.WriteFields(writer));

    private void WriteFields(Utf8JsonWriter writer)
    {
        for (var slot = 0; slot < Order.Length; slot++)
        {
            if ((_present & (1 << slot)) != 0)
            {
                writer.WritePropertyName(Order[slot]);
                WriteValue(writer, _values[slot]);
            }
        }

        if (_extra is not null)
        {
            foreach (var pair in _extra)
            {
                writer.WritePropertyName(pair.Key);
                WriteValue(writer, pair.Value);
            }
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case string[] texts:
                writer.WriteStartArray();
                foreach (var text in texts)
                {
                    writer.WriteStringValue(text);
                }

                writer.WriteEndArray();
                break;
            default:
                ((JsonNode)value).WriteTo(writer);
                break;
        }
    }
}
