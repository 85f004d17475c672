namespace Chanjing.Cli.Infrastructure;

/// <summary>A bad argument found before any network call: printed with the command's name, exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
