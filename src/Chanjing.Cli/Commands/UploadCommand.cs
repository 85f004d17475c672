using System.CommandLine;
using Chanjing.Cli.Display;
using Chanjing.Cli.Infrastructure;

namespace Chanjing.Cli.Commands;

/// <summary><c>chanjing upload FILE</c>: upload a local file and print its public URL.</summary>
internal static class UploadCommand
{
    /// <summary>Builds the command.</summary>
    /// <param name="console">The console.</param>
    /// <returns>The command.</returns>
    public static Command Build(CliConsole console)
    {
        var file = new Argument<string>("file") { Description = "The local file (its extension sets the type: .jpg, .png, .webp, .mp4, ...)." };
        var command = new Command("upload", "Upload a local file (an image or a video) and print the URL to give a model.") { file, SharedOptions.Json };
        command.SetAction(CliApplication.Action(console, "chanjing upload", async run =>
        {
            var path = run.Parse.GetRequiredValue(file);
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new UsageException($"The file '{path}' does not exist.");
            }

            if (string.IsNullOrEmpty(info.Extension))
            {
                throw new UsageException($"The file '{path}' needs an extension (such as .jpg, .png or .mp4): the service derives its type from it.");
            }

            await using var connection = await run.ConnectAsync().ConfigureAwait(false);
            console.Info($"Uploading {path} ({Elapsed.Bytes(info.Length)}) and waiting until the service has it ready");
            var uploaded = await connection.Client.UploadFileAsync(info.FullName, run.CancellationToken).ConfigureAwait(false);
            if (run.Json)
            {
                run.PrintJson(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("url", UrlText.Of(uploaded.Url));
                    w.WriteString("fileId", uploaded.FileId);
                    w.WriteString("mimeType", uploaded.MimeType);
                    w.WriteNumber("length", uploaded.Length);
                    w.WriteEndObject();
                });
            }
            else
            {
                console.WriteData(UrlText.Of(uploaded.Url));
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
