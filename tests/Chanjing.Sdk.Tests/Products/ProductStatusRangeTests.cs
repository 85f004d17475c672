using System.Text.Json.Nodes;
using Chanjing.Sdk.Tests.TestSupport;

namespace Chanjing.Sdk.Tests.Products;

/// <summary>A status number out of range, or not whole, is an unknown status (polled through), never a success it wraps or rounds to.</summary>
public sealed class ProductStatusRangeTests
{
    // 2^32 + the success value: truncated to 32 bits it is the success value; 30.5 rounds down to it.
    public static TheoryData<string, string> Statuses => new()
    {
        { "video", "4294967326" }, { "video", "30.5" },
        { "avatar", "4294967298" }, { "avatar", "2.5" },
        { "voice", "4294967298" }, { "voice", "2.9" },
        { "lipsync", "4294967316" }, { "lipsync", "20.1" },
        { "speech", "4294967305" }, { "speech", "9.5" },
    };

    [Fact]
    public async Task GetAsync_WholeStatusWrittenWithADecimalPoint_StillRead()
    {
        var handler = new LambdaHandler((_, _) => Task.FromResult(Wire.Ok(new JsonObject { ["id"] = "mine", ["status"] = JsonNode.Parse("30.0"), ["video_url"] = "https://cdn.example/v.mp4" })));
        using var client = handler.CreateClient();

        var video = await client.AvatarVideos.GetAsync("mine");

        Assert.Equal(AvatarVideoStatus.Succeeded, video.Status);
    }

    [Theory]
    [MemberData(nameof(Statuses))]
    public async Task GetAsync_StatusThatWrapsOrRoundsToSuccess_NotSucceeded_NotFinished(string product, string status)
    {
        var job = new JsonObject
        {
            ["id"] = "mine",
            ["status"] = JsonNode.Parse(status),
            ["video_url"] = "https://cdn.example/v.mp4",
            ["preview_url"] = "https://cdn.example/p.mp4",
            ["audio_path"] = "https://cdn.example/a.wav",
            ["full"] = new JsonObject { ["url"] = "https://cdn.example/a.wav", ["duration"] = 1 },
        };
        var handler = new LambdaHandler((_, _) => Task.FromResult(Wire.Ok(job.DeepClone())));
        using var client = handler.CreateClient();

        ChanjingJob read = product switch
        {
            "video" => await client.AvatarVideos.GetAsync("mine"),
            "avatar" => await client.Avatars.GetAsync("mine"),
            "voice" => await client.Voices.GetAsync("mine"),
            "lipsync" => await client.LipSync.GetAsync("mine"),
            _ => await client.Speech.GetAsync("mine"),
        };

        Assert.False(read.IsSucceeded, read.ToString());
        Assert.False(read.IsFinished, read.ToString());
        Assert.Empty(read.OutputUrls);
    }
}
