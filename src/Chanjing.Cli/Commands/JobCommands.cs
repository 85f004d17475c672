using System.CommandLine;
using System.Globalization;
using Chanjing.Cli.Display;
using Chanjing.Cli.Infrastructure;
using Chanjing.Sdk;

namespace Chanjing.Cli.Commands;

/// <summary>What the job commands of the speech, voice, lip-sync and avatar design groups share: the create, <c>--no-wait</c>, get and wait.</summary>
internal static class JobCommands
{
    /// <summary>Where product outputs are saved without <c>--output</c>, as for videos.</summary>
    public const string DefaultOutput = VideoCommands.DefaultOutput;

    /// <summary>An <c>--output</c> option that defaults to <c>./output</c>.</summary>
    /// <param name="what">What is saved, for the help.</param>
    /// <returns>The option.</returns>
    public static Option<string> Output(string what) => new("--output", "-o")
    {
        Description = $"The directory to save {what} in (created if missing). Default ./output.",
        DefaultValueFactory = _ => DefaultOutput,
        HelpName = "DIR",
    };

    /// <summary>A <c>--no-wait</c> option.</summary>
    /// <param name="group">The command group, for the resume hint.</param>
    /// <returns>The option.</returns>
    public static Option<bool> NoWait(string group) => new("--no-wait") { Description = $"Print the id once created and exit (resume with 'chanjing {group} wait ID')." };

    /// <summary>The id argument of get and wait.</summary>
    /// <param name="description">What the id names.</param>
    /// <returns>The argument.</returns>
    public static Argument<string> Id(string description) => new("id") { Description = description };

    /// <summary>The id, trimmed, or a usage error when it is empty.</summary>
    /// <param name="id">The argument's value.</param>
    /// <returns>The id.</returns>
    public static string Required(string id) => string.IsNullOrWhiteSpace(id) ? throw new UsageException("The id must not be empty.") : id.Trim();

    /// <summary>Runs a paid create; an interrupt while it runs is reported (the job may exist) and gives null.</summary>
    /// <param name="run">The run.</param>
    /// <param name="noun">What is created, for messages: <c>speech task</c>.</param>
    /// <param name="create">The create.</param>
    /// <returns>The new id, or null after an interrupt (exit 130).</returns>
    public static async Task<string?> CreateAsync(CommandRun run, string noun, Func<CancellationToken, Task<string>> create)
    {
        string id;
        try
        {
            id = await create(run.CancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (run.CancellationToken.IsCancellationRequested)
        {
            var check = run.ListCommand is { } list ? $"'{list}' shows the recent ones." : "Chanjing cannot list them, so it cannot be checked.";
            Failures.Report(run, $"Cancelled while creating: a {noun} may or may not have been created. {check}", ExitCodes.Interrupted, taskId: null);
            return null;
        }

        run.Console.Info($"Created {noun} {id}");
        return id;
    }

    /// <summary>What <c>--no-wait</c> prints: the id, or the JSON document with the resume command.</summary>
    /// <typeparam name="TJob">The product's job.</typeparam>
    /// <param name="run">The run.</param>
    /// <param name="kind">The product.</param>
    /// <param name="id">The new job.</param>
    /// <returns>Exit code 0.</returns>
    public static int PrintCreated<TJob>(CommandRun run, JobKind<TJob> kind, string id)
        where TJob : ChanjingJob
    {
        if (run.Json)
        {
            run.PrintJson(w =>
            {
                w.WriteStartObject();
                w.WriteString("id", id);
                w.WriteNull("status");
                w.WriteString("state", "created");
                w.WriteStartArray("outputUrls");
                w.WriteEndArray();
                w.WriteStartArray("files");
                w.WriteEndArray();
                w.WriteString("resumeCommand", kind.WaitCommand(id));
                w.WriteEndObject();
            });
        }
        else
        {
            run.Console.WriteData(id);
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// Waits for a job with live progress, then saves its outputs into <paramref name="output"/> (when given and the job
    /// has files) and prints their paths, or prints the job's line (id, status, first URL) or JSON document.
    /// </summary>
    /// <typeparam name="TJob">The product's job.</typeparam>
    /// <param name="run">The run.</param>
    /// <param name="connection">The connection.</param>
    /// <param name="kind">The product.</param>
    /// <param name="id">The job.</param>
    /// <param name="output">Where to save the outputs, or null to print the job.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> WaitAndFinishAsync<TJob>(CommandRun run, ChanjingConnection connection, JobKind<TJob> kind, string id, string? output)
        where TJob : ChanjingJob
    {
        var (job, exitCode) = await JobFlow.WaitAsync(run, connection, kind, id, run.Parse.GetValue(SharedOptions.Timeout) ?? SharedOptions.DefaultTimeout).ConfigureAwait(false);
        if (job is null)
        {
            return exitCode;
        }

        if (output is not null && job.OutputUrls.Count > 0)
        {
            return await JobFlow.DownloadAsync(run, connection, kind, job, output).ConfigureAwait(false);
        }

        PrintJob(run, kind, job);
        return ExitCodes.Success;
    }

    /// <summary>Prints a job: its JSON document, or one line of id, status and first output URL.</summary>
    /// <typeparam name="TJob">The product's job.</typeparam>
    /// <param name="run">The run.</param>
    /// <param name="kind">The product.</param>
    /// <param name="job">The job.</param>
    public static void PrintJob<TJob>(CommandRun run, JobKind<TJob> kind, TJob job)
        where TJob : ChanjingJob
    {
        if (run.Json)
        {
            run.PrintJson(w => kind.Write(w, job, null, null));
        }
        else
        {
            run.Console.WriteData(string.Join('\t', job.Id, JobText.Status(job).Split(' ')[0], job.OutputUrls.Count > 0 ? UrlText.Of(job.OutputUrls[0]) : "-"));
        }
    }

    /// <summary>The <c>wait ID [--output DIR]</c> command of a group.</summary>
    /// <typeparam name="TJob">The product's job.</typeparam>
    /// <param name="console">The console.</param>
    /// <param name="kind">The product.</param>
    /// <param name="description">The command's help.</param>
    /// <param name="saves">What <c>--output</c> saves, or null when the job has no file.</param>
    /// <returns>The command.</returns>
    public static Command Wait<TJob>(CliConsole console, JobKind<TJob> kind, string description, string? saves)
        where TJob : ChanjingJob
    {
        var id = Id($"The {kind.Title.ToLowerInvariant()}'s id.");
        var save = new Option<string>("--output", "-o") { Description = $"Also save {saves} in this directory once it is ready.", HelpName = "DIR" };
        var command = new Command("wait", description) { id, SharedOptions.Timeout, SharedOptions.Json };
        if (saves is not null)
        {
            command.Add(save);
        }

        command.SetAction(CliApplication.Action(console, $"chanjing {kind.Group} wait", async run =>
        {
            var jobId = Required(run.Parse.GetRequiredValue(id));
            var output = saves is not null && run.Parse.GetValue(save) is { } directory ? OutputDirectory.Check(directory) : null;
            await using var connection = await run.ConnectAsync().ConfigureAwait(false);
            return await WaitAndFinishAsync(run, connection, kind, jobId, output).ConfigureAwait(false);
        }));
        return command;
    }

    /// <summary>The <c>get ID</c> command of a group: the job's details as lines, or its JSON document.</summary>
    /// <typeparam name="TJob">The product's job.</typeparam>
    /// <param name="console">The console.</param>
    /// <param name="kind">The product.</param>
    /// <param name="description">The command's help.</param>
    /// <param name="get">The SDK's get.</param>
    /// <param name="details">The job's labelled values (a null value is left out).</param>
    /// <returns>The command.</returns>
    public static Command Get<TJob>(CliConsole console, JobKind<TJob> kind, string description, Func<IChanjingClient, string, CancellationToken, Task<TJob>> get, Func<TJob, IEnumerable<(string Label, string? Value)>> details)
        where TJob : ChanjingJob
    {
        var id = Id($"The {kind.Title.ToLowerInvariant()}'s id.");
        var command = new Command("get", description) { id, SharedOptions.Json };
        command.SetAction(CliApplication.Action(console, $"chanjing {kind.Group} get", async run =>
        {
            var jobId = Required(run.Parse.GetRequiredValue(id));
            await using var connection = await run.ConnectAsync().ConfigureAwait(false);
            var job = await get(connection.Client, jobId, run.CancellationToken).ConfigureAwait(false);
            PrintDetails(run, kind, job, details(job));
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>Prints a job's JSON document, or its id, status, error and the given labelled values, one a line.</summary>
    /// <typeparam name="TJob">The product's job.</typeparam>
    /// <param name="run">The run.</param>
    /// <param name="kind">The product.</param>
    /// <param name="job">The job.</param>
    /// <param name="details">More labelled values (a null value is left out).</param>
    public static void PrintDetails<TJob>(CommandRun run, JobKind<TJob> kind, TJob job, IEnumerable<(string Label, string? Value)> details)
        where TJob : ChanjingJob
    {
        if (run.Json)
        {
            run.PrintJson(w => kind.Write(w, job, null, null));
            return;
        }

        var rows = new List<(string Label, string? Value)> { ("id", job.Id), ("status", JobText.StatusWithProgress(job)) };
        if (!string.IsNullOrEmpty(job.ErrorMessage) && !job.IsSucceeded)
        {
            rows.Add(("error", job.ErrorMessage));
        }

        rows.AddRange(details);
        rows.AddRange(job.OutputUrls.Select((url, i) => (job.OutputUrls.Count == 1 ? "output" : string.Create(CultureInfo.InvariantCulture, $"output {i + 1}"), (string?)UrlText.Of(url))));
        var width = rows.Max(r => r.Label.Length) + 2;
        foreach (var (label, value) in rows)
        {
            if (value is not null)
            {
                run.Console.WriteData((label + ":").PadRight(width) + value);
            }
        }
    }
}
