using System.Text.Json;

namespace Chanjing.Sdk;

/// <summary>Builds SDK output models for your own tests, with the same shape the service produces.</summary>
public static class ChanjingModelFactory
{
    /// <summary>Creates a video <see cref="Sdk.CreationTask"/> as the service would report it.</summary>
    /// <param name="id">The task id.</param>
    /// <param name="status">The status.</param>
    /// <param name="outputUrls">The outputs; usually only for <see cref="CreationTaskStatus.Success"/>.</param>
    /// <param name="errorMessage">The error text, for failed tasks.</param>
    /// <param name="createdAt">The creation time (whole seconds are kept).</param>
    /// <param name="modelCode">The model code.</param>
    /// <param name="prompt">The echoed prompt.</param>
    /// <param name="referenceImageUrls">The echoed reference images.</param>
    /// <param name="type">The kind of task; default video.</param>
    /// <returns>The task; its <see cref="Sdk.CreationTask.RawJson"/> holds the equivalent wire object.</returns>
    public static CreationTask CreationTask(
        string id,
        CreationTaskStatus status,
        IEnumerable<Uri>? outputUrls = null,
        string? errorMessage = null,
        DateTimeOffset? createdAt = null,
        string modelCode = ReferenceVideoRequest.DefaultModelCode,
        string? prompt = null,
        IEnumerable<Uri>? referenceImageUrls = null,
        CreationType? type = null)
    {
        Guard.NotNullOrWhiteSpace(id, nameof(id));
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("unique_id", id);
            writer.WriteNumber("create_time", createdAt?.ToUnixTimeSeconds() ?? 0);
            writer.WriteNumber("type", (type ?? CreationType.Video).Value);
            writer.WriteString("progress_desc", status.Value);
            writer.WriteString("err_msg", errorMessage ?? string.Empty);
            WriteUrls(writer, "output_url", outputUrls);
            WriteUrls(writer, "ref_img_url", referenceImageUrls);
            writer.WriteStartObject("motion_info");
            writer.WriteString("ref_prompt", prompt ?? string.Empty);
            writer.WriteEndObject();
            writer.WriteString("model_code", modelCode);
            writer.WriteString("model_name", string.Empty);
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return TaskReader.ReadTask(document.RootElement);
    }

    private static void WriteUrls(Utf8JsonWriter writer, string name, IEnumerable<Uri>? urls)
    {
        writer.WriteStartArray(name);
        foreach (var url in urls ?? [])
        {
            writer.WriteStringValue(url.OriginalString);
        }

        writer.WriteEndArray();
    }
}
