using System.Collections;

namespace Chanjing.Sdk.Internal.Json;

/// <summary>
/// URLs kept as the strings the service sent and made <see cref="Uri"/> objects only when first read: a page of 50 tasks
/// holds about 150 URLs that a wait never looks at, and parsing a <see cref="Uri"/> is the costliest part of reading one.
/// </summary>
internal sealed class LazyUriList(string[] texts) : IReadOnlyList<Uri>
{
    public static readonly IReadOnlyList<Uri> Empty = Array.Empty<Uri>();

    private Uri[]? _uris;

    public int Count => texts.Length;

    public Uri this[int index] => Uris[index];

    public IEnumerator<Uri> GetEnumerator() => ((IEnumerable<Uri>)Uris).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // Two readers may both build the array: the results are equal, and either may win.
    private Uri[] Uris => _uris ??= Array.ConvertAll(texts, ToUri);

    /// <summary>The longest URL text kept (the reader refuses longer ones, so conversion can never fail).</summary>
    public const int MaxLength = 32 * 1024;

    // Never throws. Only http(s) counts as absolute: on Unix "/files/x.mp4" would otherwise read as a file: URI, and a
    // file: URI fed back into a request is a local file the SDK uploads. Anything else stays relative (RawJson keeps the text).
    private static Uri ToUri(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps) ? absolute
        : Uri.TryCreate(text, UriKind.Relative, out var relative) ? relative
        : new Uri(Uri.EscapeDataString(text), UriKind.Relative);
}
