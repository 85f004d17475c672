using System.CommandLine;
using System.Globalization;
using Chanjing.Cli.Display;
using Chanjing.Cli.Infrastructure;
using Chanjing.Sdk;

namespace Chanjing.Cli.Commands;

/// <summary><c>chanjing avatar-design photo|motion|lora</c>: the creates, each waited for and saved unless <c>--no-wait</c>.</summary>
internal static class AvatarDesignCreateCommands
{
    /// <summary><c>avatar-design photo --age A --gender G</c>.</summary>
    /// <param name="console">The console.</param>
    /// <returns>The command.</returns>
    public static Command Photo(CliConsole console)
    {
        var age = new Option<string>("--age") { Description = "The apparent age, such as 'Young adult', Adult, Teenager, Elderly.", Required = true, HelpName = "A" };
        var gender = new Option<string>("--gender") { Description = "male or female.", Required = true, HelpName = "G" };
        var count = new Option<int>("--count", "-n") { Description = "How many pictures, 1 to 4 (default 1).", DefaultValueFactory = _ => 1, HelpName = "N" };
        var ratio = new Option<string>("--aspect-ratio") { Description = "The pictures' shape: 9:16 (default) or 16:9.", DefaultValueFactory = _ => "9:16", HelpName = "9:16|16:9" };
        ratio.AcceptOnlyFromAmong("9:16", "16:9");
        var detail = new Option<string>("--detail") { Description = "Details of the look (at most 1,500 characters).", HelpName = "TEXT" };
        var background = new Option<string>("--background") { Description = "The background (at most 1,500 characters).", HelpName = "TEXT" };
        var pose = new Option<string>("--pose") { Description = "The pose (at most 1,500 characters).", HelpName = "TEXT" };
        var industry = new Option<string>("--industry") { Description = "The industry.", HelpName = "TEXT" };
        var origin = new Option<string>("--origin") { Description = "The origin, such as Chinese or European.", HelpName = "TEXT" };
        var reference = new Option<string>("--reference") { Description = "A public picture URL to follow.", HelpName = "URL" };
        var content = new Option<string>("--reference-content") { Description = "What to take from --reference: style or appearance.", HelpName = "style|appearance" };
        content.AcceptOnlyFromAmong("style", "appearance");
        var noWait = JobCommands.NoWait("avatar-design");
        var output = JobCommands.Output("the pictures");
        var command = new Command("photo", "Design a digital human from a description: wait for its pictures, save the PNGs and print their paths.")
        {
            age, gender, count, ratio, detail, background, pose, industry, origin, reference, content, noWait, output, SharedOptions.Timeout, SharedOptions.Json,
        };
        command.SetAction(CliApplication.Action(console, "chanjing avatar-design photo", run =>
        {
            var parse = run.Parse;
            var sex = parse.GetRequiredValue(gender).Trim().ToLowerInvariant() switch
            {
                "male" => "Male",
                "female" => "Female",
                var other => throw new UsageException($"--gender must be male or female, but was '{other}'."),
            };
            var request = new AvatarPhotoRequest(parse.GetRequiredValue(age), sex)
            {
                NumberOfImages = parse.GetValue(count),
                AspectRatio = parse.GetValue(ratio) == "16:9" ? AspectRatio.Landscape16x9 : AspectRatio.Portrait9x16,
                Detail = parse.GetValue(detail),
                Background = parse.GetValue(background),
                TalkingPose = parse.GetValue(pose),
                Industry = parse.GetValue(industry),
                Origin = parse.GetValue(origin),
                ReferenceImageUrl = parse.GetValue(reference) is { } url ? PublicUrl(url, "--reference") : null,
                ReferenceContent = parse.GetValue(content),
            };
            return CreateAsync(run, "photo", "photo task", parse.GetValue(noWait), parse.GetValue(output), (client, ct) => client.AvatarDesign.CreatePhotoAsync(request, ct));
        }));
        return command;
    }

    /// <summary><c>avatar-design motion --photo-task ID --photo URL</c>.</summary>
    /// <param name="console">The console.</param>
    /// <returns>The command.</returns>
    public static Command Motion(CliConsole console)
    {
        var task = new Option<string>("--photo-task") { Description = "The finished photo task the picture comes from.", Required = true, HelpName = "ID" };
        var photo = new Option<string>("--photo") { Description = "One of its pictures' URLs ('chanjing avatar-design get ID' lists them).", Required = true, HelpName = "URL" };
        var emotion = new Option<string>("--emotion") { Description = "The expression and movement (at most 800 characters).", HelpName = "E" };
        var gesture = new Option<bool>("--gesture") { Description = "Let the person gesture with the hands." };
        var noWait = JobCommands.NoWait("avatar-design");
        var output = JobCommands.Output("the MP4");
        var command = new Command("motion", "Bring a designed picture to life: wait for the motion video, save the MP4 and print its path.")
        {
            task, photo, emotion, gesture, noWait, output, SharedOptions.Timeout, SharedOptions.Json,
        };
        command.SetAction(CliApplication.Action(console, "chanjing avatar-design motion", run =>
        {
            var parse = run.Parse;
            var request = new AvatarMotionRequest(JobCommands.Required(parse.GetRequiredValue(task)), PublicUrl(parse.GetRequiredValue(photo), "--photo"))
            {
                Emotion = parse.GetValue(emotion),
                Gesture = parse.GetValue(gesture),
            };
            return CreateAsync(run, "motion", "motion task", parse.GetValue(noWait), parse.GetValue(output), (client, ct) => client.AvatarDesign.CreateMotionAsync(request, ct));
        }));
        return command;
    }

    /// <summary><c>avatar-design lora --name N --photo URL...</c>.</summary>
    /// <param name="console">The console.</param>
    /// <returns>The command.</returns>
    public static Command Lora(CliConsole console)
    {
        var name = new Option<string>("--name") { Description = "The LoRA's name.", Required = true, HelpName = "N" };
        var photos = new Option<string[]>("--photo") { Description = "A public photo URL of the person; repeat for 5 to 50.", HelpName = "URL", AllowMultipleArgumentsPerToken = true };
        var retry = new Option<string>("--retry") { Description = "Run a failed LoRA task again (its id).", HelpName = "ID" };
        var noWait = JobCommands.NoWait("avatar-design");
        var command = new Command("lora", "Train a LoRA model on 5 to 50 photos, wait until it is done, and print its id (its pictures are photo tasks).")
        {
            name, photos, retry, noWait, SharedOptions.Timeout, SharedOptions.Json,
        };
        command.SetAction(CliApplication.Action(console, "chanjing avatar-design lora", run =>
        {
            var parse = run.Parse;
            var request = new AvatarLoraRequest(parse.GetRequiredValue(name).Trim()) { RetryLoraId = parse.GetValue(retry) };
            foreach (var url in parse.GetValue(photos) ?? [])
            {
                request.Photos.Add(PublicUrl(url, "--photo"));
            }

            return CreateAsync(run, "lora", "LoRA task", parse.GetValue(noWait), null, (client, ct) => client.AvatarDesign.CreateLoraAsync(request, ct));
        }));
        return command;
    }

    private static Uri PublicUrl(string text, string option) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? url
            : throw new UsageException($"{option} must be a public http(s) URL (avatar design takes no uploads; 'chanjing upload FILE' prints a URL for a local file), but was '{text}'.");

    private static async Task<int> CreateAsync(CommandRun run, string kind, string noun, bool noWait, string? output, Func<IChanjingClient, CancellationToken, Task<string>> create)
    {
        var directory = output is null ? null : OutputDirectory.Check(output);
        await using var connection = await run.ConnectAsync().ConfigureAwait(false);
        connection.BeforeNextRequest(() => run.Console.Info($"Creating the {noun}"));
        if (await JobCommands.CreateAsync(run, noun, ct => create(connection.Client, ct)).ConfigureAwait(false) is not { } id)
        {
            return ExitCodes.Interrupted;
        }

        if (noWait)
        {
            return kind switch
            {
                "motion" => JobCommands.PrintCreated(run, JobKinds.Motion, id),
                "lora" => JobCommands.PrintCreated(run, JobKinds.Lora, id),
                _ => JobCommands.PrintCreated(run, JobKinds.Photo, id),
            };
        }

        return await AvatarDesignCommands.WaitAsync(run, connection, kind, id, directory).ConfigureAwait(false);
    }
}
