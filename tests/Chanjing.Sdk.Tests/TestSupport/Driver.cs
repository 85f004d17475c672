namespace Chanjing.Sdk.Tests.TestSupport;

/// <summary>Drives code that waits on a <see cref="ManualTimeProvider"/>: each delay it starts is advanced as soon as it exists.</summary>
internal static class Driver
{
    /// <summary>Advances every timer the code creates (after skipping <paramref name="skip"/>, such as a deadline) until <paramref name="work"/> ends.</summary>
    public static async Task<List<TimeSpan>> RunAsync(ManualTimeProvider time, Task work, int skip = 1)
    {
        var advanced = new List<TimeSpan>();
        var skipped = 0;
        while (!work.IsCompleted)
        {
            var next = time.NextTimerAsync();
            if (await Task.WhenAny(work, next) == work)
            {
                break;
            }

            var due = await next;
            if (skipped < skip)
            {
                skipped++;
                continue;
            }

            advanced.Add(due);
            time.Advance(due);
        }

        return advanced;
    }
}

/// <summary>An <see cref="IProgress{T}"/> that records synchronously (Progress&lt;T&gt; would post to the thread pool).</summary>
internal sealed class RecordingProgress<T> : IProgress<T>
{
    public List<T> Reports { get; } = [];

    public void Report(T value)
    {
        lock (Reports)
        {
            Reports.Add(value);
        }
    }
}
