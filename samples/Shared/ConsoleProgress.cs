namespace Chanjing.Samples;

/// <summary>Reports progress on the caller's thread, in order (Progress&lt;T&gt; would post to the thread pool and could reorder lines).</summary>
internal sealed class ConsoleProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
