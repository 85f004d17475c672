namespace Chanjing.Extensions.AI;

/// <summary>Argument checks that work on every target framework.</summary>
internal static class Argument
{
    /// <summary>Throws <see cref="ArgumentNullException"/> when <paramref name="value"/> is null.</summary>
    public static T NotNull<T>(T? value, string name)
        where T : class => value ?? throw new ArgumentNullException(name);

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="value"/> is null, empty or white space.</summary>
    public static string NotBlank(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("Must be a non-empty value.", name) : value!;
}
