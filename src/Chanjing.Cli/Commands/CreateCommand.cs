using System.CommandLine;
using Chanjing.Cli.Display;
using Chanjing.Cli.Infrastructure;
using Chanjing.Sdk;

namespace Chanjing.Cli.Commands;

/// <summary><c>chanjing create</c>: submit a task of any model, wait for it with live progress, download its outputs.</summary>
internal static class CreateCommand
{
    private const string Name = "chanjing create";

    /// <summary>Builds the command.</summary>
    /// <param name="console">The console.</param>
    /// <returns>The command.</returns>
    public static Command Build(CliConsole console)
    {
        var model = new Option<string>("--model", "-m") { Description = "The model code (see 'chanjing models'), for example happyhorse-1.0-r2v.", Required = true, HelpName = "CODE" };
        var prompt = new Option<string>("--prompt", "-p") { Description = "What to make.", Required = true, HelpName = "TEXT" };
        var image = new Option<string[]>("--image", "-i") { Description = "A reference image: a local file (uploaded first) or an http(s) URL. Repeat for more.", HelpName = "PATH|URL", AllowMultipleArgumentsPerToken = false };
        var startFrame = new Option<string>("--start-frame") { Description = "The first frame of an image-to-video model: a local file or a URL.", HelpName = "PATH|URL" };
        var endFrame = new Option<string>("--end-frame") { Description = "The last frame, where the model takes one.", HelpName = "PATH|URL" };
        var source = new Option<string[]>("--source") { Description = "A video (or image) to edit, for video-edit models. Repeat for more.", HelpName = "PATH|URL" };
        var aspect = new Option<string>("--aspect-ratio") { Description = "The aspect ratio, such as 16:9, 9:16 or 1:1.", HelpName = "W:H" };
        var clarity = new Option<int?>("--clarity") { Description = "The resolution: 720 or 1080 for videos; 1024, 2048 or 4096 for images.", HelpName = "N" };
        var duration = new Option<int?>("--duration") { Description = "The video length in seconds, such as 5 or 10.", HelpName = "SECONDS" };
        var count = new Option<int?>("--count") { Description = "How many images an image model makes (1-4).", HelpName = "N" };
        var quality = new Option<string>("--quality") { Description = "The quality mode of models that have one.", HelpName = "std|pro" };
        quality.AcceptOnlyFromAmong("std", "pro");
        var type = new Option<string>("--type") { Description = "What a model the tool does not know makes (known models set it themselves).", HelpName = "image|video" };
        type.AcceptOnlyFromAmong("image", "video");
        var field = new Option<string[]>("--field") { Description = "A body field the options do not cover, as name=json (seed=42, style='\"anime\"'). Repeat for more.", HelpName = "NAME=JSON" };
        var callback = new Option<string>("--callback") { Description = "A URL the service calls when the task ends.", HelpName = "URL" };
        var noWait = new Option<bool>("--no-wait") { Description = "Print the task id once submitted and exit (resume with 'chanjing task wait ID')." };

        var command = new Command("create", "Submit a task, wait for it with live progress on stderr, save its outputs, and print the saved paths.")
        {
            model, prompt, image, startFrame, endFrame, source, aspect, clarity, duration, count, quality, type, field, callback, noWait,
            SharedOptions.Output, SharedOptions.Timeout, SharedOptions.Json,
        };
        command.SetAction(CliApplication.Action(console, Name, async run =>
        {
            var parse = run.Parse;
            var inputs = new CreateInputs
            {
                Model = parse.GetRequiredValue(model),
                Prompt = parse.GetRequiredValue(prompt),
                Images = parse.GetValue(image) ?? [],
                StartFrame = parse.GetValue(startFrame),
                EndFrame = parse.GetValue(endFrame),
                Sources = parse.GetValue(source) ?? [],
                AspectRatio = parse.GetValue(aspect),
                Clarity = parse.GetValue(clarity),
                Duration = parse.GetValue(duration),
                Count = parse.GetValue(count),
                Quality = parse.GetValue(quality),
                Type = parse.GetValue(type),
                Fields = parse.GetValue(field) ?? [],
                Callback = parse.GetValue(callback),
            };
            var request = inputs.ToRequest();
            var output = OutputDirectory.Check(parse.GetValue(SharedOptions.Output) ?? ".");
            return await RunAsync(run, request, inputs, parse.GetValue(noWait), output, parse.GetValue(SharedOptions.Timeout) ?? SharedOptions.DefaultTimeout).ConfigureAwait(false);
        }));
        return command;
    }

    private static async Task<int> RunAsync(CommandRun run, CreationRequest request, CreateInputs inputs, bool noWait, string output, TimeSpan timeout)
    {
        // Messages in the order things happen: the credentials are checked first, then the settings filled in are
        // said, then "Submitting" when the first request goes out (the SDK checks the model's rules before any).
        var console = run.Console;
        await using var connection = await run.ConnectAsync().ConfigureAwait(false);
        var client = connection.Client;
        if (inputs.Defaults.Count > 0)
        {
            console.Info($"Model {request.ModelCode} requires settings that were not given; using {string.Join(" ", inputs.Defaults)}");
        }

        var localFiles = inputs.LocalFileCount;
        connection.BeforeNextRequest(() => console.Info(localFiles == 0
            ? $"Submitting a {request.ModelCode} task"
            : $"Uploading {localFiles} local file{(localFiles == 1 ? string.Empty : "s")}, then submitting a {request.ModelCode} task"));
        string taskId;
        try
        {
            taskId = await client.SubmitAsync(request, run.CancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (run.CancellationToken.IsCancellationRequested)
        {
            Failures.Report(run, "Cancelled while submitting: a task may or may not have been created. 'chanjing task list' shows the recent ones.", ExitCodes.Interrupted, taskId: null);
            return ExitCodes.Interrupted;
        }

        console.Info($"Submitted task {taskId}");
        if (noWait)
        {
            if (run.Json)
            {
                run.PrintJson(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("taskId", taskId);
                    w.WriteString("status", "Submitted");
                    w.WriteStartArray("outputUrls");
                    w.WriteEndArray();
                    w.WriteStartArray("files");
                    w.WriteEndArray();
                    w.WriteString("resumeCommand", CommandRun.ResumeCommand([taskId]));
                    w.WriteEndObject();
                });
            }
            else
            {
                console.WriteData(taskId);
            }

            return ExitCodes.Success;
        }

        return await TaskFlow.WaitAndDownloadAsync(run, connection, taskId, output, timeout).ConfigureAwait(false);
    }
}
