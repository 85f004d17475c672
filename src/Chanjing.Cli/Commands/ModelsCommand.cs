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
                        WriteArray(w, "requiredOptions", RequiredOptions(model));
                        w.WriteStartObject("defaults");
                        foreach (var (option, value) in CreateInputs.FilledIn(model))
                        {
                            w.WriteString(option, value);
                        }

                        w.WriteEndObject();
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                });
                return Task.FromResult(ExitCodes.Success);
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumns("Model", "Makes", "Inputs", "Requires", "Default", "Refuses", "Description");
            foreach (var model in models)
            {
                var required = RequiredOptions(model);
                var filled = CreateInputs.FilledIn(model);
                table.AddRow(
                    Markup.Escape(model.Code),
                    JsonDocumentWriter.TypeName(model.CreationType),
                    Markup.Escape(Inputs(model)),
                    Markup.Escape(required.Count == 0 ? "-" : string.Join(", ", required)),
                    Markup.Escape(filled.Count == 0 ? "-" : string.Join(", ", filled.Select(f => $"{f.Option} {f.Value}"))),
                    Markup.Escape(Options(model, model.ForbiddenFields)),
                    Markup.Escape(model.Description));
            }

            console.Info("Requires: options to give. Default: what 'chanjing create' uses for a setting the model requires when it is not given.");

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
        nameof(TextToVideoRequest) => model.ForbiddenFields.Contains("start_frame") ? "prompt only" : "prompt only (or --start-frame)",
        nameof(VideoEditRequest) => "--source (videos), --image",
        nameof(ImageGenerationRequest) => model.ForbiddenFields.Contains("ref_img_url") ? "prompt only, --count" : "--image (optional), --count",
        _ => "--field",
    };

    /// <summary>The options a model requires that <c>create</c> does not fill in (the prompt is always required).</summary>
    private static IReadOnlyList<string> RequiredOptions(ChanjingModelInfo model)
    {
        var filled = CreateInputs.FilledIn(model).Select(f => f.Option).ToHashSet(StringComparer.Ordinal);
        var required = OptionNames(model, model.RequiredFields.Where(f => f != "ref_prompt")).Where(o => !filled.Contains(o));

        // An image-to-video request always needs a frame (the SDK refuses one without), whatever the fields say.
        return model.RequestType == typeof(ImageToVideoRequest) ? ["--start-frame", .. required.Where(o => o != "--start-frame")] : required.ToArray();
    }

    private static string Options(ChanjingModelInfo model, IReadOnlyList<string> fields)
    {
        var names = OptionNames(model, fields);
        return names.Length == 0 ? "-" : string.Join(", ", names);
    }

    private static string[] OptionNames(ChanjingModelInfo model, IEnumerable<string> fields)
    {
        return fields.Select(f => OptionMap.ForField(f, model.RequestType == typeof(VideoEditRequest))).Distinct(StringComparer.Ordinal).ToArray();
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
