using System.CommandLine;
using System.Globalization;
using Chanjing.Cli.Display;
using Chanjing.Cli.Infrastructure;
using Chanjing.Sdk;
using Spectre.Console;

namespace Chanjing.Cli.Commands;

/// <summary><c>chanjing video create|get|wait|list|download</c>: avatar videos (合成视频).</summary>
internal static class VideoCommands
{
    /// <summary>Where videos are saved without <c>--output</c>.</summary>
    public const string DefaultOutput = "output";

    /// <summary><c>--output</c> of the video commands: <c>./output</c> by default.</summary>
    public static Option<string> Output { get; } = new("--output", "-o")
    {
        Description = "The directory to save the MP4 in (created if missing). Default ./output.",
        DefaultValueFactory = _ => DefaultOutput,
        HelpName = "DIR",
    };

    /// <summary>Builds the <c>video</c> command and its subcommands.</summary>
    /// <param name="console">The console.</param>
    /// <returns>The command.</returns>
    public static Command Build(CliConsole console) => new("video", "Avatar videos: a digital human speaks a script or an audio file. Create, look at, wait for, list and download them.")
    {
        VideoCreateCommand.Build(console),
        Get(console),
        Wait(console),
        List(console),
        Download(console),
    };

    private static Argument<string> VideoId() => new("id") { Description = "The video's id, as 'chanjing video create' printed it." };

    private static Command Get(CliConsole console)
    {
        var id = VideoId();
        var command = new Command("get", "Show one video: its status, progress, error, duration and URLs.") { id, SharedOptions.Json };
        command.SetAction(CliApplication.Action(console, "chanjing video get", async run =>
        {
            var videoId = Required(run.Parse.GetRequiredValue(id));
            await using var connection = await run.ConnectAsync().ConfigureAwait(false);
            var video = await connection.Client.AvatarVideos.GetAsync(videoId, run.CancellationToken).ConfigureAwait(false);
            if (run.Json)
            {
                run.PrintJson(w => JobJson.WriteVideo(w, video, null));
                return ExitCodes.Success;
            }

            console.WriteData($"id:        {video.Id}");
            console.WriteData($"status:    {JobText.StatusWithProgress(video)}");
            console.WriteData($"created:   {JobText.Time(video.CreatedAt)}");
            console.WriteData($"duration:  {JobText.Seconds(video.Duration)}");
            if (!string.IsNullOrEmpty(video.ErrorMessage))
            {
                console.WriteData($"error:     {video.ErrorMessage}");
            }

            foreach (var (label, url) in new[] { ("video:     ", video.VideoUrl), ("cover:     ", video.CoverUrl), ("subtitles: ", video.SubtitleTimelineUrl) })
            {
                if (url is not null)
                {
                    console.WriteData(label + UrlText.Of(url));
                }
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Wait(CliConsole console)
    {
        var id = VideoId();
        var save = new Option<string>("--output", "-o") { Description = "Also save the MP4 in this directory once it is ready.", HelpName = "DIR" };
        var command = new Command("wait", "Wait for a video with live progress, then print its id, status and URL (and save it with --output).")
        {
            id, save, SharedOptions.Timeout, SharedOptions.Json,
        };
        command.SetAction(CliApplication.Action(console, "chanjing video wait", async run =>
        {
            var videoId = Required(run.Parse.GetRequiredValue(id));
            var output = run.Parse.GetValue(save) is { } directory ? OutputDirectory.Check(directory) : null;
            await using var connection = await run.ConnectAsync().ConfigureAwait(false);
            var (video, exitCode) = await JobFlow.WaitAsync(run, connection, JobKinds.Video, videoId, run.Parse.GetValue(SharedOptions.Timeout) ?? SharedOptions.DefaultTimeout).ConfigureAwait(false);
            if (video is null)
            {
                return exitCode;
            }

            if (output is not null)
            {
                return await JobFlow.DownloadAsync(run, connection, JobKinds.Video, video, output).ConfigureAwait(false);
            }

            if (run.Json)
            {
                run.PrintJson(w => JobJson.WriteVideo(w, video, null));
            }
            else
            {
                console.WriteData(string.Join('\t', video.Id, video.Status.Value.ToString(CultureInfo.InvariantCulture), video.VideoUrl is null ? "-" : UrlText.Of(video.VideoUrl)));
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command List(CliConsole console)
    {
        var limit = SharedOptions.Limit("videos");
        var command = new Command("list", "List recent avatar videos as a table (--json for scripts).") { limit, SharedOptions.Json };
        command.SetAction(CliApplication.Action(console, "chanjing video list", async run =>
        {
            var max = run.Parse.GetValue(limit);
            await using var connection = await run.ConnectAsync().ConfigureAwait(false);
            var videos = await SharedOptions.TakeAsync(connection.Client.AvatarVideos.ListAsync(run.CancellationToken), max).ConfigureAwait(false);

            if (run.Json)
            {
                run.PrintJson(w =>
                {
                    w.WriteStartObject();
                    w.WriteStartArray("videos");
                    foreach (var video in videos)
                    {
                        JobJson.WriteVideo(w, video, null);
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                });
                return ExitCodes.Success;
            }

            if (videos.Count == 0)
            {
                console.Info("No videos.");
                return ExitCodes.Success;
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumns("Id", "Status", "Duration", "Created", "Error");
            foreach (var video in videos)
            {
                var status = Markup.Escape(JobText.StatusWithProgress(video));
                table.AddRow(
                    Markup.Escape(video.Id),
                    video.IsSucceeded ? $"[green]{status}[/]" : video.Status.IsFailed ? $"[red]{status}[/]" : status,
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
        var id = VideoId();
        var command = new Command("download", "Save a finished video's MP4 and print its path.") { id, Output, SharedOptions.Json };
        command.SetAction(CliApplication.Action(console, "chanjing video download", async run =>
        {
            var videoId = Required(run.Parse.GetRequiredValue(id));
            var output = OutputDirectory.Check(run.Parse.GetValue(Output) ?? DefaultOutput);
            await using var connection = await run.ConnectAsync().ConfigureAwait(false);
            var video = await connection.Client.AvatarVideos.GetAsync(videoId, run.CancellationToken).ConfigureAwait(false);
            if (video.Status.IsFailed)
            {
                throw new ChanjingTaskFailedException(video);
            }

            if (!video.IsSucceeded)
            {
                console.Fail(run.Name, $"Video {video.Id} is {JobText.StatusWithProgress(video)}: nothing to download yet. Wait for it with: {JobKinds.Video.WaitCommand(video.Id)} --output {OutputDirectory.Quote(output)}");
                if (run.Json)
                {
                    run.PrintJson(w => JobJson.WriteVideo(w, video, null));
                }

                return ExitCodes.Failure;
            }

            return await JobFlow.DownloadAsync(run, connection, JobKinds.Video, video, output).ConfigureAwait(false);
        }));
        return command;
    }

    private static string Required(string id) => string.IsNullOrWhiteSpace(id) ? throw new UsageException("A video id must not be empty.") : id.Trim();
}
