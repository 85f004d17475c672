using System.Collections;
#if NET8_0_OR_GREATER
using System.Text;
#endif

namespace Chanjing.Sdk.Internal.Json;

/// <summary>
/// URLs kept as the strings the service sent and made <see cref="Uri"/> objects only when first read: a page of 50 tasks
/// holds about 150 URLs that a wait never looks at, and parsing a <see cref="Uri"/> is the costliest part of reading one.
/// </summary>
internal sealed class LazyUriList : IReadOnlyList<Uri>
{
    public static readonly IReadOnlyList<Uri> Empty = Array.Empty<Uri>();

    private readonly string[]? _texts;
#if NET8_0_OR_GREATER
    private readonly ReadOnlyMemory<byte>[]? _utf8;
#endif
    private Uri[]? _uris;

    public LazyUriList(string[] texts) => _texts = texts;

#if NET8_0_OR_GREATER
    /// <summary>
    /// URLs still as UTF-8 (valid, already unescaped), usually slices of a response body that is never reused: not even
    /// a string is made until the list is read. Each is at most <see cref="MaxLength"/> characters long.
    /// </summary>
    public LazyUriList(ReadOnlyMemory<byte>[] utf8) => _utf8 = utf8;

    public int Count => _texts?.Length ?? _utf8!.Length;
#else
    public int Count => _texts!.Length;
#endif

    public Uri this[int index] => Uris[index];

    public IEnumerator<Uri> GetEnumerator() => ((IEnumerable<Uri>)Uris).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // Two readers may both build the array: the results are equal, and either may win.
#if NET8_0_OR_GREATER
    private Uri[] Uris => _uris ??= _texts is { } texts ? Array.ConvertAll(texts, ToUri) : Array.ConvertAll(_utf8!, static utf8 => ToUri(Encoding.UTF8.GetString(utf8.Span)));
#else
    private Uri[] Uris => _uris ??= Array.ConvertAll(_texts!, ToUri);
#endif

    /// <summary>The longest URL text kept (the reader refuses longer ones, so conversion can never fail).</summary>
    public const int MaxLength = 32 * 1024;

    // Never throws. Only http(s) counts as absolute: on Unix "/files/x.mp4" would otherwise read as a file: URI, and a
    // file: URI fed back into a request is a local file the SDK uploads. Anything else stays relative (RawJson keeps the text).
    private static Uri ToUri(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps) ? absolute
        : Uri.TryCreate(text, UriKind.Relative, out var relative) ? relative
        : new Uri(Uri.EscapeDataString(text), UriKind.Relative);
}
