using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Chanjing.Sdk.Internal.Products;

/// <summary>A product's jobs for the shared wait (<see cref="JobWatcher"/>): read through the product client's (virtual) get, judged by the job's own rules.</summary>
internal sealed class ProductJobKind<TJob>(Func<string, CancellationToken, Task<TJob>> get, string resumeWith) : IJobKind<TJob>
    where TJob : ChanjingJob
{
    public string ResumeWith { get; } = resumeWith;

    public Task<TJob> GetAsync(string id, CancellationToken cancellationToken) => get(id, cancellationToken);

    public bool IsFinished(TJob job) => job.IsFinished;

    public bool IsKnown(TJob job) => job.IsKnownStatus;

    public string StatusText(TJob job) => job.StatusText;

    // Progress counts as a change: products that report it are worth a progress bar.
    public bool Changed(TJob previous, TJob current) => current.StatusText != previous.StatusText || current.Progress != previous.Progress;

    public ChanjingWaitTimeoutException Timeout(string id, TJob? last, TimeSpan timeout) => new(id, last, timeout, ResumeWith);
}

/// <summary>The wait of every product: the shared watcher, progress reports, a span, and the job's own success rule at the end.</summary>
internal static class ProductWait
{
    public static async Task<TJob> WaitAsync<TJob>(ProductContext context, ProductJobKind<TJob> kind, string id, WaitOptions options, IProgress<TJob>? progress, bool pollFirst, CancellationToken cancellationToken)
        where TJob : ChanjingJob
    {
        using var activity = ChanjingTelemetry.ActivitySource.StartActivity("chanjing wait", ActivityKind.Internal);
        activity?.SetTag("chanjing.task_id", id);
        var telemetry = context.Pipeline.Telemetry;
        telemetry.WaitStarted(1);
        TJob? last = null;
        try
        {
            await foreach (var job in JobWatcher.WatchAsync(kind, id, options, pollFirst, context.Time, context.Logger, cancellationToken).ConfigureAwait(false))
            {
                last = job;
                activity?.AddEvent(new ActivityEvent("chanjing.task.status", tags: new ActivityTagsCollection { ["chanjing.task.status"] = job.StatusText }));
                progress?.Report(job);
            }
        }
        catch (ChanjingException ex) when (ex.TaskId != id)
        {
            var error = ChanjingErrors.ForTask(ex, id);
            WaitActivity.Failed(activity, error);
            throw error;
        }
        catch (ChanjingException ex)
        {
            WaitActivity.Failed(activity, ex);
            throw;
        }
        finally
        {
            telemetry.WaitEnded(1);
        }

        // The watch ends only after a finished job.
        if (last!.IsSucceeded)
        {
            return last;
        }

        var failed = new ChanjingTaskFailedException(last);
        WaitActivity.Failed(activity, failed);
        throw failed;
    }

    /// <summary>Validates the options, creates, tells <see cref="WaitOptions.OnSubmitted"/>, then waits (the first poll one interval later).</summary>
    public static async Task<TJob> GenerateAsync<TJob>(ProductContext context, ProductJobKind<TJob> kind, Func<CancellationToken, Task<string>> create, WaitOptions? options, IProgress<TJob>? progress, CancellationToken cancellationToken)
        where TJob : ChanjingJob
    {
        options ??= new WaitOptions();
        options.Validate();
        var id = await create(cancellationToken).ConfigureAwait(false);
        options.OnSubmitted?.Invoke(id);
        return await WaitAsync(context, kind, id, options, progress, pollFirst: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Checks the id and options of a wait on an existing job (before any request).</summary>
    public static WaitOptions Check(string id, WaitOptions? options)
    {
        Guard.Identifier(id, nameof(id));
        options ??= new WaitOptions();
        options.Validate();
        return options;
    }
}

/// <summary>Lists a product's jobs page by page to the end, each once.</summary>
internal static class ProductPaging
{
    public static async IAsyncEnumerable<T> ListAsync<T>(Func<int, CancellationToken, Task<JobPage<T>>> page, Func<T, string> id, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var number = 1; ; number++)
        {
            var result = await page(number, cancellationToken).ConfigureAwait(false);
            var fresh = 0;
            foreach (var item in result.Items)
            {
                // An item can move to the next page while we list (newest first): each is yielded once.
                if (seen.Add(id(item)))
                {
                    fresh++;
                    yield return item;
                }
            }

            // Ends on an empty page, a page with nothing new (a service repeating a page must not loop forever), a short
            // page, the last page, or once the total is reached.
            if (fresh == 0 || result.Items.Count < pageSize || (result.TotalPages is { } pages && number >= pages) || (result.TotalCount is { } total && seen.Count >= total))
            {
                yield break;
            }
        }
    }
}
