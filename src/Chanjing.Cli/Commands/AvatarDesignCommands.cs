using System.CommandLine;
using Chanjing.Cli.Display;
using Chanjing.Cli.Infrastructure;
using Chanjing.Sdk;

namespace Chanjing.Cli.Commands;

/// <summary>
/// <c>chanjing avatar-design photo|motion|lora|get|wait</c>: a digital human designed from a description (文生数字人).
/// Photo, motion and LoRA ids are separate: <c>get</c> and <c>wait</c> take <c>--kind photo|motion|lora</c> (default photo).
/// </summary>
internal static class AvatarDesignCommands
{
    /// <summary>Builds the <c>avatar-design</c> command and its subcommands.</summary>
    /// <param name="console">The console.</param>
    /// <returns>The command.</returns>
    public static Command Build(CliConsole console) => new("avatar-design", "Avatar design: pictures of a digital human from a description, a motion video from one of them, LoRA models from photos. Inputs are public URLs.")
    {
        AvatarDesignCreateCommands.Photo(console),
        AvatarDesignCreateCommands.Motion(console),
        AvatarDesignCreateCommands.Lora(console),
        Get(console),
        Wait(console),
    };

    /// <summary>Saves a photo or motion task's outputs in <paramref name="output"/>, or, without one (a LoRA, <c>--no-wait</c> resumed without <c>--output</c>), prints the task.</summary>
    /// <param name="run">The run.</param>
    /// <param name="connection">The connection.</param>
    /// <param name="kind">photo, motion or lora.</param>
    /// <param name="id">The task.</param>
    /// <param name="output">Where to save the outputs, or null.</param>
    /// <returns>The exit code.</returns>
    public static Task<int> WaitAsync(CommandRun run, ChanjingConnection connection, string kind, string id, string? output) => kind switch
    {
        "motion" => JobCommands.WaitAndFinishAsync(run, connection, JobKinds.Motion, id, output),
        "lora" => WaitLoraAsync(run, connection, id),
        _ => JobCommands.WaitAndFinishAsync(run, connection, JobKinds.Photo, id, output),
    };

    private static async Task<int> WaitLoraAsync(CommandRun run, ChanjingConnection connection, string id)
    {
        var (lora, exitCode) = await JobFlow.WaitAsync(run, connection, JobKinds.Lora, id, run.Parse.GetValue(SharedOptions.Timeout) ?? SharedOptions.DefaultTimeout).ConfigureAwait(false);
        if (lora is null)
        {
            return exitCode;
        }

        if (run.Json)
        {
            run.PrintJson(w => JobJson.WriteLora(w, lora, null));
            return ExitCodes.Success;
        }

        run.Console.WriteData(lora.Id);
        foreach (var photoTask in lora.PhotoTaskIds)
        {
            run.Console.Info($"Its pictures: chanjing avatar-design get {photoTask} (photo task)");
        }

        return ExitCodes.Success;
    }

    private static Option<string> KindOption() => new("--kind")
    {
        Description = "What the id names: a photo task (default), a motion task or a LoRA task.",
        DefaultValueFactory = _ => "photo",
        HelpName = "photo|motion|lora",
    };

    private static Command Get(CliConsole console)
    {
        var id = JobCommands.Id("The task's id, as photo, motion or lora printed it.");
        var kind = KindOption();
        kind.AcceptOnlyFromAmong("photo", "motion", "lora");
        var command = new Command("get", "Show one photo, motion (--kind motion) or LoRA (--kind lora) task: status, error and outputs.") { id, kind, SharedOptions.Json };
        command.SetAction(CliApplication.Action(console, "chanjing avatar-design get", async run =>
        {
            var taskId = JobCommands.Required(run.Parse.GetRequiredValue(id));
            await using var connection = await run.ConnectAsync().ConfigureAwait(false);
            var design = connection.Client.AvatarDesign;
            switch (run.Parse.GetValue(kind))
            {
                case "motion":
                    JobCommands.PrintDetails(run, JobKinds.Motion, await design.GetMotionAsync(taskId, run.CancellationToken).ConfigureAwait(false), [("kind", "motion")]);
                    break;
                case "lora":
                    var lora = await design.GetLoraAsync(taskId, run.CancellationToken).ConfigureAwait(false);
                    JobCommands.PrintDetails(run, JobKinds.Lora, lora, [("kind", "lora"), ("photo tasks", lora.PhotoTaskIds.Count == 0 ? null : string.Join(", ", lora.PhotoTaskIds))]);
                    break;
                default:
                    var photo = await design.GetPhotoAsync(taskId, run.CancellationToken).ConfigureAwait(false);
                    JobCommands.PrintDetails(run, JobKinds.Photo, photo, [("kind", "photo"), ("aspect ratio", photo.AspectRatio), ("queue", photo.QueuePosition?.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
                    break;
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Wait(CliConsole console)
    {
        var id = JobCommands.Id("The task's id, as photo, motion or lora printed it.");
        var kind = KindOption();
        kind.AcceptOnlyFromAmong("photo", "motion", "lora");
        var save = new Option<string>("--output", "-o") { Description = "Also save the pictures (photo) or the MP4 (motion) in this directory once ready.", HelpName = "DIR" };
        var command = new Command("wait", "Wait for a photo, motion (--kind motion) or LoRA (--kind lora) task, then print its id, status and first output (and save the outputs with --output).")
        {
            id, kind, save, SharedOptions.Timeout, SharedOptions.Json,
        };
        command.SetAction(CliApplication.Action(console, "chanjing avatar-design wait", async run =>
        {
            var taskId = JobCommands.Required(run.Parse.GetRequiredValue(id));
            var output = run.Parse.GetValue(save) is { } directory ? OutputDirectory.Check(directory) : null;
            await using var connection = await run.ConnectAsync().ConfigureAwait(false);
            return await WaitAsync(run, connection, run.Parse.GetValue(kind) ?? "photo", taskId, output).ConfigureAwait(false);
        }));
        return command;
    }
}
