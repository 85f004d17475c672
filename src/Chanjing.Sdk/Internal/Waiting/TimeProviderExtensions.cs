namespace Chanjing.Sdk.Internal.Waiting;

/// <summary>Delays and cancellable waits driven by a <see cref="TimeProvider"/>, on every target framework.</summary>
internal static class TimeProviderExtensions
{
    public static Task DelayAsync(this TimeProvider timeProvider, TimeSpan delay, CancellationToken cancellationToken)
    {
#if NET8_0_OR_GREATER
        return Task.Delay(delay, timeProvider, cancellationToken);
#else
        return TimeProviderTaskExtensions.Delay(timeProvider, delay, cancellationToken);
#endif
    }

    /// <summary>Waits for a shared task, giving up (without cancelling the task) when this caller is cancelled.</summary>
    public static Task<T> WithCancellation<T>(this Task<T> task, CancellationToken cancellationToken)
    {
#if NET8_0_OR_GREATER
        return task.WaitAsync(cancellationToken);
#else
        if (!cancellationToken.CanBeCanceled || task.IsCompleted)
        {
            return task;
        }

        return WaitSlowAsync(task, cancellationToken);

        static async Task<T> WaitSlowAsync(Task<T> task, CancellationToken cancellationToken)
        {
            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(static state => ((TaskCompletionSource<bool>)state!).TrySetResult(true), cancelled))
            {
                if (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) != task)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }

            return await task.ConfigureAwait(false);
        }
#endif
    }
}
