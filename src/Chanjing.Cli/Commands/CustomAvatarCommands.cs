using System.CommandLine;
using Chanjing.Cli.Display;
using Chanjing.Cli.Infrastructure;
using Chanjing.Sdk;

namespace Chanjing.Cli.Commands;

/// <summary><c>chanjing avatars create|get|wait|delete</c>: the account's customised avatars (定制数字人).</summary>
internal static class CustomAvatarCommands
{
    /// <summary><c>avatars create --name N --video FILE</c>.</summary>
    /// <param name="console">The console.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliConsole console)
    {
        var name = new Option<string>("--name") { Description = "The avatar's name.", Required = true, HelpName = "NAME" };
        var video = new Option<string>("--video") { Description = "A video of the person (mp4, mov or webm, at most 5 minutes); uploaded first.", Required = true, HelpName = "FILE" };
        var train = new Option<string>("--train") { Description = "What to make of it: the figure, the voice, or both (the service's default).", HelpName = "figure|voice|both" };
        train.AcceptOnlyFromAmong("figure", "voice", "both");
        var noWait = new Option<bool>("--no-wait") { Description = "Print the avatar's id once created and exit (resume with 'chanjing avatars wait ID')." };
        var command = new Command("create", "Make a customised avatar from a video of a real person, wait until it is ready (live progress on stderr), and print its id.")
        {
            name, video, train, noWait, SharedOptions.Timeout, SharedOptions.Json,
        };
        command.SetAction(CliApplication.Action(console, "chanjing avatars create", async run =>
        {
            var avatarName = run.Parse.GetRequiredValue(name);
            if (string.IsNullOrWhiteSpace(avatarName))
            {
                throw new UsageException("--name must not be empty.");
            }

            var path = run.Parse.GetRequiredValue(video);
            if (!File.Exists(path))
            {
                throw new UsageException($"--video '{path}': there is no such file (the service takes a local video, uploaded first; not a URL).");
            }

            var request = new CustomAvatarRequest(avatarName.Trim(), MediaSource.FromFile(Path.GetFullPath(path))) { TrainType = run.Parse.GetValue(train) };
            await using var connection = await run.ConnectAsync().ConfigureAwait(false);
            connection.BeforeNextRequest(() => console.Info($"Uploading {path} ({Elapsed.Bytes(new FileInfo(path).Length)}), then creating avatar '{request.Name}'"));
            string id;
            try
            {
                id = await connection.Client.Avatars.CreateAsync(request, run.CancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (run.CancellationToken.IsCancellationRequested)
            {
                Failures.Report(run, "Cancelled while creating: an avatar may or may not have been created. 'chanjing avatars list --mine' shows them.", ExitCodes.Interrupted, taskId: null);
                return ExitCodes.Interrupted;
            }

            console.Info($"Created avatar {id}");
            if (run.Parse.GetValue(noWait))
            {
                if (run.Json)
                {
                    run.PrintJson(w =>
                    {
                        w.WriteStartObject();
                        w.WriteString("id", id);
                        w.WriteString("name", request.Name);
                        w.WriteNull("status");
                        w.WriteString("state", "created");
                        w.WriteString("resumeCommand", JobKinds.Avatar.WaitCommand(id));
                        w.WriteEndObject();
                    });
                }
                else
                {
                    console.WriteData(id);
                }

                return ExitCodes.Success;
            }

            return await WaitAndPrintAsync(run, connection, id).ConfigureAwait(false);
        }));
        return command;
    }

    /// <summary><c>avatars get ID</c>.</summary>
    /// <param name="console">The console.</param>
    /// <returns>The command.</returns>
    public static Command Get(CliConsole console)
    {
        var id = AvatarId();
        var command = new Command("get", "Show one customised avatar: status, progress, size, voice and URLs.") { id, SharedOptions.Json };
        command.SetAction(CliApplication.Action(console, "chanjing avatars get", async run =>
        {
            var avatarId = Required(run.Parse.GetRequiredValue(id));
            await using var connection = await run.ConnectAsync().ConfigureAwait(false);
            CustomAvatar avatar;
            try
            {
                avatar = await connection.Client.Avatars.GetAsync(avatarId, run.CancellationToken).ConfigureAwait(false);
            }
            catch (ChanjingInvalidParameterException error)
            {
                throw new CliFailureException($"There is no customised avatar {avatarId} ('chanjing avatars list --mine' lists the account's): {error.ServiceMessage ?? error.Message}");
            }

            if (run.Json)
            {
                run.PrintJson(w => JobJson.WriteCustomAvatar(w, avatar, null));
                return ExitCodes.Success;
            }

            console.WriteData($"id:       {avatar.Id}");
            console.WriteData($"name:     {avatar.Name ?? "-"}");
            console.WriteData($"status:   {JobText.StatusWithProgress(avatar)}");
            console.WriteData($"created:  {JobText.Time(avatar.CreatedAt)}");
            if (!string.IsNullOrEmpty(avatar.ErrorMessage))
            {
                console.WriteData($"error:    {avatar.ErrorMessage}");
            }

            if (avatar.Width is { } width && avatar.Height is { } height)
            {
                console.WriteData(FormattableString.Invariant($"size:     {width}x{height}{(avatar.Supports4K == true ? " (4K)" : string.Empty)}"));
            }

            console.WriteData($"voice:    {(string.IsNullOrEmpty(avatar.VoiceId) ? "-" : avatar.VoiceId)}");
            if (avatar.CoverUrl is { } cover)
            {
                console.WriteData($"cover:    {UrlText.Of(cover)}");
            }

            if (avatar.PreviewVideoUrl is { } preview)
            {
                console.WriteData($"preview:  {UrlText.Of(preview)}");
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary><c>avatars wait ID</c>.</summary>
    /// <param name="console">The console.</param>
    /// <returns>The command.</returns>
    public static Command Wait(CliConsole console)
    {
        var id = AvatarId();
        var command = new Command("wait", "Wait until a customised avatar is ready (live progress on stderr), then print its id, status and voice.") { id, SharedOptions.Timeout, SharedOptions.Json };
        command.SetAction(CliApplication.Action(console, "chanjing avatars wait", async run =>
        {
            var avatarId = Required(run.Parse.GetRequiredValue(id));
            await using var connection = await run.ConnectAsync().ConfigureAwait(false);
            return await WaitAndPrintAsync(run, connection, avatarId).ConfigureAwait(false);
        }));
        return command;
    }

    /// <summary><c>avatars delete ID</c>.</summary>
    /// <param name="console">The console.</param>
    /// <returns>The command.</returns>
    public static Command Delete(CliConsole console)
    {
        var id = AvatarId();
        var command = new Command("delete", "Delete a customised avatar (it can no longer speak in new videos).") { id, SharedOptions.Json };
        command.SetAction(CliApplication.Action(console, "chanjing avatars delete", async run =>
        {
            var avatarId = Required(run.Parse.GetRequiredValue(id));
            await using var connection = await run.ConnectAsync().ConfigureAwait(false);
            try
            {
                await connection.Client.Avatars.DeleteAsync(avatarId, run.CancellationToken).ConfigureAwait(false);
            }
            catch (ChanjingNotFoundException error)
            {
                throw new CliFailureException($"There is no customised avatar {avatarId} to delete: it was never made, or was deleted already ('chanjing avatars list --mine' lists the account's). The service said: {error.ServiceMessage}");
            }

            console.Info($"Deleted avatar {avatarId}");
            if (run.Json)
            {
                run.PrintJson(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("id", avatarId);
                    w.WriteBoolean("deleted", true);
                    w.WriteEndObject();
                });
            }
            else
            {
                console.WriteData(avatarId);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static async Task<int> WaitAndPrintAsync(CommandRun run, ChanjingConnection connection, string id)
    {
        var (avatar, exitCode) = await JobFlow.WaitAsync(run, connection, JobKinds.Avatar, id, run.Parse.GetValue(SharedOptions.Timeout) ?? SharedOptions.DefaultTimeout).ConfigureAwait(false);
        if (avatar is null)
        {
            return exitCode;
        }

        if (run.Json)
        {
            run.PrintJson(w => JobJson.WriteCustomAvatar(w, avatar, null));
        }
        else
        {
            run.Console.Info($"Avatar {avatar.Id} is ready: use it with 'chanjing video create --avatar {avatar.Id} --text TEXT'{(string.IsNullOrEmpty(avatar.VoiceId) ? " --voice ID" : string.Empty)}.");
            run.Console.WriteData(avatar.Id);
        }

        return ExitCodes.Success;
    }

    private static Argument<string> AvatarId() => new("id") { Description = "The customised avatar's id (C-...), as 'chanjing avatars create' printed it." };

    private static string Required(string id) => string.IsNullOrWhiteSpace(id) ? throw new UsageException("An avatar id must not be empty.") : id.Trim();
}
