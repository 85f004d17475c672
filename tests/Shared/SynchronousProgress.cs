namespace Chanjing.Sdk.TestShared;

/// <summary>An <see cref="IProgress{T}"/> that reports on the caller's thread at once (<see cref="Progress{T}"/> posts to the thread pool, later).</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
