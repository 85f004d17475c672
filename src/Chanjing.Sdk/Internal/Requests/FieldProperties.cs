namespace Chanjing.Sdk.Internal.Requests;

/// <summary>
/// The request property behind each modelled wire field of a submit (<c>ref_img_url</c> is <c>ReferenceImageUrls</c>),
/// for messages and for refusing an additional field that collides with a property. A dozen pairs at most, searched
/// linearly: a dictionary cost half a kilobyte a submit.
/// </summary>
internal sealed class FieldProperties
{
    private readonly List<KeyValuePair<string, string>> _pairs = new(12);

    public void Set(string field, string property)
    {
        for (var i = 0; i < _pairs.Count; i++)
        {
            if (string.Equals(_pairs[i].Key, field, StringComparison.Ordinal))
            {
                _pairs[i] = new(field, property);
                return;
            }
        }

        _pairs.Add(new(field, property));
    }

    public bool TryGet(string field, out string property)
    {
        foreach (var pair in _pairs)
        {
            if (string.Equals(pair.Key, field, StringComparison.Ordinal))
            {
                property = pair.Value;
                return true;
            }
        }

        property = string.Empty;
        return false;
    }
}
