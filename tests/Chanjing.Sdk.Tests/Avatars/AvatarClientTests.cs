using System.Text.Json.Nodes;
using Chanjing.Sdk.Tests.TestSupport;

namespace Chanjing.Sdk.Tests.Avatars;

/// <summary>Reading public avatars as the wire may carry them, and ending a listing that a broken server would not end.</summary>
public sealed class AvatarClientTests
{
    private static JsonObject Avatar(string id, JsonArray tagIds) => new()
    {
        ["id"] = id,
        ["name"] = "文昊",
        ["figures"] = new JsonArray(
            new JsonObject { ["type"] = "sit_body", ["width"] = 1080, ["height"] = 1920, ["pic_path"] = "https://cdn.example/a.png", ["preview_video_url"] = "https://cdn.example/a.webm" },
            new JsonObject { ["width"] = 728, ["height"] = 728 }), // no type: not a figure a video can name
        ["audio_man_id"] = "C-voice-1",
        ["audio_name"] = "磁性中年男声",
        ["audio_preview"] = "https://cdn.example/v.wav",
        ["tag_ids"] = tagIds,
        ["tag_names"] = new JsonArray("男", "商务"),
        ["unknown_field"] = 7,
    };

    [Fact]
    public async Task ListPublicAsync_TagIdsAsNumbersOrNumericText_FiguresWithoutTypeSkipped_UnknownFieldsInRawJson()
    {
        var handler = new LambdaHandler((_, _) => Task.FromResult(Wire.Ok(new JsonObject
        {
            ["list"] = new JsonArray(Avatar("a-1", new JsonArray(12, "13", "x"))),
            ["page_info"] = new JsonObject { ["page"] = 1, ["size"] = 50, ["total_count"] = 1, ["total_page"] = 1 },
        })));
        using var client = handler.CreateClient();

        var avatars = new List<PublicAvatar>();
        await foreach (var avatar in client.Avatars.ListPublicAsync())
        {
            avatars.Add(avatar);
        }

        var only = Assert.Single(avatars);
        Assert.Equal([12L, 13L], only.TagIds);
        var figure = Assert.Single(only.Figures);
        Assert.Equal((AvatarFigureType.SitBody, 1080, 1920), (figure.Type, figure.Width, figure.Height));
        Assert.Equal(new Uri("https://cdn.example/a.png"), figure.CoverUrl);
        Assert.Equal(("C-voice-1", "磁性中年男声"), (only.VoiceId, only.VoiceName));
        Assert.Equal(7, only.RawJson.GetProperty("unknown_field").GetInt32());
        Assert.Equal(1, handler.Count);
    }

    [Fact]
    public async Task ListPublicAsync_ServerRepeatsOneFullPageWithAHugeTotal_EndsAfterThePageWithNothingNew()
    {
        var handler = new LambdaHandler((_, _) => Task.FromResult(Wire.Ok(new JsonObject
        {
            ["list"] = new JsonArray(Avatar("a-1", []), Avatar("a-2", [])),
            ["page_info"] = new JsonObject { ["total_count"] = 1_000_000, ["total_page"] = 500_000 },
        })));
        using var client = handler.CreateClient();

        var ids = new List<string>();
        await foreach (var avatar in client.Avatars.ListPublicAsync(new PublicAvatarQuery { PageSize = 2 }))
        {
            ids.Add(avatar.Id);
        }

        Assert.Equal(["a-1", "a-2"], ids);
        Assert.Equal(2, handler.Count);
    }
}
