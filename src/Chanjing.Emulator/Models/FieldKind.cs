namespace Chanjing.Emulator.Models;

/// <summary>The JSON shape a field must have.</summary>
internal enum FieldKind
{
    /// <summary>A non-empty string.</summary>
    Text,

    /// <summary>A positive integer.</summary>
    Integer,

    /// <summary>An absolute http(s) URL string.</summary>
    Url,

    /// <summary>An array of absolute http(s) URL strings.</summary>
    UrlList,

    /// <summary>A <c>W:H</c> string of two positive integers.</summary>
    Ratio,
}
