using System.Globalization;

namespace Chanjing.Sdk.Internal.Products;

/// <summary>The checked wire bodies of the speech and voice products (every documented limit before any I/O).</summary>
internal static class SpeechBodies
{
    public static byte[] Create(SpeechRequest request)
    {
        Guard.NotNull(request, nameof(request));
        var (text, plain, voice, speed, pitch, watermark, callback) = (request.Text, request.PlainText, request.VoiceId, request.Speed, request.Pitch, request.AigcWatermark, request.CallbackUrl);
        CheckText(text, "request.Text");
        if (plain is not null)
        {
            CheckText(plain, "request.PlainText");
        }

        Guard.Identifier(voice, "request.VoiceId");
        Between(speed, 0.5, 2, "request.Speed");
        Between(pitch, 0.1, 3, "request.Pitch");
        CheckCallback(callback, "request.CallbackUrl");
        // Chanjing's Python SDK sends the text as its own plain twin; for SSML that would put the markup in the subtitles.
        plain ??= text.IndexOf('<') < 0 ? text : null;
        return JsonBody.Write(w =>
        {
            w.WriteString("audio_man", voice);
            w.WriteNumber("speed", speed);
            w.WriteNumber("pitch", pitch);
            w.WriteStartObject("text");
            w.WriteString("text", text);
            JsonBody.OptionalString(w, "plain_text", plain);
            w.WriteEndObject();
            w.WriteBoolean("aigc_watermark", watermark);
            JsonBody.OptionalString(w, "callback", callback?.AbsoluteUri);
        });
    }

    public static void CheckText(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException($"{name} must not be empty.", "request");
        }

        if (text!.Length > SpeechRequest.MaxTextLength)
        {
            throw new ArgumentException($"{name} is {text.Length} characters long; Chanjing takes under 4,000 ({SpeechRequest.MaxTextLength} at most). GenerateLongAsync splits a longer script into parts.", "request");
        }
    }

    public static void Between(double value, double min, double max, string name)
    {
        if (!(value >= min && value <= max))
        {
            throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "{0} must be between {1} and {2}, but was {3}.", name, min, max, value), "request");
        }
    }

    public static void CheckCallback(Uri? callback, string name)
    {
        if (callback is not null && !(callback.IsAbsoluteUri && (callback.Scheme == Uri.UriSchemeHttp || callback.Scheme == Uri.UriSchemeHttps)))
        {
            throw new ArgumentException($"{name} must be an absolute http(s) URL, but was '{callback}'.", "request");
        }
    }
}
