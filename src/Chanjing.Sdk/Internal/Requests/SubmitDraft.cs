using System.Text.Json;
using System.Text.Json.Nodes;

namespace Chanjing.Sdk.Internal.Requests;

/// <summary>
/// A submit body built from a <see cref="CreationRequest"/> and checked field by field before any I/O: a snapshot, so
/// later changes by the caller cannot race the submit. Local files (<c>file:</c> URIs) are kept as slots that the
/// client uploads and fills before the body is serialized.
/// </summary>
internal sealed partial class SubmitDraft
{
    private SubmitDraft(CreationRequest request)
    {
        var type = request.GetType();
        RequestName = type.Name;
        _properties = PropertiesByType.GetOrAdd(type, static _ => new string?[Order.Length]);
        ModelCode = request.ModelCode;
        CreationType = request.CreationType;
    }

    public string RequestName { get; }

    public string ModelCode { get; }

    public CreationType CreationType { get; }

    /// <summary>Local files to check and upload, in body order.</summary>
    public IReadOnlyList<FileSlot> Files => (IReadOnlyList<FileSlot>?)_files ?? [];

    /// <summary>Checks <paramref name="request"/> (generic rules, its family's rules, and its model's documented rules) and snapshots its body.</summary>
    public static SubmitDraft Create(CreationRequest? request)
    {
        Guard.NotNull(request, "request");
        var draft = new SubmitDraft(request);
        var name = draft.RequestName;
        if (string.IsNullOrWhiteSpace(request.ModelCode))
        {
            throw new ArgumentException($"{name}.{nameof(request.ModelCode)} must not be empty.", "request");
        }

        if (Guard.HasControl(request.ModelCode))
        {
            throw new ArgumentException($"{name}.{nameof(request.ModelCode)} must not contain control characters.", "request");
        }

        if (request.CreationType.Value <= 0)
        {
            throw new ArgumentException($"{name}.{nameof(request.CreationType)} must be set (CreationType.Video or CreationType.Image).", "request");
        }

        request.Describe(draft);
        draft.Prompt(request.Prompt);
        draft.Set("creation_type", nameof(request.CreationType), Box(request.CreationType.Value));
        draft.Set("model_code", nameof(request.ModelCode), request.ModelCode);
        draft.Callback(request.CallbackUrl);
        draft.Additional(request.AdditionalFields);
        ModelRules.Check(draft);
        try
        {
            // Written once now, so a value JSON cannot carry (NaN, infinity) is refused before any upload or request;
            // kept, unless a file's URL replaces its path later.
            draft._json = draft.Write();
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or JsonException or NotSupportedException)
        {
            throw new ArgumentException($"{name}.{nameof(request.AdditionalFields)} holds a value that cannot be written as JSON: {ex.Message}", "request", ex);
        }

        return draft;
    }

    /// <summary>The property a wire field came from, for messages (<c>ReferenceVideoRequest.Clarity</c>).</summary>
    public string PropertyOf(string field) => $"{RequestName}.{(PropertyName(field) is { } property ? property : $"AdditionalFields[\"{field}\"]")}";

    /// <summary>Puts an uploaded file's URL where its <c>file:</c> URI was.</summary>
    public void Fill(FileSlot slot, Uri uploaded)
    {
        _json = null;
        var at = Array.IndexOf(Order, slot.Field);
        if (slot.Index is { } index)
        {
            ((string[])_values[at]!)[index] = uploaded.AbsoluteUri;
        }
        else
        {
            _values[at] = uploaded.AbsoluteUri;
        }
    }

    /// <summary>The UTF-8 JSON body, in the documented field order.</summary>
    public byte[] ToUtf8Json() => _json ??= Write();

    /// <summary>What reconciliation compares, read from the fields (no JSON parse).</summary>
    public SubmitFingerprint Fingerprint() => new(
        ModelCode,
        CreationType,
        TextOf("ref_prompt"),
        TextOf("aspect_ratio"),
        WholeOf("clarity"),
        WholeOf("video_duration"),
        WholeOf("number_of_images"),
        CountOf("ref_img_url") ?? 0,
        (Has("start_frame") ? 1 : 0) + (Has("end_frame") ? 1 : 0),
        TextOf("quality_mode"),
        TextOf("style"));

    public void RequirePrompt() => _promptRequired = true;

    public void UrlList(string field, string property, IList<Uri> urls, bool required, bool allowVideo = false)
    {
        Model(field, property);
        var items = urls?.ToArray() ?? [];
        if (items.Length == 0)
        {
            if (required)
            {
                throw new ArgumentException($"{RequestName}.{property} must contain at least one URL.", "request");
            }

            return;
        }

        var texts = new string[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            var url = CheckUrl(items[i], property, allowFile: true, index: i);
            if (url.IsFile)
            {
                (_files ??= []).Add(new FileSlot(field, i, url, $"{RequestName}.{property}[{i}]", allowVideo));
            }

            texts[i] = url.IsFile ? url.LocalPath : url.AbsoluteUri;
        }

        Put(field, texts);
    }

    public void Url(string field, string property, Uri? url, bool required)
    {
        Model(field, property);
        if (url is null)
        {
            if (required)
            {
                throw new ArgumentNullException("request", $"{RequestName}.{property} must be set.");
            }

            return;
        }

        var checkedUrl = CheckUrl(url, property, allowFile: true);
        if (checkedUrl.IsFile)
        {
            (_files ??= []).Add(new FileSlot(field, null, checkedUrl, $"{RequestName}.{property}", AllowVideo: false));
        }

        Put(field, checkedUrl.IsFile ? checkedUrl.LocalPath : checkedUrl.AbsoluteUri);
    }

    public void Aspect(AspectRatio? ratio, string property)
    {
        Model("aspect_ratio", property);
        if (ratio is { } value)
        {
            if (value.IsEmpty)
            {
                throw new ArgumentException($"{RequestName}.{property} must not be default(AspectRatio); use a ratio such as AspectRatio.Landscape16x9, or null to omit it.", "request");
            }

            Put("aspect_ratio", value.Value);
        }
    }

    public void Number(string field, string property, int? value)
    {
        Model(field, property);
        if (value is { } number)
        {
            if (number <= 0)
            {
                throw new ArgumentException($"{RequestName}.{property} must be greater than zero, but was {number}; use null to omit it.", "request");
            }

            Put(field, Box(number));
        }
    }

    public void Text(string field, string property, string? value)
    {
        Model(field, property);
        if (value is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{RequestName}.{property} must not be empty; use null to omit it.", "request");
        }

        Put(field, value);
    }

    private void Prompt(string? prompt)
    {
        Model("ref_prompt", nameof(CreationRequest.Prompt));
        if (prompt is null)
        {
            if (_promptRequired)
            {
                throw new ArgumentNullException("request", $"{RequestName}.{nameof(CreationRequest.Prompt)} must not be null.");
            }

            return;
        }

        if (string.IsNullOrWhiteSpace(prompt))
        {
            throw new ArgumentException($"{RequestName}.{nameof(CreationRequest.Prompt)} must not be empty or whitespace.", "request");
        }

        Put("ref_prompt", prompt);
    }

    private void Callback(Uri? callback)
    {
        Model("callback", nameof(CreationRequest.CallbackUrl));
        if (callback is not null)
        {
            Put("callback", CheckUrl(callback, nameof(CreationRequest.CallbackUrl), allowFile: false).AbsoluteUri);
        }
    }

    private void Additional(IDictionary<string, JsonNode?> additional)
    {
        if (additional.Count == 0)
        {
            return;
        }

        foreach (var pair in additional)
        {
            if (string.IsNullOrWhiteSpace(pair.Key) || pair.Key.Any(char.IsControl))
            {
                throw new ArgumentException($"{RequestName}.{nameof(CreationRequest.AdditionalFields)} has an empty name or one with control characters.", "request");
            }

            if (PropertyName(pair.Key) is { } property)
            {
                throw new ArgumentException($"{RequestName}.{nameof(CreationRequest.AdditionalFields)}[\"{pair.Key}\"] collides with {RequestName}.{property}, which is sent as '{pair.Key}': set the property instead.", "request");
            }

            // A copy: the caller may change or reuse its nodes after submitting.
            PutAdditional(pair.Key, pair.Value?.DeepClone());
        }
    }

    private void Set(string field, string property, object value)
    {
        Model(field, property);
        Put(field, value);
    }

    private Uri CheckUrl(Uri? url, string property, bool allowFile, int? index = null)
    {
        // The setting's name (ReferenceVideoRequest.ReferenceImageUrls[1]) is built only for a message.
        string Name() => index is { } i ? $"{RequestName}.{property}[{i}]" : $"{RequestName}.{property}";
        if (url is null)
        {
            throw new ArgumentException($"{Name()} must not be null.", "request");
        }

        if (!url.IsAbsoluteUri)
        {
            throw new ArgumentException($"{Name()} must be an absolute http(s) URL{(allowFile ? " or a file: URI" : string.Empty)}, but was the relative URI '{url.OriginalString}'.", "request");
        }

        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps && !(allowFile && url.IsFile))
        {
            throw new ArgumentException($"{Name()} must use http{(allowFile ? ", https or file" : " or https")}, but was '{url.Scheme}:'.", "request");
        }

        if (Guard.HasControl(url.OriginalString))
        {
            throw new ArgumentException($"{Name()} must not contain control characters.", "request");
        }

        return url;
    }

    /// <summary>A local file in the body: where it goes, and what it must be.</summary>
    internal sealed record FileSlot(string Field, int? Index, Uri File, string Name, bool AllowVideo);
}
