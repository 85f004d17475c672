using System.Text.Json;
using Chanjing.Sdk;

namespace Chanjing.Cli.Display;

/// <summary>The JSON objects of speech tasks, voices, lip-sync videos and avatar design tasks.</summary>
internal static partial class JobJson
{
    /// <summary>Writes a speech task: id, status, error, duration, audio URL, subtitle cues, and the saved files when known.</summary>
    /// <param name="w">The writer.</param>
    /// <param name="speech">The task.</param>
    /// <param name="files">The saved files (audio, then SRT), or null.</param>
    /// <param name="extra">More properties, or null.</param>
    public static void WriteSpeech(Utf8JsonWriter w, SpeechTask speech, IReadOnlyList<string>? files, Action<Utf8JsonWriter>? extra = null)
    {
        w.WriteStartObject();
        w.WriteString("id", speech.Id);
        w.WriteNumber("status", speech.Status.Value);
        w.WriteString("state", State(speech));
        JsonDocumentWriter.WriteNullable(w, "errorMessage", string.IsNullOrEmpty(speech.ErrorMessage) ? null : speech.ErrorMessage);
        WriteSeconds(w, speech.Duration);
        WriteUrl(w, "audioUrl", speech.AudioUrl);
        w.WriteStartArray("subtitles");
        foreach (var cue in speech.Subtitles)
        {
            w.WriteStartObject();
            w.WriteString("text", cue.Text);
            w.WriteNumber("start", cue.Start.TotalSeconds);
            w.WriteNumber("end", cue.End.TotalSeconds);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteOutputs(w, speech, files);
        extra?.Invoke(w);
        w.WriteEndObject();
    }

    /// <summary>Writes a voice clone: id, name, model, status, progress, error, training clip.</summary>
    /// <param name="w">The writer.</param>
    /// <param name="voice">The voice.</param>
    /// <param name="files">Unused (a voice has no file); kept for the shared flow.</param>
    /// <param name="extra">More properties, or null.</param>
    public static void WriteCustomVoice(Utf8JsonWriter w, CustomVoice voice, IReadOnlyList<string>? files, Action<Utf8JsonWriter>? extra = null)
    {
        w.WriteStartObject();
        w.WriteString("id", voice.Id);
        JsonDocumentWriter.WriteNullable(w, "name", voice.Name);
        JsonDocumentWriter.WriteNullable(w, "model", voice.ModelType);
        w.WriteNumber("status", voice.Status.Value);
        w.WriteString("state", State(voice));
        WriteNumber(w, "progress", voice.Progress);
        JsonDocumentWriter.WriteNullable(w, "errorMessage", string.IsNullOrEmpty(voice.ErrorMessage) || voice.IsSucceeded ? null : voice.ErrorMessage);
        WriteUrl(w, "sampleClipUrl", voice.SampleClipUrl);
        WriteTime(w, "createdAt", voice.CreatedAt);
        WriteOutputs(w, voice, files);
        extra?.Invoke(w);
        w.WriteEndObject();
    }

    /// <summary>Writes a public voice: id, name, gender, language, description, sample URL.</summary>
    /// <param name="w">The writer.</param>
    /// <param name="voice">The voice.</param>
    public static void WritePublicVoice(Utf8JsonWriter w, PublicVoice voice)
    {
        w.WriteStartObject();
        w.WriteString("id", voice.Id);
        JsonDocumentWriter.WriteNullable(w, "name", voice.Name);
        JsonDocumentWriter.WriteNullable(w, "gender", voice.Gender);
        JsonDocumentWriter.WriteNullable(w, "language", voice.Language);
        JsonDocumentWriter.WriteNullable(w, "description", voice.Description);
        WriteUrl(w, "sampleUrl", voice.SampleUrl);
        w.WriteEndObject();
    }

    /// <summary>Writes a lip-sync video: id, status, progress, error, duration, URLs, and the saved files when known.</summary>
    /// <param name="w">The writer.</param>
    /// <param name="video">The video.</param>
    /// <param name="files">The saved files, or null.</param>
    /// <param name="extra">More properties, or null.</param>
    public static void WriteLipSync(Utf8JsonWriter w, LipSyncVideo video, IReadOnlyList<string>? files, Action<Utf8JsonWriter>? extra = null)
    {
        w.WriteStartObject();
        w.WriteString("id", video.Id);
        w.WriteNumber("status", video.Status.Value);
        w.WriteString("state", State(video));
        WriteNumber(w, "progress", video.Progress);
        JsonDocumentWriter.WriteNullable(w, "errorMessage", string.IsNullOrEmpty(video.ErrorMessage) ? null : video.ErrorMessage);
        WriteSeconds(w, video.Duration);
        WriteUrl(w, "videoUrl", video.VideoUrl);
        WriteUrl(w, "coverUrl", video.CoverUrl);
        WriteTime(w, "createdAt", video.CreatedAt);
        WriteOutputs(w, video, files);
        extra?.Invoke(w);
        w.WriteEndObject();
    }

    /// <summary>Writes a photo or motion task: id, kind, status, error, queue position, outputs, and the saved files when known.</summary>
    /// <param name="w">The writer.</param>
    /// <param name="task">The task.</param>
    /// <param name="files">The saved files, or null.</param>
    /// <param name="extra">More properties, or null.</param>
    public static void WriteDesignTask(Utf8JsonWriter w, AvatarDesignTask task, IReadOnlyList<string>? files, Action<Utf8JsonWriter>? extra = null)
    {
        w.WriteStartObject();
        w.WriteString("id", task.Id);
        w.WriteString("kind", task is AvatarMotionTask ? "motion" : "photo");
        w.WriteString("status", task.Status.Value);
        w.WriteString("state", State(task));
        JsonDocumentWriter.WriteNullable(w, "errorMessage", string.IsNullOrEmpty(task.ErrorMessage) ? null : task.ErrorMessage);
        WriteNumber(w, "queuePosition", task.QueuePosition);
        if (task is AvatarPhotoTask photo)
        {
            JsonDocumentWriter.WriteNullable(w, "aspectRatio", photo.AspectRatio);
        }

        WriteOutputs(w, task, files);
        extra?.Invoke(w);
        w.WriteEndObject();
    }

    /// <summary>Writes a LoRA task: id, status, error and the photo tasks it made.</summary>
    /// <param name="w">The writer.</param>
    /// <param name="lora">The task.</param>
    /// <param name="files">Unused (a LoRA has no file); kept for the shared flow.</param>
    /// <param name="extra">More properties, or null.</param>
    public static void WriteLora(Utf8JsonWriter w, AvatarLoraTask lora, IReadOnlyList<string>? files, Action<Utf8JsonWriter>? extra = null)
    {
        w.WriteStartObject();
        w.WriteString("id", lora.Id);
        w.WriteString("kind", "lora");
        w.WriteString("status", lora.Status.Value);
        w.WriteString("state", State(lora));
        JsonDocumentWriter.WriteNullable(w, "errorMessage", string.IsNullOrEmpty(lora.ErrorMessage) ? null : lora.ErrorMessage);
        w.WriteStartArray("photoTaskIds");
        foreach (var id in lora.PhotoTaskIds)
        {
            w.WriteStringValue(id);
        }

        w.WriteEndArray();
        WriteOutputs(w, lora, files);
        extra?.Invoke(w);
        w.WriteEndObject();
    }

    private static void WriteSeconds(Utf8JsonWriter w, TimeSpan? duration)
    {
        if (duration is { } value)
        {
            w.WriteNumber("durationSeconds", value.TotalSeconds);
        }
        else
        {
            w.WriteNull("durationSeconds");
        }
    }
}
