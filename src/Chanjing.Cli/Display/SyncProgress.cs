namespace Chanjing.Cli.Display;

/// <summary>An <see cref="IProgress{T}"/> that reports on the caller's thread, in order (unlike <see cref="Progress{T}"/>).</summary>
/// <typeparam name="T">The value reported.</typeparam>
internal sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    /// <inheritdoc />
    public void Report(T value) => report(value);
}
