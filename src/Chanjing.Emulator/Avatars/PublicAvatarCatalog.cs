using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Chanjing.Emulator.Http;
using Chanjing.Emulator.Media;
using Chanjing.Emulator.Voices;

namespace Chanjing.Emulator.Avatars;

/// <summary>
/// The public avatars (<c>GET /open/v1/list_common_dp</c>, filtered by <c>tag_ids</c> with AND semantics) and the tag
/// dictionary (<c>GET /open/v1/common/tag_list</c>, <c>business_type</c> values combined as a union): a fixed
/// catalogue of twelve avatars whose voices are public voices of <see cref="VoiceCatalog"/>, with real PNG pictures
/// and MP4 previews (with sound) under <c>files/assets/avatars/</c>.
/// </summary>
internal sealed class PublicAvatarCatalog(Func<Uri> baseAddress, MediaWriter media, VoiceCatalog voices)
{
    private const string TagUpdateTime = "2026-03-24 12:00:00";

    public static readonly IReadOnlyList<AvatarTagCategory> Categories =
    [
        new(1, "性别", 1, 100, [new(101, "男", 10), new(102, "女", 9)]),
        new(2, "场景", 1, 90, [new(201, "口播", 10), new(202, "带货", 9), new(203, "教育", 8), new(204, "新闻", 7)]),
        new(3, "形象风格", 1, 80, [new(301, "商务正装", 10), new(302, "休闲", 9), new(303, "国风", 8)]),
        new(4, "音色风格", 2, 70, [new(401, "温柔", 10), new(402, "磁性", 9), new(403, "活力", 8)]),
    ];

    public static readonly IReadOnlyList<PublicAvatar> All =
    [
        new("1421df93d7754ee19dcaa18e85b68f39", "文昊", "fc2145c0e59a46c49458796f0115cfb8", [101, 201, 301], ["sit_body", "circle_view"]),
        new("d85e50ecab2e4401afa8718643e42cc7", "思琪", "1a3616ad7e3e4cdbaec29fd9d4904284", [102, 201, 203, 302], ["whole_body", "sit_body"]),
        new("88bfec426f9d49e7a8909a561a9efba5", "嘉怡", "ed6250eacfa743a49e1b749dea18fe7d", [102, 202, 302], ["whole_body"]),
        new("7d4909238156417596102f82b50824fa", "子轩", "18232a5bdf894718a0019b7425fc4641", [101, 203, 302], ["sit_body", "circle_view"]),
        new("a0f4051f5f6245c29b75f56a2ac13012", "雅婷", "a7fef4efa39a4e6daf7707428b8b6846", [102, 204, 301], ["sit_body"]),
        new("2c7535567e014f608d074ab5b0ad5d2f", "国栋", "6f287931c42c419298e58e7a1f8084e8", [101, 204, 301], ["sit_body", "whole_body"]),
        new("75005f3fcc4a464c8e48ccf551d66a9a", "婉清", "1a3616ad7e3e4cdbaec29fd9d4904284", [102, 201, 303], ["whole_body", "circle_view"]),
        new("febc6dd40b8244eba759ebfc58ce5f78", "浩然", "fc2145c0e59a46c49458796f0115cfb8", [101, 202, 301], ["whole_body"]),
        new("fb061508d78e4d38902335ec2c4ab82d", "梦瑶", "ed6250eacfa743a49e1b749dea18fe7d", [102, 202, 303], ["sit_body"]),
        new("8c0a31ddb3d947ed98e4f25b6ec7b41c", "俊杰", "18232a5bdf894718a0019b7425fc4641", [101, 201, 302], ["whole_body", "sit_body", "circle_view"]),
        new("ffb713ccda2d46b988e7a02a3e349e12", "Emma", "73771a9db134415da9f2c26fab5cb61e", [102, 203, 302], ["sit_body"]),
        new("8bec0b149e0b4b7fb47095e59e1a16ce", "James", "c97703bfacef4d5197677d7937437bfd", [101, 204, 301], ["whole_body"]),
    ];

    private static readonly Dictionary<string, PublicAvatar> ById = All.ToDictionary(a => a.Id, StringComparer.Ordinal);
    private static readonly Dictionary<int, AvatarTag> TagsById = Categories.SelectMany(c => c.Tags).ToDictionary(t => t.Id);
    private readonly ConcurrentDictionary<string, Lazy<byte[]>> _assets = new(StringComparer.Ordinal);

    public static PublicAvatar? Find(string? id) => id is not null && ById.TryGetValue(id, out var avatar) ? avatar : null;

    public EmulatorResponse List(string? page, string? size, string? tagIds, string? source)
    {
        var (p, s, error) = Paging.FromQuery(page, size, 10);
        if (error is not null)
        {
            return EmulatorResponse.Envelope(40000, error, null);
        }

        if (!string.IsNullOrEmpty(source) && !int.TryParse(source, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            return EmulatorResponse.Envelope(40000, "参数错误: source 应为整数", null);
        }

        if (!TryParseIds(tagIds, out var wanted))
        {
            return EmulatorResponse.Envelope(40000, "参数错误: tag_ids 应为逗号分隔的标签 id", null);
        }

        var matching = All.Where(a => wanted.All(a.TagIds.Contains)).Select(ToJson).ToList();
        return EmulatorResponse.Ok(Paging.Page(matching, p, s));
    }

    public static EmulatorResponse TagList(string? businessType)
    {
        if (!TryParseIds(businessType, out var types))
        {
            return EmulatorResponse.Envelope(40000, "参数错误: business_type 应为逗号分隔的整数", null);
        }

        var list = new JsonArray([.. Categories.Where(c => types.Count == 0 || types.Contains(c.BusinessType)).Select(c => (JsonNode)new JsonObject
        {
            ["id"] = c.Id,
            ["name"] = c.Name,
            ["business_type"] = c.BusinessType,
            ["weight"] = c.Weight,
            ["tag_child_count"] = c.Tags.Count,
            ["update_time"] = TagUpdateTime,
            ["tag_list"] = new JsonArray([.. c.Tags.Select(t => (JsonNode)new JsonObject
            {
                ["id"] = t.Id,
                ["name"] = t.Name,
                ["category_id"] = c.Id,
                ["parent_id"] = 0,
                ["level"] = 1,
                ["weight"] = t.Weight,
                ["status"] = 1,
                ["update_time"] = TagUpdateTime,
            })]),
        })]);
        return EmulatorResponse.Ok(new JsonObject { ["list"] = list });
    }

    /// <summary>A figure's picture (<c>{id}_{type}.png</c>) or preview (<c>{id}_{type}.mp4</c>) under <c>files/assets/avatars/</c>, or null.</summary>
    public (byte[] Content, string ContentType)? Asset(string fileName)
    {
        var extension = Path.GetExtension(fileName);
        var parts = Path.GetFileNameWithoutExtension(fileName).Split('_', 2);
        if (parts.Length != 2 || Find(parts[0]) is not { } avatar || !avatar.FigureTypes.Contains(parts[1]) || extension is not (".png" or ".mp4"))
        {
            return null;
        }

        var (width, height) = media.Scaled(PublicAvatar.FigureSize(parts[1]).Width, PublicAvatar.FigureSize(parts[1]).Height);
        var content = _assets.GetOrAdd(fileName, _ => new Lazy<byte[]>(() => extension == ".png"
            ? MediaWriter.Png(avatar.Id + parts[1], width, height)
            : media.Mp4(avatar.Id + parts[1], width, height, TimeSpan.FromSeconds(3), PcmAudio.Speech(avatar.Name, TimeSpan.FromSeconds(3), 4.5, 100)))).Value;
        return (content, extension == ".png" ? "image/png" : "video/mp4");
    }

    private JsonNode ToJson(PublicAvatar avatar)
    {
        var voice = VoiceCatalog.Find(avatar.VoiceId)!;
        return new JsonObject
        {
            ["id"] = avatar.Id,
            ["name"] = avatar.Name,
            ["figures"] = new JsonArray([.. avatar.FigureTypes.Select(type =>
            {
                var picture = AssetUrl(avatar, type, ".png");
                var (width, height) = PublicAvatar.FigureSize(type);
                return (JsonNode)new JsonObject
                {
                    ["pic_path"] = picture,
                    ["type"] = type,
                    ["cover"] = picture,
                    ["width"] = width,
                    ["height"] = height,
                    ["preview_video_url"] = AssetUrl(avatar, type, ".mp4"),
                };
            })]),
            ["gender"] = string.Empty,
            ["width"] = 0,
            ["height"] = 0,
            ["audio_name"] = voice.Name,
            ["audio_man_id"] = voice.Id,
            ["audio_preview"] = voices.SampleUrl(voice),
            ["tag_ids"] = new JsonArray([.. avatar.TagIds.Select(id => (JsonNode)id)]),
            ["tag_names"] = new JsonArray([.. avatar.TagIds.Select(id => (JsonNode)TagsById[id].Name)]),
        };
    }

    private string AssetUrl(PublicAvatar avatar, string type, string extension) => new Uri(baseAddress(), $"files/assets/avatars/{avatar.Id}_{type}{extension}").AbsoluteUri;

    private static bool TryParseIds(string? csv, out HashSet<int> ids)
    {
        ids = [];
        foreach (var part in (csv ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
            {
                return false;
            }

            ids.Add(id);
        }

        return true;
    }
}
