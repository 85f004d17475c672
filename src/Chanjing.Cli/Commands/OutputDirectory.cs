using Chanjing.Cli.Infrastructure;

namespace Chanjing.Cli.Commands;

/// <summary>Checks <c>--output</c> before any network call.</summary>
internal static class OutputDirectory
{
    /// <summary>Returns the directory as given (saved paths are shown relative to it), or throws <see cref="UsageException"/> when it names a file.</summary>
    /// <param name="path">The option's value.</param>
    /// <returns>The path.</returns>
    public static string Check(string path)
    {
        if (string.IsNullOrWhiteSpace(path) || path.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            throw new UsageException($"--output '{path}' is not a valid directory path.");
        }

        if (File.Exists(path))
        {
            throw new UsageException($"--output '{path}' is a file; give a directory.");
        }

        return path;
    }

    /// <summary>Quotes a path for a shell command line when it needs it.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The path, single-quoted when it holds anything but plain characters.</returns>
    public static string Quote(string path) => path.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '-' or '_')
        ? path
        : "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
