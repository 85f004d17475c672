using Chanjing.Cli.Display;
using Chanjing.Cli.Infrastructure;
using Chanjing.Sdk;

namespace Chanjing.Cli.Commands;

/// <summary>Waiting for one job of a product (a video, an avatar, a speech task, ...) with live progress, and saving its outputs, as <c>video create</c> does after the create.</summary>
internal static class JobFlow
{
    /// <summary>
    /// Waits for the job. A failure (exit 3, with the service's text and "top up" for a lack of credits), a timeout
    /// (exit 4) or an interrupt (130) is reported here, with the command that resumes the wait; the job is then null.
    /// </summary>
    /// <typeparam name="TJob">The product's job.</typeparam>
    /// <param name="run">The run.</param>
    /// <param name="connection">The connection.</param>
    /// <param name="kind">The product.</param>
    /// <param name="id">The job's id.</param>
    /// <param name="timeout">The deadline of the wait.</param>
    /// <returns>The succeeded job, or the exit code of a job that did not succeed.</returns>
    public static async Task<(TJob? Job, int ExitCode)> WaitAsync<TJob>(CommandRun run, ChanjingConnection connection, JobKind<TJob> kind, string id, TimeSpan timeout)
        where TJob : ChanjingJob
    {
        var console = run.Console;
        try
        {
            var job = await new JobDisplay(console).WaitAsync<TJob>(
                kind.Title,
                id,
                progress => kind.Wait(connection.Client, id, connection.WaitWithTimeout(timeout), progress, run.CancellationToken),
                run.CancellationToken).ConfigureAwait(false);
            return (job, ExitCodes.Success);
        }
        catch (ChanjingTaskFailedException failed) when (failed.Job is TJob job)
        {
            var reason = string.IsNullOrEmpty(job.ErrorMessage) ? "no reason given" : job.ErrorMessage;
            console.Fail(run.Name, $"{kind.Title} {job.Id} ended as {JobText.Status(job)}: {reason}.{(failed.IsBillingFailure ? JobText.TopUp : $" (Failed {kind.Title.ToLowerInvariant()}s are not charged.)")}");
            if (run.Json)
            {
                run.PrintJson(w => kind.Write(w, job, null, x => x.WriteBoolean("billingFailure", failed.IsBillingFailure)));
            }

            return (null, ExitCodes.TaskFailed);
        }
        catch (ChanjingWaitTimeoutException timedOut)
        {
            return (null, StoppedWaiting(run, connection, kind, id, timedOut.LastKnownJob as TJob, $"Stopped waiting at the --timeout ({Elapsed.Format(timeout)}).", ExitCodes.WaitTimedOut));
        }
        catch (OperationCanceledException) when (run.CancellationToken.IsCancellationRequested)
        {
            return (null, StoppedWaiting(run, connection, kind, id, null, "Stopped waiting (interrupted).", ExitCodes.Interrupted));
        }
    }

    /// <summary>Downloads a succeeded job's outputs and prints the saved paths (or the JSON document).</summary>
    /// <typeparam name="TJob">The product's job.</typeparam>
    /// <param name="run">The run.</param>
    /// <param name="connection">The connection.</param>
    /// <param name="kind">The product.</param>
    /// <param name="job">The succeeded job.</param>
    /// <param name="output">The directory to save into.</param>
    /// <param name="finish">Runs after the outputs are saved (to rename them, to add subtitles) and returns the final files; null for none.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> DownloadAsync<TJob>(CommandRun run, ChanjingConnection connection, JobKind<TJob> kind, TJob job, string output, Func<IReadOnlyList<string>, Task<IReadOnlyList<string>>>? finish = null)
        where TJob : ChanjingJob
    {
        var (files, exitCode) = await SaveAsync(run, connection, kind, job, output, finish).ConfigureAwait(false);
        if (files is null)
        {
            return exitCode;
        }

        if (run.Json)
        {
            run.PrintJson(w => kind.Write(w, job, files, null));
        }
        else
        {
            foreach (var file in files)
            {
                run.Console.WriteData(file);
            }
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// Saves a succeeded job's outputs without printing them: a job with no URL (exit 1), an interrupt (130) or a failed
    /// download (thrown as <see cref="DownloadFailedException"/>, which names the job) is reported here.
    /// </summary>
    /// <typeparam name="TJob">The product's job.</typeparam>
    /// <param name="run">The run.</param>
    /// <param name="connection">The connection.</param>
    /// <param name="kind">The product.</param>
    /// <param name="job">The succeeded job.</param>
    /// <param name="output">The directory to save into.</param>
    /// <param name="finish">Runs after the outputs are saved and returns the final files; null for none.</param>
    /// <returns>The saved files, or null and the exit code of a failure already reported.</returns>
    public static async Task<(IReadOnlyList<string>? Files, int ExitCode)> SaveAsync<TJob>(CommandRun run, ChanjingConnection connection, JobKind<TJob> kind, TJob job, string output, Func<IReadOnlyList<string>, Task<IReadOnlyList<string>>>? finish = null)
        where TJob : ChanjingJob
    {
        var console = run.Console;
        if (job.OutputUrls.Count == 0)
        {
            console.Fail(run.Name, $"{kind.Title} {job.Id} succeeded but reported no URL: nothing to download.");
            if (run.Json)
            {
                run.PrintJson(w => kind.Write(w, job, [], null));
            }

            return (null, ExitCodes.Failure);
        }

        var again = $"{kind.Title} {job.Id} succeeded; get its file with: {DownloadCommand(kind, job.Id, output)}";
        IReadOnlyList<string> files;
        try
        {
            files = await new TaskDisplay(console).DownloadAsync(connection.Client, job, output, run.CancellationToken).ConfigureAwait(false);
            if (finish is not null)
            {
                files = await finish(files).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (run.CancellationToken.IsCancellationRequested)
        {
            Failures.Report(run, $"Download of {kind.Title.ToLowerInvariant()} {job.Id} interrupted; no partial file was left.", ExitCodes.Interrupted, job.Id);
            console.Info(again);
            return (null, ExitCodes.Interrupted);
        }
        catch (Exception error) when (error is ChanjingException or IOException or UnauthorizedAccessException)
        {
            console.Info(again);
            throw new DownloadFailedException(job.Id, $"{kind.Title} {job.Id} succeeded, but downloading it failed: {error.Message}", error);
        }

        return (files, ExitCodes.Success);
    }

    /// <summary>The command that saves a job's outputs again: <c>chanjing video download ID --output DIR</c>, or the wait with <c>--output</c> for groups without a download command.</summary>
    private static string DownloadCommand<TJob>(JobKind<TJob> kind, string id, string output)
        where TJob : ChanjingJob =>
        kind.Group is "video" or "lipsync"
            ? $"chanjing {kind.Group} download {id} --output {OutputDirectory.Quote(output)}"
            : $"{kind.WaitCommand(id)} --output {OutputDirectory.Quote(output)}";

    /// <summary>Says that the job keeps running (and is charged) and how to resume the wait; prints the JSON document.</summary>
    private static int StoppedWaiting<TJob>(CommandRun run, ChanjingConnection connection, JobKind<TJob> kind, string id, TJob? last, string why, int exitCode)
        where TJob : ChanjingJob
    {
        var console = run.Console;
        var resume = kind.WaitCommand(id);
        console.Fail(run.Name, $"{why} {kind.Title} {id} keeps running on Chanjing{(last is null ? string.Empty : $" ({JobText.StatusWithProgress(last)})")} and is charged when it succeeds.");
        console.Info($"Resume the wait with: {resume}");
        if (connection.IsEmulator)
        {
            console.Info("(This run used the in-process emulator, which stopped with it: the resume applies to a real account.)");
        }

        if (run.Json)
        {
            run.PrintJson(w =>
            {
                if (last is not null)
                {
                    kind.Write(w, last, null, x => x.WriteString("resumeCommand", resume));
                }
                else
                {
                    w.WriteStartObject();
                    w.WriteString("id", id);
                    w.WriteNull("status");
                    w.WriteString("state", "running");
                    w.WriteStartArray("outputUrls");
                    w.WriteEndArray();
                    w.WriteStartArray("files");
                    w.WriteEndArray();
                    w.WriteString("resumeCommand", resume);
                    w.WriteEndObject();
                }
            });
        }

        return exitCode;
    }
}
