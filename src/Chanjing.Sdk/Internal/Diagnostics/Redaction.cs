namespace Chanjing.Sdk.Internal.Diagnostics;

/// <summary>How URLs appear in messages: a signed URL's query (its signature) is never shown.</summary>
internal static class Redaction
{
    /// <summary>Scheme, host and path of <paramref name="url"/>, with "?…" in place of any query.</summary>
    public static string Url(Uri url) => url.IsAbsoluteUri ? url.GetLeftPart(UriPartial.Path) + (string.IsNullOrEmpty(url.Query) ? string.Empty : "?…") : "(relative URL)";
}
