namespace Chanjing.Cli.Infrastructure;

/// <summary>A failure a command describes itself, found after a network call (such as an avatar id nobody has): its message and exit code.</summary>
/// <param name="message">What went wrong, and what to do.</param>
/// <param name="exitCode">The exit code; <see cref="ExitCodes.Failure"/> by default.</param>
internal sealed class CliFailureException(string message, int exitCode = ExitCodes.Failure) : Exception(message)
{
    /// <summary>The exit code.</summary>
    public int ExitCode { get; } = exitCode;
}
