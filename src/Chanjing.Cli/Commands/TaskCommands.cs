using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Chanjing.Cli.Display;
using Chanjing.Cli.Infrastructure;
using Chanjing.Sdk;
using Spectre.Console;

namespace Chanjing.Cli.Commands;

/// <summary><c>chanjing task get|wait|download|list</c>: tasks already submitted.</summary>
internal static class TaskCommands
{
    /// <summary>Builds the <c>task</c> command and its subcommands.</summary>
    /// <param name="console">The console.</param>
    /// <returns>The command.</returns>
    public static Command Build(CliConsole console) => new("task", "Look at, wait for, download and list tasks already submitted.")
    {
        Get(console),
        Wait(console),
        Download(console),
        List(console),
    };

    private static Argument<string> TaskId() => new("id") { Description = "The task id (unique_id), as 'chanjing create' printed it." };

    private static Command Get(CliConsole console)
    {
        var id = TaskId();
        var command = new Command("get", "Show one task: its status, error and output URLs.") { id, SharedOptions.Json };
        command.SetAction(CliApplication.Action(console, "chanjing task get", async run =>
        {
            var taskId = Required(run.Parse.GetRequiredValue(id));
            await using var connection = await run.ConnectAsync().ConfigureAwait(false);
            var task = await connection.Client.GetTaskAsync(taskId, run.CancellationToken).ConfigureAwait(false);
            if (run.Json)
            {
                run.PrintJson(w => JsonDocumentWriter.WriteTask(w, task, null));
                return ExitCodes.Success;
            }

            console.WriteData($"id:       {task.Id}");
            console.WriteData($"status:   {task.Status}");
            console.WriteData($"type:     {JsonDocumentWriter.TypeName(task.Type)}");
            console.WriteData($"model:    {task.ModelCode ?? "-"}");
            console.WriteData($"created:  {(task.CreatedAt is { } created ? created.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture) : "-")}");
            if (task.ErrorMessage is not null)
            {
                console.WriteData($"error:    {task.ErrorMessage}");
            }

            foreach (var url in task.OutputUrls)
            {
                console.WriteData($"output:   {UrlText.Of(url)}");
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Wait(CliConsole console)
    {
        var ids = new Argument<string[]>("id") { Description = "One or more task ids.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("wait", "Wait for tasks (many at once, cheaply) and print a line per task as it finishes: id, status, output URLs.")
        {
            ids, SharedOptions.Timeout, SharedOptions.Json,
        };
        command.SetAction(CliApplication.Action(console, "chanjing task wait", async run =>
        {
            var taskIds = run.Parse.GetRequiredValue(ids).Select(Required).Distinct(StringComparer.Ordinal).ToArray();
            await using var connection = await run.ConnectAsync().ConfigureAwait(false);
            return await WaitAllAsync(run, connection, taskIds, run.Parse.GetValue(SharedOptions.Timeout) ?? SharedOptions.DefaultTimeout).ConfigureAwait(false);
        }));
        return command;
    }

    private static Command Download(CliConsole console)
    {
        var id = TaskId();
        var command = new Command("download", "Save the outputs of a succeeded task and print the saved paths.") { id, SharedOptions.Output, SharedOptions.Json };
        command.SetAction(CliApplication.Action(console, "chanjing task download", async run =>
        {
            var taskId = Required(run.Parse.GetRequiredValue(id));
            var output = OutputDirectory.Check(run.Parse.GetValue(SharedOptions.Output) ?? ".");
            await using var connection = await run.ConnectAsync().ConfigureAwait(false);
            var task = await connection.Client.GetTaskAsync(taskId, run.CancellationToken).ConfigureAwait(false);
            if (task.Status.IsFailure)
            {
                throw new ChanjingTaskFailedException(task);
            }

            if (!task.Status.IsSuccess)
            {
                console.Fail(run.Name, $"Task {task.Id} is {task.Status}: nothing to download yet. Wait for it with: {CommandRun.ResumeCommand([task.Id])}");
                if (run.Json)
                {
                    run.PrintJson(w => JsonDocumentWriter.WriteTask(w, task, null));
                }

                return ExitCodes.Failure;
            }

            return await TaskFlow.DownloadAsync(run, connection, task, output).ConfigureAwait(false);
        }));
        return command;
    }

    private static Command List(CliConsole console)
    {
        var type = new Option<string>("--type") { Description = "Which tasks: video or image.", DefaultValueFactory = _ => "video", HelpName = "image|video" };
        type.AcceptOnlyFromAmong("image", "video");
        var success = new Option<bool>("--success") { Description = "Only tasks that succeeded." };
        var limit = SharedOptions.Limit("tasks");
        var command = new Command("list", "List recent tasks as a table (--json for scripts).") { type, success, limit, SharedOptions.Json };
        command.SetAction(CliApplication.Action(console, "chanjing task list", async run =>
        {
            var max = run.Parse.GetValue(limit);
            var query = new CreationTaskQuery
            {
                Type = run.Parse.GetValue(type) == "image" ? CreationType.Image : CreationType.Video,
                OnlySuccessful = run.Parse.GetValue(success) ? true : null,
                PageSize = Math.Min(max, CreationTaskQuery.MaxPageSize),
            };
            await using var connection = await run.ConnectAsync().ConfigureAwait(false);
            var tasks = await SharedOptions.TakeAsync(connection.Client.ListTasksAsync(query, run.CancellationToken), max).ConfigureAwait(false);

            if (run.Json)
            {
                run.PrintJson(w =>
                {
                    w.WriteStartObject();
                    w.WriteStartArray("tasks");
                    foreach (var task in tasks)
                    {
                        JsonDocumentWriter.WriteTask(w, task, null);
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                });
                return ExitCodes.Success;
            }

            if (tasks.Count == 0)
            {
                console.Info("No tasks.");
                return ExitCodes.Success;
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumns("Id", "Status", "Model", "Created", "Outputs");
            foreach (var task in tasks)
            {
                table.AddRow(
                    Markup.Escape(task.Id),
                    StatusMarkup(task.Status),
                    Markup.Escape(task.ModelCode ?? "-"),
                    task.CreatedAt is { } created ? created.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "-",
                    task.OutputUrls.Count.ToString(CultureInfo.InvariantCulture));
            }

            console.OutputConsole.Write(table);
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>Waits for many tasks through one list call per 50 per round, printing each as it finishes.</summary>
    private static async Task<int> WaitAllAsync(CommandRun run, ChanjingConnection connection, IReadOnlyList<string> taskIds, TimeSpan timeout)
    {
        var console = run.Console;
        var finished = new List<CreationTask>();
        var pending = new HashSet<string>(taskIds, StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        var what = taskIds.Count == 1 ? $"task {taskIds[0]}" : $"{taskIds.Count} tasks";

        async Task CollectAsync(Action<CreationTask> onFinished)
        {
            await foreach (var task in connection.Client.WaitForAllAsync(taskIds, connection.WaitWithTimeout(timeout), run.CancellationToken).ConfigureAwait(false))
            {
                finished.Add(task);
                pending.Remove(task.Id);
                if (!run.Json)
                {
                    console.WriteData(Line(task));
                }

                onFinished(task);
            }
        }

        try
        {
            if (console.IsLive)
            {
                var live = console.ErrorConsole;
                console.SetLive(live);
                try
                {
                    await live.Progress()
                        .AutoClear(false)
                        .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ElapsedTimeColumn())
                        .StartAsync(async context =>
                        {
                            var row = context.AddTask(Markup.Escape($"Waiting for {what}: 0 of {taskIds.Count} finished"), autoStart: true, maxValue: taskIds.Count);
                            row.IsIndeterminate = true;
                            try
                            {
                                await CollectAsync(t => row.Description = Markup.Escape($"Waiting for {what}: {finished.Count} of {taskIds.Count} finished (last: {t.Id} {t.Status})")).ConfigureAwait(false);
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
            else
            {
                console.Info($"Waiting for {what} (Chanjing reports a status, not a percentage)");
                await CollectAsync(t => console.Info($"{finished.Count} of {taskIds.Count} finished ({Elapsed.Format(clock.Elapsed)}): {t.Id} {t.Status}")).ConfigureAwait(false);
            }
        }
        catch (Exception error) when (error is ChanjingWaitTimeoutException || (error is OperationCanceledException && run.CancellationToken.IsCancellationRequested))
        {
            var unfinished = taskIds.Where(pending.Contains).ToArray();
            var resume = CommandRun.ResumeCommand(unfinished);
            var why = error is ChanjingWaitTimeoutException ? $"Stopped waiting at the --timeout ({Elapsed.Format(timeout)})." : "Stopped waiting (interrupted).";
            console.Fail(run.Name, $"{why} {(unfinished.Length == 1 ? "Task " + unfinished[0] + " keeps" : unfinished.Length + " tasks keep")} running on Chanjing and {(unfinished.Length == 1 ? "is" : "are")} charged when {(unfinished.Length == 1 ? "it succeeds" : "they succeed")}.");
            console.Info($"Resume the wait with: {resume}");
            if (run.Json)
            {
                PrintTasks(run, finished, unfinished, resume);
            }

            return error is ChanjingWaitTimeoutException ? ExitCodes.WaitTimedOut : ExitCodes.Interrupted;
        }

        if (run.Json)
        {
            PrintTasks(run, finished, [], null);
        }

        var failed = finished.Count(t => !t.Status.IsSuccess);
        if (failed > 0)
        {
            console.Fail(run.Name, $"{failed} of {finished.Count} task{(finished.Count == 1 ? string.Empty : "s")} failed (failed tasks are not charged).");
            return ExitCodes.TaskFailed;
        }

        return ExitCodes.Success;
    }

    private static void PrintTasks(CommandRun run, IReadOnlyList<CreationTask> finished, IReadOnlyList<string> unfinished, string? resume) => run.PrintJson(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("tasks");
        foreach (var task in finished)
        {
            JsonDocumentWriter.WriteTask(w, task, null);
        }

        w.WriteEndArray();
        w.WriteStartArray("unfinished");
        foreach (var id in unfinished)
        {
            w.WriteStringValue(id);
        }

        w.WriteEndArray();
        if (resume is not null)
        {
            w.WriteString("resumeCommand", resume);
        }

        w.WriteEndObject();
    });

    private static string Line(CreationTask task)
    {
        var parts = new List<string> { task.Id, task.Status.Value };
        if (task.Status.IsSuccess)
        {
            parts.AddRange(task.OutputUrls.Select(UrlText.Of));
        }
        else if (task.ErrorMessage is not null)
        {
            parts.Add(task.ErrorMessage.ReplaceLineEndings(" "));
        }

        return string.Join('\t', parts);
    }

    private static string StatusMarkup(CreationTaskStatus status) => status.IsSuccess
        ? $"[green]{Markup.Escape(status.Value)}[/]"
        : status.IsFailure ? $"[red]{Markup.Escape(status.Value)}[/]" : Markup.Escape(status.Value);

    private static string Required(string taskId) => string.IsNullOrWhiteSpace(taskId) ? throw new UsageException("A task id must not be empty.") : taskId.Trim();
}
