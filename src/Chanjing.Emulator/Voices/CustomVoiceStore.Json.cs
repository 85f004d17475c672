using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Chanjing.Emulator.AvatarVideos;
using Chanjing.Emulator.Media;

namespace Chanjing.Emulator.Voices;

/// <summary>How a clone ends (from its name and its sample), its status as time passes, its object, and its training clip.</summary>
internal sealed partial class CustomVoiceStore
{
    private readonly ConcurrentDictionary<string, Lazy<byte[]>> _clips = new(StringComparer.Ordinal);

    /// <summary>A ready voice's training clip (<c>audio_path</c>) by its file name under <c>files/voices/</c>, or null.</summary>
    public (byte[] Content, string ContentType)? Clip(string fileName)
    {
        CustomVoice? voice;
        lock (_gate)
        {
            voice = Find(Path.GetFileNameWithoutExtension(fileName));
            if (voice is null || Path.GetExtension(fileName) != ".wav" || Status(voice).Status != 2)
            {
                return null;
            }
        }

        // The first 10 s of the reference when the emulator has its samples; otherwise 3 s of speech-like sound.
        return (_clips.GetOrAdd(voice.Id, _ => new Lazy<byte[]>(() => Wav.Write(voice.SamplePcm is { } pcm
            ? new PcmAudio(pcm.SampleRate, pcm.Channels, pcm.Data.AsSpan(0, (int)Math.Min(pcm.Data.Length, (long)pcm.SampleRate * pcm.BytesPerFrame * 10)).ToArray())
            : PcmAudio.Speech(voice.Name, TimeSpan.FromSeconds(3), SpeechTiming.CharactersPerSecond, 100)))).Value, "audio/wav");
    }

    /// <summary>
    /// How a clone with this name and reference ends. A reference uploaded to this emulator (the <c>full_path</c> of an
    /// upload, as Chanjing's Python SDK sends it after a <c>prompt_audio</c> upload) is measured: a WAV by its header, an
    /// MP4 / M4A by its <c>mvhd</c>; an MP3 and a foreign URL are not fetched (the emulator never calls out), so their
    /// length is unknown and taken as fine, unless the URL holds <see cref="TooShortMarker"/>.
    /// </summary>
    private (int Status, string Error, PcmAudio? Pcm) Outcome(string name, Uri sample)
    {
        if (name.Contains(AvatarVideoStore.InsufficientCreditsMarker, StringComparison.Ordinal))
        {
            return (4, AvatarVideoStore.InsufficientCreditsMessage, null);
        }

        if (name.Contains(options.FailurePromptMarker, StringComparison.Ordinal))
        {
            return (4, ServiceErrorMessage, null);
        }

        if (Path.GetExtension(sample.AbsolutePath).ToLowerInvariant() is not (".mp3" or ".wav" or ".m4a" or ".mp4"))
        {
            return (4, UnsupportedFormatMessage, null);
        }

        var own = sample.AbsoluteUri.StartsWith(baseAddress().AbsoluteUri, StringComparison.Ordinal);
        var content = own ? files.ContentAt(sample) : null;
        if (own && content is null)
        {
            return (4, UnreachableMessage, null);
        }

        var wav = content is null ? null : Wav.TryRead(content);
        var duration = wav?.Duration ?? (content is null ? null : Mp4Info.TryRead(content)?.Duration);
        if (duration < MinSampleDuration || (duration is null && sample.AbsoluteUri.Contains(TooShortMarker, StringComparison.OrdinalIgnoreCase)))
        {
            return (4, TooShortMessage, null);
        }

        return duration > MaxSampleDuration ? (4, TooLongMessage, null) : (2, string.Empty, wav?.Pcm);
    }

    private (int Status, int Progress, string Error) Status(CustomVoice voice)
    {
        if (voice.ForcedStatus is { } forced)
        {
            return (forced, forced == 2 ? 100 : 0, voice.ForcedError ?? forced switch { 3 => ExpiredMessage, 4 => ServiceErrorMessage, _ => string.Empty });
        }

        var age = Now - voice.CreatedAt;
        if (age < ProductionTime)
        {
            return (age < options.QueuedDuration ? 0 : 1, (int)Math.Clamp(age / ProductionTime * 100, 0, 99), string.Empty);
        }

        if (voice.PlannedStatus != 2)
        {
            return (voice.PlannedStatus, 0, voice.PlannedError);
        }

        return voice.Expires && age >= ProductionTime * 2 ? (3, 100, ExpiredMessage) : (2, 100, string.Empty);
    }

    /// <summary>The documented object: <c>id</c>, <c>name</c>, <c>type</c> (the model), <c>progress</c>, <c>audio_path</c>, <c>err_msg</c>, <c>status</c>.</summary>
    private JsonObject ToJson(CustomVoice voice)
    {
        var (status, progress, error) = Status(voice);
        return new JsonObject
        {
            ["id"] = voice.Id,
            ["name"] = voice.Name,
            ["type"] = voice.Model,
            ["progress"] = progress,
            ["audio_path"] = status == 2 ? new Uri(baseAddress(), $"files/voices/{voice.Id}.wav").AbsoluteUri : string.Empty,
            ["err_msg"] = error,
            ["status"] = status,
        };
    }
}
