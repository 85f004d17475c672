using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Chanjing.Emulator.Models;

/// <summary>Checks a submit body against <see cref="ModelCatalog"/>, with the service's Chinese messages.</summary>
internal static class SubmitValidator
{
    public const string UnknownModel = "模型不存在";

    /// <summary>The validated request, or the <c>msg</c> of the 40000 answer.</summary>
    public static (SubmitRequest? Request, string? Error) Validate(JsonObject body)
    {
        if (Text(body, "model_code") is not { Length: > 0 } code)
        {
            return (null, "参数错误: model_code 必填");
        }

        if (!ModelCatalog.ByCode.TryGetValue(code, out var model))
        {
            return (null, UnknownModel);
        }

        if (body["creation_type"]?.GetValueKind() != JsonValueKind.Number || !body["creation_type"]!.AsValue().TryGetValue<int>(out var type) || type != model.CreationType)
        {
            return (null, $"参数错误: creation_type 必须为 {model.CreationType.ToString(CultureInfo.InvariantCulture)}");
        }

        foreach (var field in model.Fields)
        {
            if (Check(body, field) is { } error)
            {
                return (null, error);
            }
        }

        if (model.RequireOneOf.Count > 0 && !model.RequireOneOf.Any(f => IsPresent(body[f])))
        {
            return (null, $"参数错误: {string.Join(" 或 ", model.RequireOneOf)} 必填");
        }

        var images = Urls(body, "ref_img_url");
        if (model.RequiresVideoReference && !images.Any(IsVideoUrl))
        {
            return (null, "参数错误: ref_img_url 至少包含一个视频 (mp4/mov)");
        }

        Uri? callback = null;
        if (IsPresent(body["callback"]) && (Text(body, "callback") is not { } text || !TryHttpUrl(text, out callback)))
        {
            return (null, "参数错误: callback 必须是 http(s) URL");
        }

        var count = Number(body, "number_of_images") ?? 1;
        return (new SubmitRequest(model)
        {
            Prompt = Text(body, "ref_prompt") ?? string.Empty,
            Images = images,
            StartFrame = Text(body, "start_frame"),
            EndFrame = Text(body, "end_frame"),
            AspectRatio = Text(body, "aspect_ratio") ?? (model.Fields.Any(f => f.Name == "aspect_ratio") || !model.IsVideo ? model.DefaultAspectRatio : string.Empty),
            Clarity = Number(body, "clarity") ?? model.DefaultClarity,
            Duration = model.IsVideo ? Number(body, "video_duration") ?? model.DefaultDuration : 0,
            QualityMode = Text(body, "quality_mode") ?? string.Empty,
            Style = Text(body, "style") ?? string.Empty,
            NumberOfImages = model.IsVideo ? 0 : count,
            Callback = callback,
        }, null);
    }

    private static string? Check(JsonObject body, FieldRule rule)
    {
        var node = body[rule.Name];
        if (!IsPresent(node))
        {
            return rule.Presence == FieldPresence.Required ? $"参数错误: {rule.Name} 必填" : null;
        }

        if (rule.Presence == FieldPresence.Forbidden)
        {
            return rule.Kind is FieldKind.Url or FieldKind.UrlList
                ? $"参数错误: 该模型不支持参考图 ({rule.Name})"
                : $"参数错误: 该模型不支持 {rule.Name}";
        }

        switch (rule.Kind)
        {
            case FieldKind.UrlList:
                if (node is not JsonArray array || array.Any(i => i?.GetValueKind() != JsonValueKind.String || !TryHttpUrl((string)i!, out _)))
                {
                    return $"参数错误: {rule.Name} 必须是URL数组";
                }

                return array.Count < rule.Min || array.Count > rule.Max
                    ? $"参数错误: {rule.Name} 数量必须在 {rule.Min}-{rule.Max} 之间"
                    : null;
            case FieldKind.Url:
                return node!.GetValueKind() == JsonValueKind.String && TryHttpUrl((string)node!, out _) ? null : $"参数错误: {rule.Name} 必须是URL";
            case FieldKind.Integer:
                if (node!.GetValueKind() != JsonValueKind.Number || !node.AsValue().TryGetValue<int>(out var number))
                {
                    return $"参数错误: {rule.Name} 必须是整数";
                }

                if (rule.AllowedNumbers.Count > 0)
                {
                    return rule.AllowedNumbers.Contains(number) ? null : $"参数错误: {rule.Name} 取值必须为 {string.Join('/', rule.AllowedNumbers)}";
                }

                return number < rule.Min || number > rule.Max ? $"参数错误: {rule.Name} 取值范围 {rule.Min}-{rule.Max}" : null;
            default:
                if (node!.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace((string)node!))
                {
                    return $"参数错误: {rule.Name} 必须是非空字符串";
                }

                var text = (string)node!;
                if (rule.AllowedText.Count > 0)
                {
                    return rule.AllowedText.Contains(text, StringComparer.Ordinal) ? null : $"参数错误: {rule.Name} 取值必须为 {string.Join('/', rule.AllowedText)}";
                }

                return rule.Kind == FieldKind.Ratio && !IsRatio(text) ? $"参数错误: {rule.Name} 格式必须为 宽:高" : null;
        }
    }

    /// <summary>Absent, null, an empty string and an empty array all count as "not sent", as Chanjing's own clients send them.</summary>
    private static bool IsPresent(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => false,
        JsonValueKind.String => ((string)node!).Length > 0,
        JsonValueKind.Array => node!.AsArray().Count > 0,
        _ => true,
    };

    private static string? Text(JsonObject body, string name) =>
        body[name]?.GetValueKind() == JsonValueKind.String && (string)body[name]! is { Length: > 0 } text ? text : null;

    private static int? Number(JsonObject body, string name) =>
        body[name]?.GetValueKind() == JsonValueKind.Number && body[name]!.AsValue().TryGetValue<int>(out var value) ? value : null;

    private static List<string> Urls(JsonObject body, string name) =>
        body[name] is JsonArray array ? [.. array.Where(i => i?.GetValueKind() == JsonValueKind.String).Select(i => (string)i!)] : [];

    private static bool TryHttpUrl(string text, out Uri? uri) =>
        Uri.TryCreate(text, UriKind.Absolute, out uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static bool IsVideoUrl(string url) =>
        Path.GetExtension(new Uri(url).AbsolutePath).ToLowerInvariant() is ".mp4" or ".mov";

    private static bool IsRatio(string text)
    {
        var parts = text.Split(':');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var w) && w > 0
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var h) && h > 0;
    }
}
