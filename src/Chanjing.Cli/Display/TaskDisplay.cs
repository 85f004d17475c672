using System.Diagnostics;
using Chanjing.Sdk;
using Spectre.Console;

namespace Chanjing.Cli.Display;

/// <summary>
/// The progress of one task on stderr: its status and the elapsed time while waiting (Chanjing reports no percentage,
/// so none is shown), then a byte progress bar per file while downloading. Live on a terminal, plain lines otherwise.
/// </summary>
internal sealed class TaskDisplay(CliConsole console)
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(30);

    /// <summary>Runs <paramref name="wait"/>, showing each status it reports and the time spent.</summary>
    /// <param name="taskId">The task.</param>
    /// <param name="wait">The wait, given the progress to report statuses to.</param>
    /// <param name="cancellationToken">Stops the plain heartbeat.</param>
    /// <returns>The task the wait returned.</returns>
    public async Task<CreationTask> WaitAsync(string taskId, Func<IProgress<CreationTask>, Task<CreationTask>> wait, CancellationToken cancellationToken)
    {
        if (!console.IsLive)
        {
            return await WaitPlainAsync(taskId, wait, cancellationToken).ConfigureAwait(false);
        }

        var live = console.ErrorConsole;
        console.SetLive(live);
        try
        {
            return await live.Progress()
                .AutoClear(false)
                .HideCompleted(false)
                .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ElapsedTimeColumn())
                .StartAsync(async context =>
                {
                    var row = context.AddTask(Describe(taskId, "waiting for the first status"), autoStart: true, maxValue: 1);
                    row.IsIndeterminate = true;
                    try
                    {
                        var task = await wait(new SyncProgress<CreationTask>(t => row.Description = Describe(t.Id, t.Status.Value))).ConfigureAwait(false);
                        row.Description = Describe(task.Id, task.Status.Value);
                        row.IsIndeterminate = false;
                        row.Value = 1;
                        return task;
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

    /// <summary>Saves every output of a succeeded job (a task, a video, ...) into <paramref name="directory"/>, showing bytes per file.</summary>
    /// <param name="client">The client.</param>
    /// <param name="task">The succeeded job.</param>
    /// <param name="directory">The directory.</param>
    /// <param name="cancellationToken">Cancels the download (no partial file is left).</param>
    /// <returns>The saved paths.</returns>
    public async Task<IReadOnlyList<string>> DownloadAsync(IChanjingClient client, ChanjingJob task, string directory, CancellationToken cancellationToken)
    {
        var noun = JobText.Title(task).ToLowerInvariant();
        var count = task.OutputUrls.Count;
        var what = count == 1 ? "1 file" : $"{count} files";
        if (!console.IsLive)
        {
            console.Info($"Downloading {what} of {noun} {task.Id} to {directory}");
            var saved = await client.DownloadOutputsAsync(task, directory, null, cancellationToken).ConfigureAwait(false);
            foreach (var path in saved)
            {
                console.Info($"Saved {path} ({Elapsed.Bytes(new FileInfo(path).Length)})");
            }

            return saved;
        }

        var sizes = await ContentLengthsAsync(client, task.OutputUrls, cancellationToken).ConfigureAwait(false);
        var live = console.ErrorConsole;
        console.SetLive(live);
        try
        {
            return await live.Progress()
                .AutoClear(false)
                .HideCompleted(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new TransferSpeedColumn())
                .StartAsync(async context =>
                {
                    var rows = new ProgressTask[count];
                    for (var i = 0; i < count; i++)
                    {
                        rows[i] = context.AddTask(Markup.Escape(count == 1 ? $"Downloading {task.Id}" : $"Downloading {task.Id} ({i + 1}/{count})"), autoStart: i == 0, maxValue: sizes[i] ?? 1);
                        rows[i].IsIndeterminate = sizes[i] is null;
                    }

                    var current = 0;
                    var progress = new SyncProgress<long>(written =>
                    {
                        // The SDK reports 0 when it starts a file: a 0 after bytes of the current file means the next one.
                        if (written == 0 && rows[current].Value > 0 && current < count - 1)
                        {
                            rows[current].Value = rows[current].MaxValue;
                            rows[current].StopTask();
                            current++;
                            rows[current].StartTask();
                        }

                        if (sizes[current] is null && written > rows[current].MaxValue)
                        {
                            rows[current].MaxValue = written;
                        }

                        rows[current].Value = written;
                    });
                    var saved = await client.DownloadOutputsAsync(task, directory, progress, cancellationToken).ConfigureAwait(false);
                    for (var i = 0; i < count; i++)
                    {
                        var length = i < saved.Count ? new FileInfo(saved[i]).Length : 0;
                        rows[i].IsIndeterminate = false;
                        rows[i].MaxValue = Math.Max(1, length);
                        rows[i].Value = rows[i].MaxValue;
                        rows[i].StopTask();
                    }

                    // The paths go to stdout; when that is this terminal too, they would show twice.
                    if (!console.OutputIsTerminal)
                    {
                        foreach (var path in saved)
                        {
                            live.MarkupLine($"[green]Saved[/] {Markup.Escape(path)}");
                        }
                    }

                    return saved;
                }).ConfigureAwait(false);
        }
        finally
        {
            console.SetLive(null);
        }
    }

    private async Task<CreationTask> WaitPlainAsync(string taskId, Func<IProgress<CreationTask>, Task<CreationTask>> wait, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var last = "waiting for the first status";
        console.Info($"Task {taskId}: waiting (Chanjing reports a status, not a percentage)");
        using var heartbeat = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var beating = BeatAsync(heartbeat.Token);
        try
        {
            var task = await wait(new SyncProgress<CreationTask>(t =>
            {
                last = t.Status.Value;
                console.Info($"Task {t.Id}: {last} ({Elapsed.Format(clock.Elapsed)})");
            })).ConfigureAwait(false);
            if (!string.Equals(last, task.Status.Value, StringComparison.Ordinal))
            {
                console.Info($"Task {task.Id}: {task.Status.Value} ({Elapsed.Format(clock.Elapsed)})");
            }

            return task;
        }
        finally
        {
            await heartbeat.CancelAsync().ConfigureAwait(false);
            await beating.ConfigureAwait(false);
        }

        async Task BeatAsync(CancellationToken token)
        {
            using var timer = new PeriodicTimer(Heartbeat);
            try
            {
                while (await timer.WaitForNextTickAsync(token).ConfigureAwait(false))
                {
                    console.Info($"Task {taskId}: still {last} ({Elapsed.Format(clock.Elapsed)})");
                }
            }
            catch (OperationCanceledException)
            {
                // The wait ended.
            }
        }
    }

    /// <summary>Asks for each output's size (a HEAD through the SDK) so the bars have an end; an unknown size shows bytes without a bar end.</summary>
    private static async Task<long?[]> ContentLengthsAsync(IChanjingClient client, IReadOnlyList<Uri> urls, CancellationToken cancellationToken)
    {
        var sizes = new long?[urls.Count];
        for (var i = 0; i < urls.Count; i++)
        {
            // A size is a nicety: ten seconds at most, then the bar shows bytes without an end.
            using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            bound.CancelAfter(TimeSpan.FromSeconds(10));
            try
            {
                sizes[i] = await client.GetContentLengthAsync(urls[i], bound.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ChanjingException or ArgumentException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // No size (a failed HEAD, or a URL that is no http(s) URL): the download says more if it fails.
                sizes[i] = null;
            }
        }

        return sizes;
    }

    private static string Describe(string taskId, string status) => $"Task [bold]{Markup.Escape(taskId)}[/]: {Markup.Escape(status)}";
}
