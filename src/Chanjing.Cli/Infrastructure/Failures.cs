using Chanjing.Cli.Commands;
using Chanjing.Cli.Display;
using Chanjing.Sdk;
using Microsoft.Extensions.Options;

namespace Chanjing.Cli.Infrastructure;

/// <summary>Turns what a command threw into a message on stderr (and the JSON document with <c>--json</c>) and an exit code.</summary>
internal static class Failures
{
    /// <summary>Reports <paramref name="error"/> and returns the exit code for it.</summary>
    /// <param name="run">The run.</param>
    /// <param name="error">What the command threw.</param>
    /// <returns>The exit code.</returns>
    public static int Report(CommandRun run, Exception error)
    {
        var (code, message) = Describe(run, error);
        var taskId = error switch
        {
            DownloadFailedException download => download.TaskId,
            ChanjingException chanjing => chanjing.TaskId,
            _ => null,
        };
        return Report(run, message, code, taskId, (error as ChanjingException ?? error.InnerException as ChanjingException)?.TraceId, (error as ChanjingSubmitOutcomeUnknownException)?.CandidateTaskIds);
    }

    /// <summary>Reports a failure the command describes itself: the message on stderr, and the JSON error document with <c>--json</c>.</summary>
    /// <param name="run">The run.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="code">The exit code.</param>
    /// <param name="taskId">The task concerned, when there is one.</param>
    /// <param name="traceId">The service's trace id, when there is one.</param>
    /// <param name="candidateTaskIds">After a submit with an unknown outcome, the tasks that could be its (never taken as its own).</param>
    /// <returns><paramref name="code"/>.</returns>
    public static int Report(CommandRun run, string message, int code, string? taskId, string? traceId = null, IReadOnlyList<string>? candidateTaskIds = null)
    {
        run.Console.Fail(run.Name, message);
        if (code == ExitCodes.Usage)
        {
            run.Console.Info($"Run '{run.Name} --help' for the options.");
        }

        if (run.Json && !run.JsonPrinted)
        {
            run.PrintJson(writer =>
            {
                writer.WriteStartObject();
                writer.WriteStartObject("error");
                writer.WriteString("message", message);
                writer.WriteNumber("exitCode", code);
                if (taskId is not null)
                {
                    writer.WriteString("taskId", taskId);
                }

                if (traceId is not null)
                {
                    writer.WriteString("traceId", traceId);
                }

                if (candidateTaskIds is not null)
                {
                    // Tasks that could be this run's: the CLI never takes one as its own (another run may own it).
                    writer.WriteStartArray("candidateTaskIds");
                    foreach (var candidate in candidateTaskIds)
                    {
                        writer.WriteStringValue(candidate);
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            });
        }

        return code;
    }

    private static (int Code, string Message) Describe(CommandRun run, Exception error) => error switch
    {
        UsageException usage => (ExitCodes.Usage, usage.Message),
        CredentialsMissingException missing => (ExitCodes.Authentication, missing.Message),
        OptionsValidationException options => (ExitCodes.Usage, $"The Chanjing settings from the environment (CHANJING_*) are not valid: {options.Message}"),
        ChanjingAuthenticationException auth => (ExitCodes.Authentication,
            $"Chanjing refused the credentials ({auth.ServiceMessage ?? auth.Message}). Check CHANJING_ACCESS_TOKEN, or CHANJING_APP_ID and CHANJING_SECRET_KEY{Trace(auth)}."),
        CliFailureException failure => (failure.ExitCode, failure.Message),
        ChanjingTaskFailedException failed => (ExitCodes.TaskFailed,
            $"{(failed.Task is null ? JobText.Title(failed.Job) : "Task")} {failed.Job.Id} failed: {(string.IsNullOrEmpty(failed.Job.ErrorMessage) ? "no reason given" : failed.Job.ErrorMessage)}{(failed.IsBillingFailure ? JobText.TopUp : string.Empty)}"),
        ChanjingWaitTimeoutException timeout => (ExitCodes.WaitTimedOut,
            $"Stopped waiting at the --timeout: {Keeps(run, timeout.UnfinishedTaskIds)} Resume the wait with: {run.WaitCommand(timeout.UnfinishedTaskIds)}"),
        ChanjingSubmitOutcomeUnknownException unknown => (ExitCodes.Failure, Unknown(run, unknown)),
        OperationCanceledException when run.CancellationToken.IsCancellationRequested => (ExitCodes.Interrupted, "Cancelled."),
        ArgumentException argument => (ExitCodes.Usage, CreateInputs.InOptionTerms(argument.Message)),
        DownloadFailedException download => (ExitCodes.Failure, download.Message),
        ChanjingException chanjing => (ExitCodes.Failure, chanjing.Message + Trace(chanjing)),
        IOException or UnauthorizedAccessException => (ExitCodes.Failure, error.Message),
        _ => (ExitCodes.Failure, $"Unexpected {error.GetType().Name}: {error.Message}"),
    };

    private static string Unknown(CommandRun run, ChanjingSubmitOutcomeUnknownException unknown)
    {
        var create = run.Group == "task" ? "submit" : "create";
        var article = run.Noun[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? "an" : "a";
        var lost = $"The {create}'s answer was lost, so {article} {run.Noun} may or may not have been created (and charged). ";
        if (run.ListCommand is not { } list)
        {
            // Speech and avatar design tasks cannot be listed: nothing can be looked for.
            return lost + $"Chanjing cannot list {run.Noun}s, so no reconciliation was possible: check the account's usage before creating again.";
        }

        return lost +
            (unknown.CandidateTaskIds.Count > 0
                ? $"{Plural(run.Noun)} created since the {create} began that match it: {string.Join(", ", unknown.CandidateTaskIds)}. Each may be this run's or another's with the same settings, so none is taken as this run's. To follow one: {run.WaitCommand([unknown.CandidateTaskIds[0]])}. "
                : $"No matching {run.Noun} was listed yet. ") +
            $"Check with '{list}' before {(run.Group == "task" ? "submitting" : "creating")} again.";
    }

    private static string Keeps(CommandRun run, IReadOnlyList<string> taskIds) =>
        taskIds.Count == 1
            ? $"{run.Noun} {taskIds[0]} keeps running on Chanjing (and is charged when it succeeds)."
            : $"{taskIds.Count} {run.Noun}s keep running on Chanjing (and are charged when they succeed).";

    private static string Plural(string noun) => char.ToUpperInvariant(noun[0]) + noun[1..] + "s";

    // The SDK's own messages of service errors already end with the trace id: it is said once.
    private static string Trace(ChanjingException error) =>
        error.TraceId is null || error.Message.Contains(error.TraceId, StringComparison.Ordinal) ? string.Empty : $" (trace id {error.TraceId})";
}
