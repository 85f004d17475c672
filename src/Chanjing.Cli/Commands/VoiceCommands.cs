using System.CommandLine;
using System.Globalization;
using Chanjing.Cli.Display;
using Chanjing.Cli.Infrastructure;
using Chanjing.Sdk;
using Spectre.Console;

namespace Chanjing.Cli.Commands;

/// <summary><c>chanjing voices list|clone|get|wait</c>: public voices, and voices cloned from a recording (定制声音).</summary>
internal static class VoiceCommands
{
    /// <summary>Builds the <c>voices</c> command and its subcommands.</summary>
    /// <param name="console">The console.</param>
    /// <returns>The command.</returns>
    public static Command Build(CliConsole console) => new("voices", "Voices: list the public ones, clone one from a recording, look at and wait for your clones.")
    {
        List(console),
        Clone(console),
        JobCommands.Get(
            console,
            JobKinds.Voice,
            "Show one cloned voice: status, progress, model and its training clip.",
            (client, id, ct) => client.Voices.GetAsync(id, ct),
            voice => [("name", voice.Name), ("model", voice.ModelType), ("clip", voice.SampleClipUrl is null ? null : UrlText.Of(voice.SampleClipUrl)), ("created", voice.CreatedAt is null ? null : JobText.Time(voice.CreatedAt))]),
        JobCommands.Wait(console, JobKinds.Voice, "Wait until a cloned voice is ready (live progress on stderr), then print its id and status.", saves: null),
    };

    private static Command List(CliConsole console)
    {
        var mine = new Option<bool>("--mine") { Description = "List the account's cloned voices instead of the public ones." };
        var command = new Command("list", "List the public voices (id, name, gender, language), or with --mine your cloned ones.") { mine, SharedOptions.Json };
        command.SetAction(CliApplication.Action(console, "chanjing voices list", async run =>
        {
            await using var connection = await run.ConnectAsync().ConfigureAwait(false);
            if (run.Parse.GetValue(mine))
            {
                var voices = new List<CustomVoice>();
                await foreach (var voice in connection.Client.Voices.ListAsync(run.CancellationToken).ConfigureAwait(false))
                {
                    voices.Add(voice);
                }

                return Print(run, voices, (w, v) => JobJson.WriteCustomVoice(w, v, null), "No cloned voices. Clone one with: chanjing voices clone --name NAME --sample FILE", ["Id", "Name", "Status", "Model", "Created"], v =>
                [
                    v.Id, v.Name ?? "-", JobText.StatusWithProgress(v), v.ModelType ?? "-",
                    v.CreatedAt is { } created ? created.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "-",
                ]);
            }

            var list = new List<PublicVoice>();
            await foreach (var voice in connection.Client.Voices.ListPublicAsync(run.CancellationToken).ConfigureAwait(false))
            {
                list.Add(voice);
            }

            console.Info("Use an Id with 'chanjing speak TEXT --voice ID', 'chanjing video create --voice ID' or 'chanjing lipsync create --voice ID'.");
            return Print(run, list, JobJson.WritePublicVoice, "No public voices.", ["Id", "Name", "Gender", "Language", "Description"], v =>
                [v.Id, v.Name ?? "-", v.Gender ?? "-", v.Language ?? "-", v.Description ?? "-"]);
        }));
        return command;
    }

    private static int Print<T>(CommandRun run, List<T> items, Action<System.Text.Json.Utf8JsonWriter, T> write, string none, string[] columns, Func<T, string[]> row)
    {
        if (run.Json)
        {
            run.PrintJson(w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("voices");
                items.ForEach(item => write(w, item));
                w.WriteEndArray();
                w.WriteEndObject();
            });
            return ExitCodes.Success;
        }

        if (items.Count == 0)
        {
            run.Console.Info(none);
            return ExitCodes.Success;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns(columns);
        items.ForEach(item => table.AddRow(row(item).Select(Markup.Escape).ToArray()));
        run.Console.OutputConsole.Write(table);
        return ExitCodes.Success;
    }

    private static Command Clone(CliConsole console)
    {
        var name = new Option<string>("--name") { Description = "The voice's name.", Required = true, HelpName = "NAME" };
        var sample = new Option<string>("--sample") { Description = "The recording (mp3, wav or m4a; 30 s to 5 min with at least 10 s of speech): a local file (uploaded first) or a public URL.", Required = true, HelpName = "FILE|URL" };
        var model = new Option<string>("--model") { Description = "The model: cicada3.0-turbo (default), cicada3.0 or cicada1.0.", HelpName = "M" };
        var language = new Option<string>("--language") { Description = "The recording's language: cn (the service's default) or en.", HelpName = "L" };
        language.AcceptOnlyFromAmong("cn", "en");
        var preview = new Option<string>("--preview-text") { Description = "A sentence the new voice says as its preview (at most 50 characters, not only digits).", HelpName = "T" };
        var noWait = JobCommands.NoWait("voices");
        var command = new Command("clone", "Clone a voice from a recording, wait until it is ready (live progress on stderr), and print its id (C-Audio-...) for --voice.")
        {
            name, sample, model, language, preview, noWait, SharedOptions.Timeout, SharedOptions.Json,
        };
        command.SetAction(CliApplication.Action(console, "chanjing voices clone", async run =>
        {
            var voiceName = run.Parse.GetRequiredValue(name);
            if (string.IsNullOrWhiteSpace(voiceName))
            {
                throw new UsageException("--name must not be empty.");
            }

            var where = run.Parse.GetRequiredValue(sample);
            var isUrl = Uri.TryCreate(where, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);
            if (!isUrl && !File.Exists(where))
            {
                throw new UsageException($"--sample '{where}': there is no such file, and it is not an http(s) URL.");
            }

            var request = new VoiceCloneRequest(voiceName.Trim(), isUrl ? MediaSource.FromUrl(url!) : MediaSource.FromFile(Path.GetFullPath(where)))
            {
                Language = run.Parse.GetValue(language),
                PreviewText = run.Parse.GetValue(preview),
            };
            if (run.Parse.GetValue(model) is { } modelType)
            {
                request.ModelType = modelType;
            }

            await using var connection = await run.ConnectAsync().ConfigureAwait(false);
            connection.BeforeNextRequest(() => console.Info(isUrl ? $"Cloning voice '{request.Name}'" : $"Uploading {where} ({Elapsed.Bytes(new FileInfo(where).Length)}), then cloning voice '{request.Name}'"));
            if (await JobCommands.CreateAsync(run, "voice", ct => connection.Client.Voices.CreateAsync(request, ct)).ConfigureAwait(false) is not { } id)
            {
                return ExitCodes.Interrupted;
            }

            if (run.Parse.GetValue(noWait))
            {
                return JobCommands.PrintCreated(run, JobKinds.Voice, id);
            }

            var (voice, exitCode) = await JobFlow.WaitAsync(run, connection, JobKinds.Voice, id, run.Parse.GetValue(SharedOptions.Timeout) ?? SharedOptions.DefaultTimeout).ConfigureAwait(false);
            if (voice is null)
            {
                return exitCode;
            }

            if (run.Json)
            {
                run.PrintJson(w => JobJson.WriteCustomVoice(w, voice, null));
            }
            else
            {
                console.Info($"Voice {voice.Id} is ready: use it with 'chanjing speak TEXT --voice {voice.Id}'.");
                console.WriteData(voice.Id);
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
