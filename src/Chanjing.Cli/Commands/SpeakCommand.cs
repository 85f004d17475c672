using System.CommandLine;
using System.Globalization;
using Chanjing.Cli.Display;
using Chanjing.Cli.Infrastructure;
using Chanjing.Sdk;

namespace Chanjing.Cli.Commands;

/// <summary>
/// <c>chanjing speak TEXT --voice ID</c>: text to speech; saves the audio (and with <c>--srt</c> its subtitles) and
/// prints the path. A text longer than one task takes is voiced in parts, saved as <c>NN-ID.wav</c> in the text's order.
/// </summary>
internal static class SpeakCommand
{
    private const string Name = "chanjing speak";

    /// <summary>Builds the command.</summary>
    /// <param name="console">The console.</param>
    /// <returns>The command.</returns>
    public static Command Build(CliConsole console)
    {
        var text = new Argument<string>("text") { Description = "What to say; '-' reads it from stdin. A text over 3,999 characters is voiced in parts, one after the other." };
        var voice = new Option<string>("--voice") { Description = "The voice: a public one ('chanjing voices list') or a cloned one ('chanjing voices list --mine').", Required = true, HelpName = "ID" };
        var speed = new Option<double>("--speed") { Description = "The speaking speed, 0.5 to 2 (default 1).", DefaultValueFactory = _ => 1, HelpName = "S" };
        var pitch = new Option<double>("--pitch") { Description = "The pitch, 0.1 to 3 (default 1).", DefaultValueFactory = _ => 1, HelpName = "P" };
        var srt = new Option<bool>("--srt") { Description = "Also save the subtitle timeline as SubRip (.srt) next to the audio." };
        var noWait = JobCommands.NoWait("speech");
        var output = JobCommands.Output("the audio");
        var command = new Command("speak", "Text to speech: wait for the audio, save it (WAV, its real extension) and print its path.")
        {
            text, voice, speed, pitch, srt, noWait, output, SharedOptions.Timeout, SharedOptions.Json,
        };
        command.SetAction(CliApplication.Action(console, Name, async run =>
        {
            var parse = run.Parse;
            var script = ReadText(parse.GetRequiredValue(text));
            var voiceId = parse.GetRequiredValue(voice);
            if (string.IsNullOrWhiteSpace(voiceId))
            {
                throw new UsageException("--voice must not be empty.");
            }

            var request = new SpeechRequest(script, voiceId.Trim()) { Speed = parse.GetValue(speed), Pitch = parse.GetValue(pitch) };
            var directory = OutputDirectory.Check(parse.GetValue(output) ?? JobCommands.DefaultOutput);
            var timeout = parse.GetValue(SharedOptions.Timeout) ?? SharedOptions.DefaultTimeout;
            if (script.Length <= SpeechRequest.MaxTextLength)
            {
                return await SpeakAsync(run, request, parse.GetValue(noWait), parse.GetValue(srt), directory, timeout).ConfigureAwait(false);
            }

            if (parse.GetValue(noWait))
            {
                throw new UsageException($"--no-wait takes a text of one task (at most {SpeechRequest.MaxTextLength} characters); this one is {script.Length}, voiced in parts, each created once the one before it succeeded.");
            }

            return await SpeakLongAsync(run, request, parse.GetValue(srt), directory, timeout).ConfigureAwait(false);
        }));
        return command;
    }

    private static string ReadText(string argument)
    {
        var text = argument == "-" ? Console.In.ReadToEnd() : argument;
        return string.IsNullOrWhiteSpace(text) ? throw new UsageException(argument == "-" ? "stdin held no text to say." : "TEXT must not be empty.") : text.Trim();
    }

    private static async Task<int> SpeakAsync(CommandRun run, SpeechRequest request, bool noWait, bool srt, string output, TimeSpan timeout)
    {
        await using var connection = await run.ConnectAsync().ConfigureAwait(false);
        var client = connection.Client;
        connection.BeforeNextRequest(() => run.Console.Info($"Creating the speech ({request.Text.Length} characters, voice {request.VoiceId})"));
        if (await JobCommands.CreateAsync(run, "speech task", ct => client.Speech.CreateAsync(request, ct)).ConfigureAwait(false) is not { } id)
        {
            return ExitCodes.Interrupted;
        }

        if (noWait)
        {
            return JobCommands.PrintCreated(run, JobKinds.Speech, id);
        }

        var (speech, exitCode) = await JobFlow.WaitAsync(run, connection, JobKinds.Speech, id, timeout).ConfigureAwait(false);
        return speech is null
            ? exitCode
            : await JobFlow.DownloadAsync(run, connection, JobKinds.Speech, speech, output, srt ? files => AddSubtitlesAsync(run, client, speech, files) : null).ConfigureAwait(false);
    }

    private static async Task<int> SpeakLongAsync(CommandRun run, SpeechRequest request, bool srt, string output, TimeSpan timeout)
    {
        var count = SpeechClient.SplitText(request.Text).Count;
        await using var connection = await run.ConnectAsync().ConfigureAwait(false);
        var client = connection.Client;
        run.Console.Info($"The text is {request.Text.Length} characters: voicing it in {count} parts, each created once the one before it succeeded");
        IReadOnlyList<SpeechTask> parts = [];
        await new JobDisplay(run.Console).WaitAsync<SpeechTask>(
            "Speech task",
            string.Create(CultureInfo.InvariantCulture, $"(1 of {count})"),
            async progress =>
            {
                parts = await client.Speech.GenerateLongAsync(request, connection.WaitWithTimeout(timeout), progress, run.CancellationToken).ConfigureAwait(false);
                return parts[^1];
            },
            run.CancellationToken).ConfigureAwait(false);

        var saved = new List<IReadOnlyList<string>>(parts.Count);
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            var prefix = (i + 1).ToString(CultureInfo.InvariantCulture).PadLeft(Math.Max(2, parts.Count.ToString(CultureInfo.InvariantCulture).Length), '0') + "-";
            var (files, exitCode) = await JobFlow.SaveAsync(run, connection, JobKinds.Speech, part, output, async files =>
            {
                // NN-ID.wav: a directory listing gives the parts in the text's order.
                var renamed = files.Select(f => Path.Combine(Path.GetDirectoryName(f) ?? string.Empty, prefix + Path.GetFileName(f))).ToList();
                for (var f = 0; f < files.Count; f++)
                {
                    File.Move(files[f], renamed[f], overwrite: true);
                }

                return srt ? await AddSubtitlesAsync(run, client, part, renamed).ConfigureAwait(false) : renamed;
            }).ConfigureAwait(false);
            if (files is null)
            {
                return exitCode;
            }

            saved.Add(files);
        }

        if (run.Json)
        {
            run.PrintJson(w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("parts");
                for (var i = 0; i < parts.Count; i++)
                {
                    JobJson.WriteSpeech(w, parts[i], saved[i]);
                }

                w.WriteEndArray();
                w.WriteStartArray("files");
                saved.SelectMany(f => f).ToList().ForEach(w.WriteStringValue);
                w.WriteEndArray();
                w.WriteEndObject();
            });
        }
        else
        {
            saved.SelectMany(f => f).ToList().ForEach(run.Console.WriteData);
        }

        return ExitCodes.Success;
    }

    /// <summary>Writes the SRT next to the audio (same name, <c>.srt</c>) and returns the audio and the SRT.</summary>
    private static async Task<IReadOnlyList<string>> AddSubtitlesAsync(CommandRun run, IChanjingClient client, SpeechTask speech, IReadOnlyList<string> files)
    {
        if (speech.Subtitles.Count == 0)
        {
            run.Console.Info($"Speech task {speech.Id} has no subtitle timeline: no SRT written.");
            return files;
        }

        var path = Path.ChangeExtension(files[0], ".srt");
        await client.Speech.SaveSubtitlesAsync(speech, path, run.CancellationToken).ConfigureAwait(false);
        run.Console.Info($"Saved {path} ({speech.Subtitles.Count} cues)");
        return [.. files, path];
    }
}
