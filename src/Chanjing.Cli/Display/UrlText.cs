namespace Chanjing.Cli.Display;

/// <summary>A URL as text for output: the absolute form, or the service's own text when it is not absolute.</summary>
internal static class UrlText
{
    public static string Of(Uri url) => url.IsAbsoluteUri ? url.AbsoluteUri : url.OriginalString;
}
