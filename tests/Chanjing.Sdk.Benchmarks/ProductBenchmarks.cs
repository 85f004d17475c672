using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Refit;

namespace Chanjing.Sdk.Benchmarks;

/// <summary>
/// The avatar-video product against the same in-memory handler: Floor (hand-written HttpClient + source-generated
/// System.Text.Json over the documented body), Refit (an interface over the same DTOs) and Chanjing.Sdk (checked request, paid-create path, typed job with its
/// raw JSON). Floor is each category's baseline.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ProductBenchmarks
{
    private const string Token = "benchmark-token";
    private const string Text = "你好，这是一个测试。欢迎使用蝉镜数字人，我们一起来做一个视频。";
    private static readonly Uri Base = new("https://open-api.chanjing.cc/");

    private HttpClient _floor = null!;
    private IRefitProductApi _refit = null!;
    private ChanjingClient _sdk = null!;
    private AvatarVideoRequest _request = null!;

    [GlobalSetup]
    public void Setup()
    {
        var handler = new ProductHandler();
        _floor = new HttpClient(handler) { BaseAddress = Base };
        _refit = RestService.For<IRefitProductApi>(new HttpClient(handler) { BaseAddress = Base }, new RefitSettings
        {
            ContentSerializer = new SystemTextJsonContentSerializer(new JsonSerializerOptions { TypeInfoResolver = FloorProductJson.Default }),
        });
        _sdk = new ChanjingClient(new HttpClient(handler), new ChanjingOptions { AccessToken = Token });
        _request = new AvatarVideoRequest(VideoAvatar.Public("1421df93d7754ee19dcaa18e85b68f39", AvatarFigureType.SitBody, 1080, 1920), AvatarVideoAudio.FromText(Text, "fc2145c0e59a46c49458796f0115cfb8"))
        {
            BackgroundColor = "#EDEDED",
            Subtitles = new AvatarVideoSubtitles(),
        };
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sdk.Dispose();
        _floor.Dispose();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("CreateAvatarVideo")]
    public async Task<string> Floor_CreateAvatarVideo()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "open/v1/create_video") { Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(VideoBody(), FloorProductJson.Default.FloorVideoBody)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("access_token", Token);
        return (await SendAsync(request, FloorProductJson.Default.FloorEnvelopeString).ConfigureAwait(false)) ?? throw new InvalidOperationException("no id");
    }

    [Benchmark, BenchmarkCategory("CreateAvatarVideo")]
    public async Task<string> Refit_CreateAvatarVideo() => Data(await _refit.CreateVideoAsync(VideoBody(), Token).ConfigureAwait(false));

    [Benchmark, BenchmarkCategory("CreateAvatarVideo")]
    public Task<string> Sdk_CreateAvatarVideo() => _sdk.AvatarVideos.CreateAsync(_request);

    [Benchmark(Baseline = true), BenchmarkCategory("GetAvatarVideo")]
    public async Task<FloorVideo> Floor_GetAvatarVideo()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "open/v1/video?id=" + Uri.EscapeDataString("video-1"));
        request.Headers.TryAddWithoutValidation("access_token", Token);
        return (await SendAsync(request, FloorProductJson.Default.FloorEnvelopeFloorVideo).ConfigureAwait(false)) ?? throw new InvalidOperationException("no video");
    }

    [Benchmark, BenchmarkCategory("GetAvatarVideo")]
    public async Task<FloorVideo> Refit_GetAvatarVideo() => Data(await _refit.GetVideoAsync("video-1", Token).ConfigureAwait(false));

    [Benchmark, BenchmarkCategory("GetAvatarVideo")]
    public Task<AvatarVideo> Sdk_GetAvatarVideo() => _sdk.AvatarVideos.GetAsync("video-1");

    /// <summary>The documented example body, built the way a hand-written client would for each call.</summary>
    private static FloorVideoBody VideoBody() => new()
    {
        Person = new FloorPerson { Id = "1421df93d7754ee19dcaa18e85b68f39", FigureType = "sit_body", Width = 1080, Height = 1920 },
        Audio = new FloorAudio { Tts = new FloorTts { Text = [Text], AudioMan = "fc2145c0e59a46c49458796f0115cfb8" } },
        BgColor = "#EDEDED",
        Subtitles = new FloorSubtitles(),
    };

    private static T Data<T>(FloorEnvelope<T> envelope) => envelope.Code == 0 && envelope.Data is { } data ? data : throw new InvalidOperationException($"code {envelope.Code}");

    private async Task<T?> SendAsync<T>(HttpRequestMessage request, System.Text.Json.Serialization.Metadata.JsonTypeInfo<FloorEnvelope<T>> type)
    {
        using var response = await _floor.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        var envelope = await JsonSerializer.DeserializeAsync(stream, type).ConfigureAwait(false) ?? throw new InvalidOperationException("empty body");
        return envelope.Code == 0 ? envelope.Data : throw new InvalidOperationException($"code {envelope.Code}: {envelope.Msg}");
    }

    /// <summary>Canned answers of <c>create_video</c> and <c>video</c>.</summary>
    private sealed class ProductHandler : HttpMessageHandler
    {
        private readonly byte[] _created = Encoding.UTF8.GetBytes("""{"trace_id":"96afa792520b0e6a86d72e89435bc0a7","code":0,"msg":"success","data":"9499ed79995c4bdb95f0d66ca84419fd"}""");
        private readonly byte[] _video = Encoding.UTF8.GetBytes("""
            {"trace_id":"8ff3fcd57b33566048ef28568c6cee96","code":0,"msg":"success","data":{"id":"video-1","status":30,"progress":100,"msg":"",
             "video_url":"https://res.chanjing.cc/chanjing/res/video/video-1.mp4","subtitle_data_url":"https://res.chanjing.cc/chanjing/res/video/video-1.json",
             "preview_url":"https://res.chanjing.cc/chanjing/res/video/video-1.png","duration":8,"create_time":1772510584,"audio_urls":null}}
            """);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent(request.Method == HttpMethod.Post ? _created : _video);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
        }
    }
}

public sealed class FloorVideoBody
{
    [JsonPropertyName("person")] public FloorPerson Person { get; set; } = new();
    [JsonPropertyName("audio")] public FloorAudio Audio { get; set; } = new();
    [JsonPropertyName("bg_color")] public string? BgColor { get; set; }
    [JsonPropertyName("subtitle_config")] public FloorSubtitles? Subtitles { get; set; }
    [JsonPropertyName("screen_width")] public int ScreenWidth { get; set; } = 1080;
    [JsonPropertyName("screen_height")] public int ScreenHeight { get; set; } = 1920;
}

public sealed class FloorPerson
{
    [JsonPropertyName("id")] public string Id { get; set; } = string.Empty;
    [JsonPropertyName("x")] public int X { get; set; }
    [JsonPropertyName("y")] public int Y { get; set; }
    [JsonPropertyName("width")] public int Width { get; set; }
    [JsonPropertyName("height")] public int Height { get; set; }
    [JsonPropertyName("figure_type")] public string? FigureType { get; set; }
}

public sealed class FloorAudio
{
    [JsonPropertyName("type")] public string Type { get; set; } = "tts";
    [JsonPropertyName("volume")] public int Volume { get; set; } = 100;
    [JsonPropertyName("language")] public string Language { get; set; } = "cn";
    [JsonPropertyName("tts")] public FloorTts Tts { get; set; } = new();
}

public sealed class FloorTts
{
    [JsonPropertyName("text")] public string[] Text { get; set; } = [];
    [JsonPropertyName("speed")] public double Speed { get; set; } = 1;
    [JsonPropertyName("audio_man")] public string AudioMan { get; set; } = string.Empty;
    [JsonPropertyName("pitch")] public double Pitch { get; set; } = 1;
}

public sealed class FloorSubtitles
{
    [JsonPropertyName("show")] public bool Show { get; set; } = true;
    [JsonPropertyName("x")] public int X { get; set; } = 31;
    [JsonPropertyName("y")] public int Y { get; set; } = 1521;
    [JsonPropertyName("width")] public int Width { get; set; } = 1000;
    [JsonPropertyName("height")] public int Height { get; set; } = 200;
    [JsonPropertyName("font_size")] public int FontSize { get; set; } = 64;
    [JsonPropertyName("color")] public string Color { get; set; } = "#FFFFFF";
    [JsonPropertyName("stroke_width")] public int StrokeWidth { get; set; } = 7;
    [JsonPropertyName("asr_type")] public int AsrType { get; set; }
}

public sealed class FloorVideo
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("status")] public int Status { get; set; }
    [JsonPropertyName("progress")] public int Progress { get; set; }
    [JsonPropertyName("msg")] public string? Msg { get; set; }
    [JsonPropertyName("video_url")] public string? VideoUrl { get; set; }
    [JsonPropertyName("subtitle_data_url")] public string? SubtitleDataUrl { get; set; }
    [JsonPropertyName("preview_url")] public string? PreviewUrl { get; set; }
    [JsonPropertyName("duration")] public int Duration { get; set; }
    [JsonPropertyName("create_time")] public long CreateTime { get; set; }
}

[JsonSerializable(typeof(FloorEnvelope<string>))]
[JsonSerializable(typeof(FloorEnvelope<FloorVideo>))]
[JsonSerializable(typeof(FloorVideoBody))]
public sealed partial class FloorProductJson : JsonSerializerContext;

/// <summary>The avatar-video calls as a Refit interface over the floor's DTOs and JSON context.</summary>
public interface IRefitProductApi
{
    [Post("/open/v1/create_video")]
    Task<FloorEnvelope<string>> CreateVideoAsync([Body] FloorVideoBody body, [Header("access_token")] string token);

    [Get("/open/v1/video")]
    Task<FloorEnvelope<FloorVideo>> GetVideoAsync([AliasAs("id")] string id, [Header("access_token")] string token);
}
