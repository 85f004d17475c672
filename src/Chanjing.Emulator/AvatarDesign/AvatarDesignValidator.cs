using System.Text.Json;
using System.Text.Json.Nodes;
using Chanjing.Emulator.Http;
using static Chanjing.Emulator.Http.RequestFields;

namespace Chanjing.Emulator.AvatarDesign;

/// <summary>
/// Checks the bodies of <c>aigc/photo</c>, <c>aigc/motion</c> and <c>aigc/lora/task/create</c> against the rules of
/// Chanjing's text-to-digital-person reference (no official page exists): required fields, <c>gender</c> Male/Female,
/// <c>number_of_images</c> 1-4, <c>aspect_ratio</c> 0/1, <c>background</c>/<c>detail</c>/<c>talking_pose</c> at most
/// 1,500 characters, <c>emotion</c> at most 800, <c>ref_content</c> style/appearance, URLs only (http(s)), 5-50 LoRA
/// photos. Throws <see cref="RequestRefusedException"/> with the <c>msg</c> of the code-40000 answer.
/// </summary>
internal static class AvatarDesignValidator
{
    public const int PromptMaxLength = 1500;
    public const int EmotionMaxLength = 800;
    public const int MinLoraPhotos = 5;
    public const int MaxLoraPhotos = 50;

    /// <summary>A photo request: its aspect ratio, image count, and its values joined (the pictures' seed, where markers are looked for).</summary>
    public sealed record Photo(int AspectRatio, int Images, string Text);

    public sealed record Motion(string PhotoUniqueId, string PhotoPath, string Emotion, bool Gesture);

    public sealed record Lora(string Name, IReadOnlyList<string> Photos, string? RetryId);

    public static Photo ParsePhoto(JsonObject body)
    {
        var age = Required(body, "age");
        var gender = Required(body, "gender");
        if (gender is not ("Male" or "Female"))
        {
            throw Refuse("参数错误: gender 仅支持 Male、Female");
        }

        var images = Int(body, "number_of_images", 1, 4) ?? throw Refuse("参数错误: number_of_images 必填");
        var aspect = Int(body, "aspect_ratio", 0, 1) ?? 0;
        var prompts = new[] { "background", "detail", "talking_pose" }.Select(f => Text(body, f, PromptMaxLength) ?? string.Empty).ToList();
        var industry = String(body, "industry") ?? string.Empty;
        var origin = String(body, "origin") ?? string.Empty;
        var reference = Url(body, "ref_img_url");
        var refContent = String(body, "ref_content");
        if (refContent is not (null or "" or "style" or "appearance"))
        {
            throw Refuse("参数错误: ref_content 仅支持 style、appearance");
        }

        return new Photo(aspect, images, string.Join('|', [age, gender, .. prompts, industry, origin, reference?.AbsoluteUri ?? string.Empty, refContent ?? string.Empty]));
    }

    public static Motion ParseMotion(JsonObject body)
    {
        var photoId = Required(body, "photo_unique_id");
        var path = Url(body, "photo_path") ?? throw Refuse("参数错误: photo_path 必填");
        var emotion = Text(body, "emotion", EmotionMaxLength) ?? string.Empty;
        var gesture = Bool(body, "gesture") ?? false;
        return new Motion(photoId, path.AbsoluteUri, emotion, gesture);
    }

    public static Lora ParseLora(JsonObject body)
    {
        var name = Required(body, "name");
        if (body["photos"] is not JsonArray photos || photos.Any(p => p?.GetValueKind() != JsonValueKind.String))
        {
            throw Refuse("参数错误: photos 应为图片链接数组");
        }

        if (photos.Count is < MinLoraPhotos or > MaxLoraPhotos)
        {
            throw Refuse($"参数错误: 照片素材数量必须在 {MinLoraPhotos} 到 {MaxLoraPhotos} 张之间");
        }

        var urls = photos.Select(p => (string)p!).ToList();
        if (urls.Any(u => !IsHttpUrl(u, out _)))
        {
            throw Refuse("参数错误: photos 仅支持 http(s) 图片链接");
        }

        var retry = String(body, "lora_id");
        return new Lora(name, urls, string.IsNullOrEmpty(retry) ? null : retry);
    }

    public static (T? Value, string? Error) Try<T>(Func<T> parse)
        where T : class
    {
        try
        {
            return (parse(), null);
        }
        catch (RequestRefusedException e)
        {
            return (null, e.Message);
        }
    }
}
