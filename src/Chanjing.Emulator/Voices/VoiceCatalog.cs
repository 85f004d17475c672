using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Chanjing.Emulator.Http;
using Chanjing.Emulator.Media;

namespace Chanjing.Emulator.Voices;

/// <summary>
/// The public voices (<c>GET /open/v1/list_common_audio</c>): a fixed catalogue of eight, both genders, Chinese and
/// English, each with a real WAV sample (<c>audition</c>). Every public avatar's <c>audio_man_id</c> is one of them.
/// </summary>
internal sealed class VoiceCatalog(Func<Uri> baseAddress)
{
    public static readonly IReadOnlyList<PublicVoice> All =
    [
        new("1a3616ad7e3e4cdbaec29fd9d4904284", "温柔女声", "female", "cn", "温柔亲切，适合知识讲解与情感类口播", 1),
        new("fc2145c0e59a46c49458796f0115cfb8", "磁性中年男声", "male", "cn", "低沉有磁性，适合品牌宣传与纪录片旁白", 1),
        new("ed6250eacfa743a49e1b749dea18fe7d", "活力少女", "female", "cn", "明亮轻快，适合带货与生活分享", 1),
        new("6f287931c42c419298e58e7a1f8084e8", "沉稳新闻男声", "male", "cn", "字正腔圆，适合新闻播报", 2),
        new("a7fef4efa39a4e6daf7707428b8b6846", "知性女主播", "female", "cn", "端庄大方，适合财经与政务播报", 2),
        new("18232a5bdf894718a0019b7425fc4641", "阳光青年", "male", "cn", "自然有朝气，适合教育与科普", 1),
        new("73771a9db134415da9f2c26fab5cb61e", "Emma 英文女声", "female", "en", "Warm American English, for product demos", 1),
        new("c97703bfacef4d5197677d7937437bfd", "James 英文男声", "male", "en", "Calm British English, for narration", 1),
    ];

    private static readonly Dictionary<string, PublicVoice> ById = All.ToDictionary(v => v.Id, StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _samples = new(StringComparer.Ordinal);

    public static PublicVoice? Find(string? id) => id is not null && ById.TryGetValue(id, out var voice) ? voice : null;

    public EmulatorResponse List(string? page, string? size)
    {
        var (p, s, error) = Paging.FromQuery(page, size, 10);
        return error is not null
            ? EmulatorResponse.Envelope(40000, error, null)
            : EmulatorResponse.Ok(Paging.Page([.. All.Select(ToJson)], p, s));
    }

    public string SampleUrl(PublicVoice voice) => new Uri(baseAddress(), $"files/assets/voices/{voice.Id}.wav").AbsoluteUri;

    /// <summary>A voice's sample (a 2 s WAV) by its file name under <c>files/assets/voices/</c>, or null.</summary>
    public (byte[] Content, string ContentType)? Sample(string fileName) =>
        Path.GetExtension(fileName) == ".wav" && Find(Path.GetFileNameWithoutExtension(fileName)) is { } voice
            ? (_samples.GetOrAdd(voice.Id, _ => Wav.Write(PcmAudio.Speech(voice.Name, TimeSpan.FromSeconds(2), 4.5, 100))), "audio/wav")
            : null;

    private JsonNode ToJson(PublicVoice voice) => new JsonObject
    {
        ["id"] = voice.Id,
        ["grade"] = voice.Grade,
        ["name"] = voice.Name,
        ["gender"] = voice.Gender,
        ["lang"] = voice.Lang,
        ["desc"] = voice.Description,
        ["speed"] = 1,
        ["pitch"] = 1,
        ["audition"] = SampleUrl(voice),
    };
}
