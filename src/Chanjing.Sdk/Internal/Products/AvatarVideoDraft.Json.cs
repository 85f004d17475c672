using System.Text.Json;

namespace Chanjing.Sdk.Internal.Products;

/// <summary>The wire body of a checked avatar video, written straight to UTF-8.</summary>
internal sealed partial class AvatarVideoDraft
{
    /// <summary>The wire body, with the uploaded or passed files.</summary>
    public byte[] ToUtf8Json(ResolvedMedia audio, ResolvedMedia background) =>
        JsonBody.Write((Draft: this, Audio: audio, Background: background), static (w, s) => s.Draft.WriteBody(w, s.Audio, s.Background));

    private void WriteBody(Utf8JsonWriter w, ResolvedMedia audio, ResolvedMedia background)
    {
        w.WriteStartObject("person");
        w.WriteString("id", AvatarId);
        w.WriteNumber("x", X);
        w.WriteNumber("y", Y);
        w.WriteNumber("width", Width);
        w.WriteNumber("height", Height);
        if (FigureType is not null)
        {
            w.WriteString("figure_type", FigureType);
        }

        // The docs put these three in person, Chanjing's own script at the top level: sent in both places (only when
        // set), so the service reads them wherever it looks; neither source shows a service refusing an unknown field.
        WritePlacementFields(w);
        w.WriteEndObject();

        w.WriteStartObject("audio");
        w.WriteString("type", Text is null ? "audio" : "tts");
        w.WriteNumber("volume", Volume);
        w.WriteString("language", Language);
        if (Text is not null)
        {
            w.WriteStartObject("tts");
            w.WriteStartArray("text");
            w.WriteStringValue(Text);
            w.WriteEndArray();
            w.WriteNumber("speed", Speed);
            w.WriteString("audio_man", VoiceId);
            w.WriteNumber("pitch", Pitch);
            w.WriteEndObject();
        }
        else if (audio.FileId is not null)
        {
            w.WriteString("file_id", audio.FileId);
        }
        else
        {
            w.WriteString("wav_url", audio.Url!.AbsoluteUri);
        }

        w.WriteEndObject();
        if (BackgroundColor is not null)
        {
            w.WriteString("bg_color", BackgroundColor);
        }

        if (Background.Kind != MediaSourceKind.None)
        {
            w.WriteStartObject("bg");
            if (background.FileId is not null)
            {
                w.WriteString("file_id", background.FileId);
            }
            else
            {
                w.WriteString("src_url", background.Url!.AbsoluteUri);
            }

            w.WriteNumber("x", 0);
            w.WriteNumber("y", 0);
            w.WriteNumber("width", ScreenWidth);
            w.WriteNumber("height", ScreenHeight);
            w.WriteEndObject();
        }

        WriteSubtitles(w);
        w.WriteNumber("screen_width", ScreenWidth);
        w.WriteNumber("screen_height", ScreenHeight);
        if (Model is { } model)
        {
            w.WriteNumber("model", (int)model);
        }

        w.WriteNumber("resolution_rate", Use4K ? 1 : 0);
        if (Watermark)
        {
            w.WriteBoolean("add_compliance_watermark", true);
            if (WatermarkPosition is { } position)
            {
                w.WriteNumber("compliance_watermark_position", (int)position);
            }
        }

        if (Callback is not null)
        {
            w.WriteString("callback", Callback.AbsoluteUri);
        }

        WritePlacementFields(w);
        foreach (var pair in Additional)
        {
            w.WritePropertyName(pair.Key);
            if (pair.Value is null)
            {
                w.WriteNullValue();
            }
            else
            {
                pair.Value.WriteTo(w);
            }
        }
    }

    private void WritePlacementFields(Utf8JsonWriter w)
    {
        if (Random)
        {
            w.WriteString("drive_mode", "random");
        }

        if (Rgba)
        {
            w.WriteBoolean("is_rgba_mode", true);
        }

        if (Playback is { } playback)
        {
            w.WriteNumber("backway", (int)playback);
        }
    }

    private void WriteSubtitles(Utf8JsonWriter w)
    {
        if (Subtitles is not { } s)
        {
            return;
        }

        w.WriteStartObject("subtitle_config");
        w.WriteBoolean("show", s.Show);
        if (s.Box is { } box)
        {
            w.WriteNumber("x", box.X);
            w.WriteNumber("y", box.Y);
            w.WriteNumber("width", box.Width);
            w.WriteNumber("height", box.Height);
            w.WriteNumber("font_size", box.FontSize);
            w.WriteString("color", s.Color);
            if (s.StrokeColor is not null)
            {
                w.WriteString("stroke_color", s.StrokeColor);
            }

            w.WriteNumber("stroke_width", s.StrokeWidth);
            if (s.FontId is not null)
            {
                w.WriteString("font_id", s.FontId);
            }

            w.WriteNumber("asr_type", 0);
        }

        w.WriteEndObject();
    }
}
