using Chanjing.Cli.Display;
using Chanjing.Cli.Infrastructure;
using Chanjing.Sdk;

namespace Chanjing.Cli.Commands;

/// <summary>Waiting for one task and saving its outputs, as <c>create</c> does after the submit.</summary>
internal static class TaskFlow
{
    /// <summary>Waits for the task with live progress, downloads its outputs, and prints the saved paths (or the JSON document).</summary>
    /// <param name="run">The run.</param>
    /// <param name="connection">The connection.</param>
    /// <param name="taskId">The task.</param>
    /// <param name="output">The directory to save into.</param>
    /// <param name="timeout">The deadline of the wait.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> WaitAndDownloadAsync(CommandRun run, ChanjingConnection connection, string taskId, string output, TimeSpan timeout)
    {
        var console = run.Console;
        var client = connection.Client;
        var display = new TaskDisplay(console);
        CreationTask task;
        try
        {
            task = await display.WaitAsync(
                taskId,
                progress => client.WaitForCompletionAsync(taskId, connection.WaitWithTimeout(timeout), progress, run.CancellationToken),
                run.CancellationToken).ConfigureAwait(false);
        }
        catch (ChanjingTaskFailedException failed) when (failed.Task is { } failedTask)
        {
            console.Fail(run.Name, $"Task {failedTask.Id} ended as {failedTask.Status}: {failedTask.ErrorMessage ?? "no reason given"} (failed tasks are not charged).");
            if (run.Json)
            {
                run.PrintJson(w => JsonDocumentWriter.WriteTask(w, failedTask, null));
            }

            return ExitCodes.TaskFailed;
        }
        catch (ChanjingWaitTimeoutException timedOut)
        {
            return StoppedWaiting(run, connection, taskId, timedOut.LastKnownTask, $"Stopped waiting at the --timeout ({Elapsed.Format(timeout)}).", ExitCodes.WaitTimedOut);
        }
        catch (OperationCanceledException) when (run.CancellationToken.IsCancellationRequested)
        {
            return StoppedWaiting(run, connection, taskId, null, "Stopped waiting (interrupted).", ExitCodes.Interrupted);
        }

        return await DownloadAsync(run, connection, task, output).ConfigureAwait(false);
    }

    /// <summary>Downloads a succeeded task's outputs and prints the saved paths (or the JSON document).</summary>
    /// <param name="run">The run.</param>
    /// <param name="connection">The connection.</param>
    /// <param name="task">The succeeded task.</param>
    /// <param name="output">The directory to save into.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> DownloadAsync(CommandRun run, ChanjingConnection connection, CreationTask task, string output)
    {
        var console = run.Console;
        if (task.OutputUrls.Count == 0)
        {
            console.Fail(run.Name, $"Task {task.Id} succeeded but reported no output URL: nothing to download.");
            if (run.Json)
            {
                run.PrintJson(w => JsonDocumentWriter.WriteTask(w, task, []));
            }

            return ExitCodes.Failure;
        }

        var again = $"Task {task.Id} succeeded; get its files with: chanjing task download {task.Id} --output {OutputDirectory.Quote(output)}";
        IReadOnlyList<string> files;
        try
        {
            files = await new TaskDisplay(console).DownloadAsync(connection.Client, task, output, run.CancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (run.CancellationToken.IsCancellationRequested)
        {
            Failures.Report(run, $"Download of task {task.Id}'s outputs interrupted; no partial file was left.", ExitCodes.Interrupted, task.Id);
            console.Info(again);
            return ExitCodes.Interrupted;
        }
        catch (Exception error) when (error is ChanjingException or IOException or UnauthorizedAccessException)
        {
            console.Info(again);
            throw new DownloadFailedException(task.Id, $"Task {task.Id} succeeded, but downloading its outputs failed: {error.Message}", error);
        }

        if (run.Json)
        {
            run.PrintJson(w => JsonDocumentWriter.WriteTask(w, task, files));
        }
        else
        {
            foreach (var file in files)
            {
                console.WriteData(file);
            }
        }

        return ExitCodes.Success;
    }

    /// <summary>Says that the task keeps running (and is charged) and how to resume the wait; prints the JSON document.</summary>
    private static int StoppedWaiting(CommandRun run, ChanjingConnection connection, string taskId, CreationTask? last, string why, int exitCode)
    {
        var console = run.Console;
        var resume = CommandRun.ResumeCommand([taskId]);
        console.Fail(run.Name, $"{why} Task {taskId} keeps running on Chanjing{(last is null ? string.Empty : $" ({last.Status})")} and is charged when it succeeds.");
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
                    JsonDocumentWriter.WriteTask(w, last, null, x => x.WriteString("resumeCommand", resume));
                }
                else
                {
                    w.WriteStartObject();
                    w.WriteString("taskId", taskId);
                    w.WriteNull("status");
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
