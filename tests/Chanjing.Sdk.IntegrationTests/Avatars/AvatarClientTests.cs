using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Chanjing.Emulator;

namespace Chanjing.Sdk.IntegrationTests.Avatars;

/// <summary><c>client.Avatars</c> over loopback against the emulator: public avatars paged to the end, tag filters, the tag dictionary.</summary>
public sealed class AvatarClientTests
{
    /// <summary>The catalogue's size as the service reports it, read without the SDK.</summary>
    private static async Task<long> TotalCountAsync(ChanjingEmulator emulator, string token)
    {
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "open/v1/list_common_dp?page=1&size=1");
        request.Headers.Add("access_token", token);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return (long)body!["data"]!["page_info"]!["total_count"]!;
    }

    private static async Task<string> TokenAsync(ChanjingEmulator emulator)
    {
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        using var response = await http.PostAsJsonAsync("open/v1/access_token", new JsonObject { ["app_id"] = emulator.AppId, ["secret_key"] = emulator.SecretKey });
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["data"]!["access_token"]!;
    }

    [Fact]
    public async Task ListPublicAsync_SmallPages_EveryAvatarOnceWithFiguresAndVoice_OneRequestAPage()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        var token = await TokenAsync(emulator);
        using var client = Support.Client(emulator, o => { o.AppId = null; o.SecretKey = null; o.AccessToken = token; });
        var total = await TotalCountAsync(emulator, token);
        var before = emulator.CountRequests(EmulatorEndpoint.ListPublicAvatars);

        var avatars = new List<PublicAvatar>();
        await foreach (var avatar in client.Avatars.ListPublicAsync(new PublicAvatarQuery { PageSize = 5 }))
        {
            avatars.Add(avatar);
        }

        Assert.True(total > 5, $"the catalogue must span several pages (it has {total})");
        Assert.Equal(total, avatars.Count);
        Assert.Equal(avatars.Count, avatars.Select(a => a.Id).Distinct().Count());
        Assert.Equal((int)Math.Ceiling(total / 5.0), emulator.CountRequests(EmulatorEndpoint.ListPublicAvatars) - before);
        Assert.All(avatars, a =>
        {
            Assert.NotEmpty(a.Figures);
            Assert.All(a.Figures, f => Assert.True(f.Width > 0 && f.Height > 0 && f.Type.Value.Length > 0, $"{a.Id}: {f}"));
            Assert.False(string.IsNullOrEmpty(a.VoiceId), $"{a.Id} names no voice");
        });
    }

    [Fact]
    public async Task ListPublicAsync_TwoTags_OnlyAvatarsCarryingBoth()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var everyone = new List<PublicAvatar>();
        await foreach (var avatar in client.Avatars.ListPublicAsync())
        {
            everyone.Add(avatar);
        }

        // Two tags that some avatar carries together, and that not every avatar carries.
        var pair = everyone.SelectMany(a => a.TagIds.SelectMany(x => a.TagIds.Where(y => y > x).Select(y => (x, y)))).Distinct()
            .First(p => everyone.Count(a => a.TagIds.Contains(p.x) && a.TagIds.Contains(p.y)) < everyone.Count);
        var query = new PublicAvatarQuery { TagIds = { pair.x, pair.y } };

        var filtered = new List<PublicAvatar>();
        await foreach (var avatar in client.Avatars.ListPublicAsync(query))
        {
            filtered.Add(avatar);
        }

        Assert.NotEmpty(filtered);
        Assert.All(filtered, a => Assert.True(a.TagIds.Contains(pair.x) && a.TagIds.Contains(pair.y), $"{a.Id} lacks a tag"));
        Assert.Equal(everyone.Where(a => a.TagIds.Contains(pair.x) && a.TagIds.Contains(pair.y)).Select(a => a.Id), filtered.Select(a => a.Id));
        Assert.Contains(emulator.Journal, r => r.Endpoint == EmulatorEndpoint.ListPublicAvatars && r.Query.Contains($"tag_ids={pair.x}%2C{pair.y}", StringComparison.Ordinal) || r.Query.Contains($"tag_ids={pair.x},{pair.y}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListTagsAsync_Dictionary_EveryTagAnAvatarCarriesIsListed()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);

        var categories = await client.Avatars.ListTagsAsync();
        var tagIds = categories.SelectMany(c => c.Tags).Select(t => t.Id).ToHashSet();
        var carried = new HashSet<long>();
        await foreach (var avatar in client.Avatars.ListPublicAsync())
        {
            carried.UnionWith(avatar.TagIds);
        }

        Assert.NotEmpty(categories);
        Assert.All(categories, c => Assert.False(string.IsNullOrEmpty(c.Name)));
        Assert.Subset(tagIds, carried);
    }

    [Theory]
    [InlineData(0, 5L)]
    [InlineData(101, 5L)]
    [InlineData(10, 0L)]
    [InlineData(10, -3L)]
    public async Task ListPublicAsync_BadQuery_ArgumentExceptionBeforeAnyRequest(int pageSize, long tagId)
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);

        var error = Assert.Throws<ArgumentException>(() => client.Avatars.ListPublicAsync(new PublicAvatarQuery { PageSize = pageSize, TagIds = { tagId } }));

        Assert.Contains("PublicAvatarQuery", error.Message, StringComparison.Ordinal);
        Assert.Empty(emulator.Journal);
    }
}
