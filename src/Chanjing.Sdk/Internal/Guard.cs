using System.Runtime.CompilerServices;

namespace Chanjing.Sdk.Internal;

/// <summary>Argument checks whose messages name the argument and the rule.</summary>
internal static class Guard
{
    public static T NotNull<T>([System.Diagnostics.CodeAnalysis.NotNull] T? value, string name)
        where T : class
    {
        if (value is null)
        {
            throw new ArgumentNullException(name, $"{name} must not be null.");
        }

        return value;
    }

    public static string NotNullOrWhiteSpace([System.Diagnostics.CodeAnalysis.NotNull] string? value, string name)
    {
        if (value is null)
        {
            throw new ArgumentNullException(name, $"{name} must not be null.");
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{name} must not be empty or whitespace.", name);
        }

        return value;
    }

    /// <summary>An id that goes into a URL or a header: not empty, and no control characters (CR/LF injection).</summary>
    public static string Identifier([System.Diagnostics.CodeAnalysis.NotNull] string? value, string name)
    {
        NotNullOrWhiteSpace(value, name);
        if (HasControl(value))
        {
            throw new ArgumentException($"{name} must not contain control characters such as line breaks.", name);
        }

        return value;
    }

    public static bool HasControl(string? value)
    {
        if (value is null)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    public static int Positive(int value, string name)
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be greater than zero.");
        }

        return value;
    }

    public static TimeSpan Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be greater than zero.");
        }

        return value;
    }
}
