using System.Text.Json.Nodes;

namespace Chanjing.Sdk.IntegrationTests.Emulator;

/// <summary>Public voices, public avatars (tag_ids ANDed) and the tag dictionary (business_type a union), over a real socket.</summary>
public sealed class EmulatorAvatarCatalogTests
{
    [Fact]
    public async Task Voices_PagedWithPageInfo_BothGendersAndLanguages_SamplesAreWavs()
    {
        var (emulator, http, _, token) = await EmulatorHttp.StartAsync();
        await using var _ = emulator;
        using var __ = http;

        var first = await AvatarHttp.DataAsync(http, "open/v1/list_common_audio?page=1&size=5", token);
        var second = await AvatarHttp.DataAsync(http, "open/v1/list_common_audio?page=2&size=5", token);
        var voices = first["list"]!.AsArray().Concat(second["list"]!.AsArray()).Select(v => v!.AsObject()).ToList();
        var sample = await http.GetAsync((string)voices[0]["audition"]!);
        var (streams, errors) = await AvatarHttp.ProbeAsync(await sample.Content.ReadAsByteArrayAsync(), ".wav");

        Assert.Equal("""{"page":1,"size":5,"total_count":8,"total_page":2}""", first["page_info"]!.ToJsonString());
        Assert.Equal((5, 3), (first["list"]!.AsArray().Count, second["list"]!.AsArray().Count));
        Assert.Equal(8, voices.Select(v => (string)v["id"]!).Distinct().Count());
        Assert.Equal(["female", "male"], voices.Select(v => (string)v["gender"]!).Distinct().Order());
        Assert.Equal(["cn", "en"], voices.Select(v => (string)v["lang"]!).Distinct().Order());
        Assert.All(voices, v => Assert.Equal(["audition", "desc", "gender", "grade", "id", "lang", "name", "pitch", "speed"], v.Select(p => p.Key).Order()));
        Assert.Equal("audio/wav", sample.Content.Headers.ContentType!.MediaType);
        Assert.Equal(("audio", 2.0, string.Empty), (streams.Single().Type, Math.Round(streams.Single().Duration, 2), errors));
    }

    [Fact]
    public async Task PublicAvatars_TwelvePagedToTheEnd_VoicesArePublicVoices_FiguresAreRealPngAndMp4()
    {
        var (emulator, http, _, token) = await EmulatorHttp.StartAsync();
        await using var _ = emulator;
        using var __ = http;
        var voices = (await AvatarHttp.DataAsync(http, "open/v1/list_common_audio?page=1&size=100", token))["list"]!.AsArray().ToDictionary(v => (string)v!["id"]!, v => (string)v!["name"]!);

        var avatars = new List<JsonObject>();
        JsonObject page;
        var number = 1;
        do
        {
            page = await AvatarHttp.DataAsync(http, $"open/v1/list_common_dp?page={number++}&size=5", token);
            avatars.AddRange(page["list"]!.AsArray().Select(a => a!.AsObject()));
        }
        while (page["list"]!.AsArray().Count > 0 && number < 10);

        var figure = avatars[0]["figures"]![0]!;
        using var picture = await http.GetAsync((string)figure["pic_path"]!);
        var pictureBytes = await picture.Content.ReadAsByteArrayAsync();
        var (previewStreams, previewErrors) = await AvatarHttp.ProbeAsync(await http.GetByteArrayAsync((string)figure["preview_video_url"]!), ".mp4");

        Assert.Equal(12, avatars.Count);
        Assert.Equal(4, number - 1);
        Assert.Equal("""{"page":4,"size":5,"total_count":12,"total_page":3}""", page["page_info"]!.ToJsonString());
        Assert.Equal(12, avatars.Select(a => (string)a["id"]!).Distinct().Count());
        Assert.All(avatars, a =>
        {
            Assert.Equal(voices[(string)a["audio_man_id"]!], (string)a["audio_name"]!);
            Assert.Equal(a["tag_ids"]!.AsArray().Count, a["tag_names"]!.AsArray().Count);
            Assert.NotEmpty(a["figures"]!.AsArray());
            Assert.All(a["figures"]!.AsArray(), f =>
            {
                Assert.Contains((string)f!["type"]!, new[] { "whole_body", "sit_body", "circle_view" });
                Assert.Equal((string)f["type"]! == "circle_view" ? (728, 728) : (1080, 1920), ((int)f["width"]!, (int)f["height"]!));
                Assert.EndsWith(".png", (string)f["pic_path"]!, StringComparison.Ordinal);
                Assert.Equal((string)f["pic_path"]!, (string)f["cover"]!);
            });
        });
        Assert.Equal(3, avatars.SelectMany(a => a["figures"]!.AsArray()).Select(f => (string)f!["type"]!).Distinct().Count());
        Assert.Equal("image/png", picture.Content.Headers.ContentType!.MediaType);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], pictureBytes[..4]);
        Assert.Equal(["audio", "video"], previewStreams.Select(s => s.Type).Order());
        Assert.Equal(string.Empty, previewErrors);
    }

    [Fact]
    public async Task PublicAvatars_TagIds_AreAnded_AndABadTagIsRefused()
    {
        var (emulator, http, _, token) = await EmulatorHttp.StartAsync();
        await using var _ = emulator;
        using var __ = http;

        async Task<HashSet<string>> Ids(string tags) =>
            [.. (await AvatarHttp.DataAsync(http, $"open/v1/list_common_dp?page=1&size=100&tag_ids={tags}", token))["list"]!.AsArray().Select(a => (string)a!["id"]!)];

        var women = await Ids("102");
        var selling = await Ids("202");
        var both = await Ids("102,202");
        var three = await Ids("102,202,303");
        var none = await Ids("101,102");
        var bad = await EmulatorHttp.GetAsync(http, "open/v1/list_common_dp?page=1&size=10&tag_ids=abc", token);

        Assert.Equal(6, women.Count);
        Assert.Equal(women.Intersect(selling).Order(), both.Order());
        Assert.Equal(2, both.Count);
        Assert.Single(three);
        Assert.Empty(none);
        Assert.Equal(40000, (int)bad["code"]!);
    }

    [Fact]
    public async Task TagList_BusinessTypes_AreAUnion_WithTheDocumentedObjects()
    {
        var (emulator, http, _, token) = await EmulatorHttp.StartAsync();
        await using var _ = emulator;
        using var __ = http;

        async Task<JsonArray> Categories(string query) => (await AvatarHttp.DataAsync(http, "open/v1/common/tag_list" + query, token))["list"]!.AsArray();

        var all = await Categories(string.Empty);
        var people = await Categories("?business_type=1");
        var voices = await Categories("?business_type=2");
        var union = await Categories("?business_type=1,2");

        Assert.Equal((4, 3, 1, 4), (all.Count, people.Count, voices.Count, union.Count));
        Assert.All(people, c => Assert.Equal(1, (int)c!["business_type"]!));
        Assert.All(all, c =>
        {
            Assert.Equal(["business_type", "id", "name", "tag_child_count", "tag_list", "update_time", "weight"], c!.AsObject().Select(p => p.Key).Order());
            Assert.Equal((int)c["tag_child_count"]!, c["tag_list"]!.AsArray().Count);
            Assert.All(c["tag_list"]!.AsArray(), t =>
            {
                Assert.Equal(["category_id", "id", "level", "name", "parent_id", "status", "update_time", "weight"], t!.AsObject().Select(p => p.Key).Order());
                Assert.Equal((int)c["id"]!, (int)t["category_id"]!);
            });
        });
    }

    [Fact]
    public async Task Lists_SizeOutOfRange_Code40000()
    {
        var (emulator, http, _, token) = await EmulatorHttp.StartAsync();
        await using var _ = emulator;
        using var __ = http;

        Assert.Equal(40000, (int)(await EmulatorHttp.GetAsync(http, "open/v1/list_common_dp?page=1&size=0", token))["code"]!);
        Assert.Equal(40000, (int)(await EmulatorHttp.GetAsync(http, "open/v1/list_common_audio?page=0&size=10", token))["code"]!);
        Assert.Equal(10400, (int)(await EmulatorHttp.GetAsync(http, "open/v1/list_common_dp?page=1&size=10", "not-a-token"))["code"]!);
    }
}
