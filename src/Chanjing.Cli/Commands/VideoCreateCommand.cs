using System.CommandLine;
using Chanjing.Cli.Display;
using Chanjing.Cli.Infrastructure;
using Chanjing.Sdk;

namespace Chanjing.Cli.Commands;

/// <summary><c>chanjing video create</c>: an avatar speaks a script or an audio file; wait with live progress, save the MP4.</summary>
internal static class VideoCreateCommand
{
    private const string Name = "chanjing video create";

    /// <summary>Builds the command.</summary>
    /// <param name="console">The console.</param>
    /// <returns>The command.</returns>
    public static Command Build(CliConsole console)
    {
        var avatar = new Option<string>("--avatar", "-a") { Description = "Who speaks: a public avatar's id ('chanjing avatars list') or a customised one's ('chanjing avatars list --mine').", Required = true, HelpName = "ID" };
        var figure = new Option<string>("--figure") { Description = "The public avatar's framing, such as whole_body, sit_body or circle_view (default: its first).", HelpName = "TYPE" };
        var text = new Option<string>("--text", "-t") { Description = "The script to speak (under 4,000 characters).", HelpName = "TEXT" };
        var voice = new Option<string>("--voice") { Description = "The voice that speaks --text (default: the avatar's own).", HelpName = "ID" };
        var audio = new Option<string>("--audio") { Description = "An audio file to lip-sync to instead of a text (wav, mp3, m4a or mp4): a local file (uploaded first) or a URL.", HelpName = "FILE|URL" };
        var subtitles = new Option<bool>("--subtitles") { Description = "Burn in subtitles (Chanjing's default box and font for the canvas); none without it." };
        var background = new Option<string>("--background") { Description = "A background picture (jpg or png: a local file or a URL) or a colour (#RRGGBB).", HelpName = "FILE|URL|#RRGGBB" };
        var size = new Option<string>("--size") { Description = "The canvas in pixels (default 1080x1920).", HelpName = "WxH" };
        var noWait = new Option<bool>("--no-wait") { Description = "Print the video's id once created and exit (resume with 'chanjing video wait ID')." };

        var command = new Command("create", "Make an avatar video: wait for it with live progress on stderr, save the MP4, and print its path.")
        {
            avatar, figure, text, voice, audio, subtitles, background, size, noWait, VideoCommands.Output, SharedOptions.Timeout, SharedOptions.Json,
        };
        command.SetAction(CliApplication.Action(console, Name, async run =>
        {
            var parse = run.Parse;
            var inputs = new VideoInputs
            {
                Avatar = parse.GetRequiredValue(avatar),
                Figure = parse.GetValue(figure),
                Text = parse.GetValue(text),
                Voice = parse.GetValue(voice),
                Audio = parse.GetValue(audio),
                Subtitles = parse.GetValue(subtitles),
                Background = parse.GetValue(background),
                Size = parse.GetValue(size),
            };
            inputs.Check();
            var output = OutputDirectory.Check(parse.GetValue(VideoCommands.Output) ?? VideoCommands.DefaultOutput);
            return await RunAsync(run, inputs, parse.GetValue(noWait), output, parse.GetValue(SharedOptions.Timeout) ?? SharedOptions.DefaultTimeout).ConfigureAwait(false);
        }));
        return command;
    }

    private static async Task<int> RunAsync(CommandRun run, VideoInputs inputs, bool noWait, string output, TimeSpan timeout)
    {
        var console = run.Console;
        await using var connection = await run.ConnectAsync().ConfigureAwait(false);
        var client = connection.Client;
        var (request, description) = await inputs.ToRequestAsync(client, run.CancellationToken).ConfigureAwait(false);
        console.Info(description);
        connection.BeforeNextRequest(() => console.Info(inputs.HasLocalFile ? "Uploading the local files, then creating the video" : "Creating the video"));
        string id;
        try
        {
            id = await client.AvatarVideos.CreateAsync(request, run.CancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (run.CancellationToken.IsCancellationRequested)
        {
            Failures.Report(run, "Cancelled while creating: a video may or may not have been created. 'chanjing video list' shows the recent ones.", ExitCodes.Interrupted, taskId: null);
            return ExitCodes.Interrupted;
        }

        console.Info($"Created video {id}");
        if (noWait)
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
                    w.WriteString("resumeCommand", JobKinds.Video.WaitCommand(id));
                    w.WriteEndObject();
                });
            }
            else
            {
                console.WriteData(id);
            }

            return ExitCodes.Success;
        }

        var (video, exitCode) = await JobFlow.WaitAsync(run, connection, JobKinds.Video, id, timeout).ConfigureAwait(false);
        return video is null ? exitCode : await JobFlow.DownloadAsync(run, connection, JobKinds.Video, video, output).ConfigureAwait(false);
    }
}
