using System.CommandLine;
using System.Globalization;
using Chanjing.Cli.Display;
using Chanjing.Cli.Infrastructure;
using Chanjing.Sdk;
using Spectre.Console;

namespace Chanjing.Cli.Commands;

/// <summary><c>chanjing lipsync create|get|wait|list|download</c>: re-drive the mouth of a video with speech or an audio file (对口型).</summary>
internal static class LipSyncCommands
{
    /// <summary>Builds the <c>lipsync</c> command and its subcommands.</summary>
    /// <param name="console">The console.</param>
    /// <returns>The command.</returns>
    public static Command Build(CliConsole console) => new("lipsync", "Lip-sync: make the person in a video say a text (in a voice) or an audio file. Create, look at, wait for, list and download them.")
    {
        Create(console),
        JobCommands.Get(
            console,
            JobKinds.LipSync,
            "Show one lip-sync video: its status, progress, error, duration and URLs.",
            (client, id, ct) => client.LipSync.GetAsync(id, ct),
            video => [("created", JobText.Time(video.CreatedAt)), ("duration", JobText.Seconds(video.Duration)), ("cover", video.CoverUrl is null ? null : UrlText.Of(video.CoverUrl))]),
        JobCommands.Wait(console, JobKinds.LipSync, "Wait for a lip-sync video with live progress, then print its id, status and URL (and save the MP4 with --output).", "the MP4"),
        List(console),
        Download(console),
    };

    private static Command Create(CliConsole console)
    {
        var video = new Option<string>("--video") { Description = "The video whose mouth is re-driven (mp4, mov or webm): a local file, uploaded first.", Required = true, HelpName = "FILE" };
        var text = new Option<string>("--text", "-t") { Description = "What the person says (under 4,000 characters), spoken by --voice.", HelpName = "TEXT" };
        var voice = new Option<string>("--voice") { Description = "The voice that speaks --text: public ('chanjing voices list') or cloned.", HelpName = "ID" };
        var audio = new Option<string>("--audio") { Description = "An audio file to lip-sync to instead (mp3, m4a or wav): a local file, uploaded first.", HelpName = "FILE" };
        var pro = new Option<bool>("--pro") { Description = "Use lip-sync Pro (the same as --model pro)." };
        var model = new Option<string>("--model") { Description = "The model: standard (the service's default), pro, or cartoon (for cartoon footage).", HelpName = "standard|pro|cartoon" };
        model.AcceptOnlyFromAmong("standard", "pro", "cartoon");
        var noWait = JobCommands.NoWait("lipsync");
        var output = JobCommands.Output("the MP4");
        var command = new Command("create", "Make a lip-sync video: wait for it with live progress on stderr, save the MP4, and print its path.")
        {
            video, text, voice, audio, pro, model, noWait, output, SharedOptions.Timeout, SharedOptions.Json,
        };
        command.SetAction(CliApplication.Action(console, "chanjing lipsync create", async run =>
        {
            var parse = run.Parse;
            var videoPath = LocalFile(parse.GetRequiredValue(video), "--video", "a video");
            var (script, voiceId, audioPath) = (parse.GetValue(text), parse.GetValue(voice), parse.GetValue(audio));
            if ((script is null) == (audioPath is null))
            {
                throw new UsageException("Give either --text TEXT --voice ID or --audio FILE (one of them).");
            }

            LipSyncRequest request;
            if (script is not null)
            {
                if (string.IsNullOrWhiteSpace(script) || string.IsNullOrWhiteSpace(voiceId))
                {
                    throw new UsageException("--text needs a non-empty text and --voice ID (the voice that speaks it).");
                }

                request = LipSyncRequest.FromText(MediaSource.FromFile(videoPath), script.Trim(), voiceId.Trim());
            }
            else
            {
                if (voiceId is not null)
                {
                    throw new UsageException("--voice speaks --text; with --audio the audio file speaks.");
                }

                request = LipSyncRequest.FromAudio(MediaSource.FromFile(videoPath), MediaSource.FromFile(LocalFile(audioPath!, "--audio", "an audio file")));
            }

            request.Model = Model(parse.GetValue(model), parse.GetValue(pro));
            var directory = OutputDirectory.Check(parse.GetValue(output) ?? JobCommands.DefaultOutput);
            await using var connection = await run.ConnectAsync().ConfigureAwait(false);
            connection.BeforeNextRequest(() => console.Info("Uploading the local files, then creating the lip-sync video"));
            if (await JobCommands.CreateAsync(run, "lip-sync video", ct => connection.Client.LipSync.CreateAsync(request, ct)).ConfigureAwait(false) is not { } id)
            {
                return ExitCodes.Interrupted;
            }

            if (parse.GetValue(noWait))
            {
                return JobCommands.PrintCreated(run, JobKinds.LipSync, id);
            }

            return await JobCommands.WaitAndFinishAsync(run, connection, JobKinds.LipSync, id, directory).ConfigureAwait(false);
        }));
        return command;
    }

    private static string LocalFile(string path, string option, string what) =>
        File.Exists(path) ? Path.GetFullPath(path) : throw new UsageException($"{option} '{path}': there is no such file (the service takes {what} uploaded from this machine, not a URL).");

    private static LipSyncModel? Model(string? model, bool pro) => (model, pro) switch
    {
        (null, false) => null,
        (null or "pro", true) => LipSyncModel.Pro,
        (_, true) => throw new UsageException($"--pro is --model pro; it does not go with --model {model}."),
        ("pro", _) => LipSyncModel.Pro,
        ("cartoon", _) => LipSyncModel.Cartoon,
        _ => LipSyncModel.Standard,
    };

    private static Command List(CliConsole console)
    {
        var limit = SharedOptions.Limit("videos");
        var command = new Command("list", "List recent lip-sync videos as a table (--json for scripts).") { limit, SharedOptions.Json };
        command.SetAction(CliApplication.Action(console, "chanjing lipsync list", async run =>
        {
            var max = run.Parse.GetValue(limit);
            await using var connection = await run.ConnectAsync().ConfigureAwait(false);
            var videos = await SharedOptions.TakeAsync(connection.Client.LipSync.ListAsync(run.CancellationToken), max).ConfigureAwait(false);

            if (run.Json)
            {
                run.PrintJson(w =>
                {
                    w.WriteStartObject();
                    w.WriteStartArray("videos");
                    videos.ForEach(v => JobJson.WriteLipSync(w, v, null));
                    w.WriteEndArray();
                    w.WriteEndObject();
                });
                return ExitCodes.Success;
            }

            if (videos.Count == 0)
            {
                console.Info("No lip-sync videos.");
                return ExitCodes.Success;
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumns("Id", "Status", "Duration", "Created", "Error");
            foreach (var video in videos)
            {
                var status = Markup.Escape(JobText.StatusWithProgress(video));
                table.AddRow(
                    Markup.Escape(video.Id),
                    video.IsSucceeded ? $"[green]{status}[/]" : video.IsFinished ? $"[red]{status}[/]" : status,
                    JobText.Seconds(video.Duration),
                    video.CreatedAt is { } created ? created.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "-",
                    Markup.Escape(string.IsNullOrEmpty(video.ErrorMessage) ? "-" : video.ErrorMessage));
            }

            console.OutputConsole.Write(table);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Download(CliConsole console)
    {
        var id = JobCommands.Id("The lip-sync video's id.");
        var output = JobCommands.Output("the MP4");
        var command = new Command("download", "Save a finished lip-sync video's MP4 and print its path.") { id, output, SharedOptions.Json };
        command.SetAction(CliApplication.Action(console, "chanjing lipsync download", async run =>
        {
            var videoId = JobCommands.Required(run.Parse.GetRequiredValue(id));
            var directory = OutputDirectory.Check(run.Parse.GetValue(output) ?? JobCommands.DefaultOutput);
            await using var connection = await run.ConnectAsync().ConfigureAwait(false);
            var video = await connection.Client.LipSync.GetAsync(videoId, run.CancellationToken).ConfigureAwait(false);
            if (video.IsFinished && !video.IsSucceeded)
            {
                throw new ChanjingTaskFailedException(video);
            }

            if (!video.IsFinished)
            {
                console.Fail(run.Name, $"Lip-sync video {video.Id} is {JobText.StatusWithProgress(video)}: nothing to download yet. Wait for it with: {JobKinds.LipSync.WaitCommand(video.Id)} --output {OutputDirectory.Quote(directory)}");
                if (run.Json)
                {
                    run.PrintJson(w => JobJson.WriteLipSync(w, video, null));
                }

                return ExitCodes.Failure;
            }

            return await JobFlow.DownloadAsync(run, connection, JobKinds.LipSync, video, directory).ConfigureAwait(false);
        }));
        return command;
    }
}
