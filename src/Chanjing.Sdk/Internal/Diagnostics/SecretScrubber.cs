using System.Text.RegularExpressions;

namespace Chanjing.Sdk.Internal.Diagnostics;

/// <summary>Removes what must never reach a message or a log from a text excerpt: credential fields and URL query strings.</summary>
internal static class SecretScrubber
{
    // A credential field's value up to its closing quote, or to the end when the excerpt was cut inside it.
    private static readonly Regex Fields = new(
        "(\"(?:access_token|secret_key|sign_url|app_secret|token|signature)\"\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*(?:\"|$)|[^,}\\s]+)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    // Signed URLs carry their credentials in the query string.
    // Slashes may be JSON-escaped ("https:\/\/...").
    private static readonly Regex Queries = new("(https?:(?:\\\\?/){2}[^\\s\"?]*)\\?[^\\s\"]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public static string Scrub(string text) => Queries.Replace(Fields.Replace(text, "$1\"***\""), "$1?***");
}
