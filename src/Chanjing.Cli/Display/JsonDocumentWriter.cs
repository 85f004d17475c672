using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Chanjing.Sdk;

namespace Chanjing.Cli.Display;

/// <summary>Writes the one JSON document of a <c>--json</c> run to stdout (written by hand: no reflection, AOT-safe).</summary>
internal static class JsonDocumentWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Builds a document with <paramref name="write"/> and prints it on stdout.</summary>
    /// <param name="console">The console.</param>
    /// <param name="write">Writes the document's value.</param>
    public static void Print(CliConsole console, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }

        console.Output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        console.Output.Flush();
    }

    /// <summary>Writes a task as an object: id, status, type, model, error, output URLs, and the saved files when known.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="task">The task.</param>
    /// <param name="files">The saved files, or null when nothing was downloaded.</param>
    /// <param name="extra">More properties to add, or null.</param>
    public static void WriteTask(Utf8JsonWriter writer, CreationTask task, IReadOnlyList<string>? files, Action<Utf8JsonWriter>? extra = null)
    {
        writer.WriteStartObject();
        writer.WriteString("taskId", task.Id);
        writer.WriteString("status", task.Status.Value);
        writer.WriteString("type", TypeName(task.Type));
        WriteNullable(writer, "model", task.ModelCode);
        if (task.CreatedAt is { } created)
        {
            writer.WriteString("createdAt", created.ToString("O", CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNull("createdAt");
        }

        WriteNullable(writer, "errorMessage", string.IsNullOrEmpty(task.ErrorMessage) ? null : task.ErrorMessage);
        writer.WriteStartArray("outputUrls");
        foreach (var url in task.OutputUrls)
        {
            writer.WriteStringValue(UrlText.Of(url));
        }

        writer.WriteEndArray();
        writer.WriteStartArray("files");
        foreach (var file in files ?? [])
        {
            writer.WriteStringValue(file);
        }

        writer.WriteEndArray();
        extra?.Invoke(writer);
        writer.WriteEndObject();
    }

    /// <summary>Writes a string property, or null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property name.</param>
    /// <param name="value">The value.</param>
    public static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary><c>video</c>, <c>image</c>, or the number of an unknown type.</summary>
    /// <param name="type">The type.</param>
    /// <returns>The name.</returns>
    public static string TypeName(CreationType type) =>
        type == CreationType.Video ? "video" : type == CreationType.Image ? "image" : type.Value.ToString(CultureInfo.InvariantCulture);
}
