using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chanjing.Sdk.Benchmarks;

/// <summary>
/// The floor: what a careful engineer writes by hand for the same work (the access_token header, the body, the
/// envelope check, a typed result) with HttpClient and source-generated System.Text.Json, and nothing else.
/// </summary>
public sealed class FloorClient(HttpClient http, string token)
{
    public async Task<string> SubmitAsync(FloorSubmitBody body, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "open/v1/ai_creation/task/submit")
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, FloorJson.Default.FloorSubmitBody)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("access_token", token);
        var envelope = await SendAsync(request, FloorJson.Default.FloorEnvelopeString, cancellationToken).ConfigureAwait(false);
        return envelope.Data ?? throw new InvalidOperationException("no task id");
    }

    public async Task<FloorTask> GetTaskAsync(string id, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "open/v1/ai_creation/task?unique_id=" + Uri.EscapeDataString(id));
        request.Headers.TryAddWithoutValidation("access_token", token);
        var envelope = await SendAsync(request, FloorJson.Default.FloorEnvelopeFloorTask, cancellationToken).ConfigureAwait(false);
        return envelope.Data ?? throw new InvalidOperationException("no task");
    }

    public async Task<FloorPage> ListAsync(FloorListBody body, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "open/v1/ai_creation/task/page")
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, FloorJson.Default.FloorListBody)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("access_token", token);
        var envelope = await SendAsync(request, FloorJson.Default.FloorEnvelopeFloorPage, cancellationToken).ConfigureAwait(false);
        return envelope.Data ?? throw new InvalidOperationException("no page");
    }

    private async Task<FloorEnvelope<T>> SendAsync<T>(HttpRequestMessage request, System.Text.Json.Serialization.Metadata.JsonTypeInfo<FloorEnvelope<T>> type, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var envelope = await JsonSerializer.DeserializeAsync(stream, type, cancellationToken).ConfigureAwait(false) ?? throw new InvalidOperationException("empty body");
        return envelope.Code == 0 ? envelope : throw new InvalidOperationException($"code {envelope.Code}: {envelope.Msg}");
    }
}

public sealed class FloorEnvelope<T>
{
    [JsonPropertyName("trace_id")]
    public string? TraceId { get; set; }

    [JsonPropertyName("code")]
    public int Code { get; set; }

    [JsonPropertyName("msg")]
    public string? Msg { get; set; }

    [JsonPropertyName("data")]
    public T? Data { get; set; }
}

public sealed class FloorSubmitBody
{
    [JsonPropertyName("ref_img_url")]
    public required string[] ReferenceImageUrls { get; init; }

    [JsonPropertyName("ref_prompt")]
    public required string Prompt { get; init; }

    [JsonPropertyName("creation_type")]
    public int CreationType { get; init; } = 4;

    [JsonPropertyName("aspect_ratio")]
    public string AspectRatio { get; init; } = "16:9";

    [JsonPropertyName("clarity")]
    public int Clarity { get; init; } = 1080;

    [JsonPropertyName("video_duration")]
    public int VideoDuration { get; init; } = 5;

    [JsonPropertyName("model_code")]
    public string ModelCode { get; init; } = "happyhorse-1.0-r2v";
}

public sealed class FloorListBody
{
    [JsonPropertyName("unique_ids")]
    public required string[] UniqueIds { get; init; }

    [JsonPropertyName("type")]
    public int Type { get; init; } = 4;

    [JsonPropertyName("page")]
    public int Page { get; init; } = 1;

    [JsonPropertyName("page_size")]
    public int PageSize { get; init; } = 50;
}

public sealed class FloorTask
{
    [JsonPropertyName("unique_id")]
    public string? Id { get; set; }

    [JsonPropertyName("progress_desc")]
    public string? Status { get; set; }

    [JsonPropertyName("err_msg")]
    public string? ErrorMessage { get; set; }

    [JsonPropertyName("output_url")]
    public string[]? OutputUrls { get; set; }

    [JsonPropertyName("type")]
    public int Type { get; set; }

    [JsonPropertyName("model_code")]
    public string? ModelCode { get; set; }

    [JsonPropertyName("create_time")]
    public long CreateTime { get; set; }

    [JsonPropertyName("ref_img_url")]
    public string[]? ReferenceImageUrls { get; set; }

    [JsonPropertyName("motion_info")]
    public FloorMotionInfo? MotionInfo { get; set; }

    [JsonPropertyName("photo_info")]
    public FloorPhotoInfo? PhotoInfo { get; set; }
}

public sealed class FloorMotionInfo
{
    [JsonPropertyName("ref_prompt")]
    public string? Prompt { get; set; }

    [JsonPropertyName("clarity")]
    public int Clarity { get; set; }

    [JsonPropertyName("aspect_ratio")]
    public string? AspectRatio { get; set; }

    [JsonPropertyName("video_duration")]
    public int VideoDuration { get; set; }

    [JsonPropertyName("quality_mode")]
    public string? QualityMode { get; set; }

    [JsonPropertyName("style")]
    public string? Style { get; set; }
}

public sealed class FloorPhotoInfo
{
    [JsonPropertyName("ref_prompt")]
    public string? Prompt { get; set; }

    [JsonPropertyName("clarity")]
    public int Clarity { get; set; }

    [JsonPropertyName("aspect_ratio")]
    public string? AspectRatio { get; set; }

    [JsonPropertyName("number_of_images")]
    public int NumberOfImages { get; set; }
}

public sealed class FloorPage
{
    [JsonPropertyName("list")]
    public FloorTask[]? List { get; set; }

    [JsonPropertyName("total")]
    public int Total { get; set; }
}

[JsonSerializable(typeof(FloorEnvelope<string>))]
[JsonSerializable(typeof(FloorEnvelope<FloorTask>))]
[JsonSerializable(typeof(FloorEnvelope<FloorPage>))]
[JsonSerializable(typeof(FloorSubmitBody))]
[JsonSerializable(typeof(FloorListBody))]
public sealed partial class FloorJson : JsonSerializerContext;
