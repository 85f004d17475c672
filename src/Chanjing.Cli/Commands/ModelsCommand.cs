using System.CommandLine;
using Chanjing.Cli.Display;
using Chanjing.Cli.Infrastructure;
using Chanjing.Sdk;
using Spectre.Console;

namespace Chanjing.Cli.Commands;

/// <summary><c>chanjing models</c>: the models the tool knows the rules of, what they make and which options they take.</summary>
internal static class ModelsCommand
{
    /// <summary>Builds the command.</summary>
    /// <param name="console">The console.</param>
    /// <returns>The command.</returns>
    public static Command Build(CliConsole console)
    {
        var command = new Command("models", "List the known models: what each makes, its inputs, and the options it requires or refuses. Other model codes work too (checked by the service only).")
        {
            SharedOptions.Json,
        };
        command.SetAction(CliApplication.Action(console, "chanjing models", run =>
        {
            var models = ChanjingModels.Known;
            if (run.Json)
            {
                run.PrintJson(w =>
                {
                    w.WriteStartObject();
                    w.WriteStartArray("models");
                    foreach (var model in models)
                    {
                        w.WriteStartObject();
                        w.WriteString("code", model.Code);
                        w.WriteString("type", JsonDocumentWriter.TypeName(model.CreationType));
                        w.WriteString("family", model.RequestType.Name);
                        w.WriteString("inputs", Inputs(model));
                        w.WriteString("description", model.Description);
                        WriteArray(w, "requiredFields", model.RequiredFields);
                        WriteArray(w, "forbiddenFields", model.ForbiddenFields);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                });
                return Task.FromResult(ExitCodes.Success);
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumns("Model", "Makes", "Inputs", "Requires", "Refuses", "Description");
            foreach (var model in models)
            {
                table.AddRow(
                    Markup.Escape(model.Code),
                    JsonDocumentWriter.TypeName(model.CreationType),
                    Markup.Escape(Inputs(model)),
                    Markup.Escape(Options(model, model.RequiredFields, skipPrompt: true)),
                    Markup.Escape(Options(model, model.ForbiddenFields, skipPrompt: false)),
                    Markup.Escape(model.Description));
            }

            console.OutputConsole.Write(table);
            return Task.FromResult(ExitCodes.Success);
        }));
        return command;
    }

    /// <summary>How the model is given its media on the command line.</summary>
    private static string Inputs(ChanjingModelInfo model) => model.RequestType.Name switch
    {
        nameof(ReferenceVideoRequest) => model.RequiredFields.Contains("ref_img_url") ? "--image (1 or more)" : "--image (optional)",
        nameof(ImageToVideoRequest) => "--start-frame [--end-frame]",
        nameof(TextToVideoRequest) => "prompt only (or --start-frame)",
        nameof(VideoEditRequest) => "--source (videos), --image",
        nameof(ImageGenerationRequest) => model.ForbiddenFields.Contains("ref_img_url") ? "prompt only, --count" : "--image (optional), --count",
        _ => "--field",
    };

    private static string Options(ChanjingModelInfo model, IReadOnlyList<string> fields, bool skipPrompt)
    {
        var names = fields.Where(f => !(skipPrompt && f == "ref_prompt")).Select(f => f switch
        {
            "ref_img_url" => model.RequestType == typeof(VideoEditRequest) ? "--source" : "--image",
            "ref_prompt" => "--prompt",
            "aspect_ratio" => "--aspect-ratio",
            "clarity" => "--clarity",
            "video_duration" => "--duration",
            "start_frame" => "--start-frame",
            "end_frame" => "--end-frame",
            "quality_mode" => "--quality",
            "number_of_images" => "--count",
            _ => $"--field {f}=...",
        }).Distinct(StringComparer.Ordinal).ToArray();
        return names.Length == 0 ? "-" : string.Join(", ", names);
    }

    private static void WriteArray(System.Text.Json.Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
