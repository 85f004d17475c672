using System.CommandLine;
using System.Globalization;
using Chanjing.Cli.Display;
using Chanjing.Cli.Infrastructure;
using Chanjing.Sdk;
using Spectre.Console;

namespace Chanjing.Cli.Commands;

/// <summary><c>chanjing avatars list|tags|create|get|wait|delete</c>: public digital humans and the account's customised ones.</summary>
internal static class AvatarCommands
{
    /// <summary>Builds the <c>avatars</c> command and its subcommands.</summary>
    /// <param name="console">The console.</param>
    /// <returns>The command.</returns>
    public static Command Build(CliConsole console) => new("avatars", "Digital humans: list the public ones (with their figures, voice and tags) and the tags, and make, look at, wait for and delete your customised ones.")
    {
        List(console),
        Tags(console),
        CustomAvatarCommands.Create(console),
        CustomAvatarCommands.Get(console),
        CustomAvatarCommands.Wait(console),
        CustomAvatarCommands.Delete(console),
    };

    private static Command List(CliConsole console)
    {
        var mine = new Option<bool>("--mine") { Description = "List the account's customised avatars instead of the public ones." };
        var tag = new Option<string[]>("--tag") { Description = "Only public avatars with this tag ('chanjing avatars tags'). Repeat for more: an avatar must carry every one.", HelpName = "ID" };
        var command = new Command("list", "List the public avatars (id, name, figures with their size, voice, tags), or with --mine your customised ones.") { mine, tag, SharedOptions.Json };
        command.SetAction(CliApplication.Action(console, "chanjing avatars list", async run =>
        {
            var tagIds = (run.Parse.GetValue(tag) ?? []).Select(TagId).ToArray();
            if (run.Parse.GetValue(mine))
            {
                if (tagIds.Length > 0)
                {
                    throw new UsageException("--tag filters the public avatars; it does not apply with --mine.");
                }

                return await ListMineAsync(run).ConfigureAwait(false);
            }

            var query = new PublicAvatarQuery();
            foreach (var id in tagIds)
            {
                query.TagIds.Add(id);
            }

            await using var connection = await run.ConnectAsync().ConfigureAwait(false);
            var avatars = new List<PublicAvatar>();
            await foreach (var avatar in connection.Client.Avatars.ListPublicAsync(query, run.CancellationToken).ConfigureAwait(false))
            {
                avatars.Add(avatar);
            }

            if (run.Json)
            {
                run.PrintJson(w =>
                {
                    w.WriteStartObject();
                    w.WriteStartArray("avatars");
                    avatars.ForEach(a => JobJson.WritePublicAvatar(w, a));
                    w.WriteEndArray();
                    w.WriteEndObject();
                });
                return ExitCodes.Success;
            }

            if (avatars.Count == 0)
            {
                console.Info(tagIds.Length == 0 ? "No public avatars." : "No public avatar carries every one of these tags.");
                return ExitCodes.Success;
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumns("Id", "Name", "Figures", "Voice", "Tags");
            foreach (var avatar in avatars)
            {
                table.AddRow(
                    Markup.Escape(avatar.Id),
                    Markup.Escape(avatar.Name ?? "-"),
                    Markup.Escape(string.Join("\n", avatar.Figures.Select(f => f.ToString()))),
                    Markup.Escape(avatar.VoiceId is null ? "-" : $"{avatar.VoiceName} {avatar.VoiceId}".Trim()),
                    Markup.Escape(string.Join(", ", avatar.TagNames)));
            }

            console.Info("Use an Id with 'chanjing video create --avatar ID [--figure TYPE]'; it speaks with its Voice unless --voice says otherwise.");
            console.OutputConsole.Write(table);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static long TagId(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : throw new UsageException($"--tag must be a positive tag id, as 'chanjing avatars tags' lists them, but was '{text}'.");

    private static async Task<int> ListMineAsync(CommandRun run)
    {
        await using var connection = await run.ConnectAsync().ConfigureAwait(false);
        var avatars = new List<CustomAvatar>();
        await foreach (var avatar in connection.Client.Avatars.ListAsync(run.CancellationToken).ConfigureAwait(false))
        {
            avatars.Add(avatar);
        }

        if (run.Json)
        {
            run.PrintJson(w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("avatars");
                avatars.ForEach(a => JobJson.WriteCustomAvatar(w, a, null));
                w.WriteEndArray();
                w.WriteEndObject();
            });
            return ExitCodes.Success;
        }

        if (avatars.Count == 0)
        {
            run.Console.Info("No customised avatars. Make one with: chanjing avatars create --name NAME --video FILE");
            return ExitCodes.Success;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("Id", "Name", "Status", "Size", "Voice", "Created");
        foreach (var avatar in avatars)
        {
            var status = Markup.Escape(JobText.StatusWithProgress(avatar));
            table.AddRow(
                Markup.Escape(avatar.Id),
                Markup.Escape(avatar.Name ?? "-"),
                avatar.IsSucceeded ? $"[green]{status}[/]" : avatar.Status.IsFailed ? $"[red]{status}[/]" : status,
                avatar.Width is { } width && avatar.Height is { } height ? string.Create(CultureInfo.InvariantCulture, $"{width}x{height}") : "-",
                Markup.Escape(string.IsNullOrEmpty(avatar.VoiceId) ? "-" : avatar.VoiceId),
                avatar.CreatedAt is { } created ? created.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "-");
        }

        run.Console.OutputConsole.Write(table);
        return ExitCodes.Success;
    }

    private static Command Tags(CliConsole console)
    {
        var command = new Command("tags", "List the tag dictionary: each category with its tags, whose ids filter 'chanjing avatars list --tag ID'.") { SharedOptions.Json };
        command.SetAction(CliApplication.Action(console, "chanjing avatars tags", async run =>
        {
            await using var connection = await run.ConnectAsync().ConfigureAwait(false);
            var categories = await connection.Client.Avatars.ListTagsAsync(run.CancellationToken).ConfigureAwait(false);
            if (run.Json)
            {
                run.PrintJson(w =>
                {
                    w.WriteStartObject();
                    w.WriteStartArray("categories");
                    foreach (var category in categories)
                    {
                        w.WriteStartObject();
                        w.WriteNumber("id", category.Id);
                        JsonDocumentWriter.WriteNullable(w, "name", category.Name);
                        w.WriteNumber("businessType", category.BusinessType);
                        w.WriteStartArray("tags");
                        foreach (var tag in category.Tags)
                        {
                            w.WriteStartObject();
                            w.WriteNumber("id", tag.Id);
                            JsonDocumentWriter.WriteNullable(w, "name", tag.Name);
                            w.WriteEndObject();
                        }

                        w.WriteEndArray();
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                });
                return ExitCodes.Success;
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumns("Category", "Tag id", "Tag");
            foreach (var category in categories)
            {
                foreach (var tag in category.Tags)
                {
                    table.AddRow(Markup.Escape(category.Name ?? category.Id.ToString(CultureInfo.InvariantCulture)), tag.Id.ToString(CultureInfo.InvariantCulture), Markup.Escape(tag.Name ?? "-"));
                }
            }

            console.OutputConsole.Write(table);
            return ExitCodes.Success;
        }));
        return command;
    }
}
