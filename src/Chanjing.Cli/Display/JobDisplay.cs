using System.Diagnostics;
using Chanjing.Sdk;
using Spectre.Console;

namespace Chanjing.Cli.Display;

/// <summary>
/// The progress of one avatar video or customised avatar on stderr: its status and the service's percentage while
/// waiting, as a live bar on a terminal, plain lines (one per change, a heartbeat every 30 s) otherwise.
/// </summary>
internal sealed class JobDisplay(CliConsole console)
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(30);

    /// <summary>Runs <paramref name="wait"/>, showing each status and percentage it reports and the time spent.</summary>
    /// <typeparam name="TJob">The product's job.</typeparam>
    /// <param name="title">What is waited for, such as <c>Video</c>.</param>
    /// <param name="id">The job's id.</param>
    /// <param name="wait">The wait, given the progress to report to.</param>
    /// <param name="cancellationToken">Stops the plain heartbeat.</param>
    /// <returns>The job the wait returned.</returns>
    public async Task<TJob> WaitAsync<TJob>(string title, string id, Func<IProgress<TJob>, Task<TJob>> wait, CancellationToken cancellationToken)
        where TJob : ChanjingJob
    {
        if (!console.IsLive)
        {
            return await WaitPlainAsync(title, id, wait, cancellationToken).ConfigureAwait(false);
        }

        var live = console.ErrorConsole;
        console.SetLive(live);
        try
        {
            return await live.Progress()
                .AutoClear(false)
                .HideCompleted(false)
                .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async context =>
                {
                    var row = context.AddTask(Describe(title, id, "waiting for the first status"), autoStart: true, maxValue: 100);
                    row.IsIndeterminate = true;
                    void Show(TJob job)
                    {
                        row.Description = Describe(title, job.Id, JobText.Status(job));
                        row.IsIndeterminate = job.Progress is null && !job.IsFinished;
                        row.Value = job.IsSucceeded ? 100 : Math.Clamp(job.Progress ?? 0, 0, 100);
                    }

                    try
                    {
                        var job = await wait(new SyncProgress<TJob>(Show)).ConfigureAwait(false);
                        Show(job);
                        return job;
                    }
                    finally
                    {
                        row.StopTask();
                    }
                }).ConfigureAwait(false);
        }
        finally
        {
            console.SetLive(null);
        }
    }

    private async Task<TJob> WaitPlainAsync<TJob>(string title, string id, Func<IProgress<TJob>, Task<TJob>> wait, CancellationToken cancellationToken)
        where TJob : ChanjingJob
    {
        var clock = Stopwatch.StartNew();
        var last = "waiting for the first status";
        console.Info($"{title} {id}: waiting");
        using var heartbeat = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var beating = BeatAsync(heartbeat.Token);
        try
        {
            var job = await wait(new SyncProgress<TJob>(j => Say(j))).ConfigureAwait(false);
            Say(job);
            return job;
        }
        finally
        {
            await heartbeat.CancelAsync().ConfigureAwait(false);
            await beating.ConfigureAwait(false);
        }

        void Say(TJob job)
        {
            var now = JobText.StatusWithProgress(job);
            if (!string.Equals(now, last, StringComparison.Ordinal))
            {
                last = now;
                console.Info($"{title} {job.Id}: {now} ({Elapsed.Format(clock.Elapsed)})");
            }
        }

        async Task BeatAsync(CancellationToken token)
        {
            using var timer = new PeriodicTimer(Heartbeat);
            try
            {
                while (await timer.WaitForNextTickAsync(token).ConfigureAwait(false))
                {
                    console.Info($"{title} {id}: still {last} ({Elapsed.Format(clock.Elapsed)})");
                }
            }
            catch (OperationCanceledException)
            {
                // The wait ended.
            }
        }
    }

    private static string Describe(string title, string id, string status) => $"{Markup.Escape(title)} [bold]{Markup.Escape(id)}[/]: {Markup.Escape(status)}";
}
