using System.Reflection;
using System.Runtime.InteropServices;

namespace Chanjing.Sdk.Internal.Diagnostics;

/// <summary><c>User-Agent: [application-id ]Chanjing.Sdk/&lt;version&gt; (.NET &lt;runtime&gt;; &lt;os&gt;)</c>, built once per pipeline.</summary>
internal static class UserAgentHeader
{
    private static readonly string Sdk = Build();

    public static string For(string? applicationId) => string.IsNullOrEmpty(applicationId) ? Sdk : applicationId + " " + Sdk;

    private static string Build()
    {
        var assembly = typeof(UserAgentHeader).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? assembly.GetName().Version?.ToString() ?? "0.0.0";
        var plus = version.IndexOf('+');
        version = plus > 0 ? version.Substring(0, plus) : version;
        var runtime = RuntimeInformation.FrameworkDescription.Replace(".NET Framework", "Framework").Replace(".NET", string.Empty).Trim();
        return $"Chanjing.Sdk/{version} (.NET {Clean(runtime)}; {Clean(RuntimeInformation.OSDescription)})";
    }

    // Parentheses, semicolons and control characters would break the comment part of the header.
    private static string Clean(string text) => new(text.Where(c => !char.IsControl(c) && c is not '(' and not ')' and not ';').ToArray());
}
