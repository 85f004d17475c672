using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Chanjing.Emulator.AvatarVideos;
using Chanjing.Emulator.Media;

namespace Chanjing.Emulator.Speech;

/// <summary>A TTS task as <c>audio_task_state</c> (and its callback) reports it, and its WAV.</summary>
internal sealed partial class SpeechTaskStore
{
    /// <summary>
    /// The documented object: <c>id</c>, <c>type</c> "tts", <c>status</c>, <c>text</c> (an array), <c>full</c>
    /// {<c>url</c>, <c>path</c>, <c>duration</c> in seconds} (empty values until a success), <c>slice</c> and
    /// <c>focus_titles</c> null, <c>errMsg</c>, <c>errReason</c>, and <c>subtitles</c> ({<c>key</c>, <c>start_time</c>,
    /// <c>end_time</c> in seconds, <c>subtitle</c>, <c>keywords</c> null}; null until a success).
    /// </summary>
    private JsonObject ToJson(SpeechTask task)
    {
        var state = Status(task);
        var done = Succeeded(state);
        return new JsonObject
        {
            ["id"] = task.Id,
            ["type"] = "tts",
            ["status"] = state.Status,
            ["text"] = new JsonArray(task.Text),
            ["full"] = new JsonObject
            {
                ["url"] = done ? new Uri(baseAddress(), $"files/speech/{task.Id}.wav").AbsoluteUri : string.Empty,
                ["path"] = done ? task.Id + ".wav" : string.Empty,
                ["duration"] = done ? task.Duration.TotalMilliseconds / 1000 : 0,
            },
            ["slice"] = null,
            ["errMsg"] = state.Error,
            ["errReason"] = state.Reason,
            ["subtitles"] = done ? new JsonArray([.. task.Cues.Select((c, i) => (JsonNode)Cue(task, c, i))]) : null,
            ["focus_titles"] = null,
        };
    }

    private static JsonObject Cue(SpeechTask task, SpeechCue cue, int index) => new()
    {
        // 40 hex digits, like the service's keys.
        ["key"] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{task.Id}/{index}"))), 0, 20).ToLowerInvariant(),
        ["start_time"] = cue.StartCentiseconds / 100.0,
        ["end_time"] = cue.EndCentiseconds / 100.0,
        ["subtitle"] = cue.Text,
        ["keywords"] = null,
    };

    /// <summary>The speech: a tone burst a syllable at the speaking rate, exactly <see cref="SpeechTask.Duration"/> long, 16 kHz mono 16-bit PCM.</summary>
    private static byte[] Render(SpeechTask task) =>
        Wav.Write(PcmAudio.Speech(task.Voice + "|" + task.Text, task.Duration, SpeechTiming.CharactersPerSecond * task.Speed, 100));
}
