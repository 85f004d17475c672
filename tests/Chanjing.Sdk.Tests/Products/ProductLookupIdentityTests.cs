using System.Text.Json.Nodes;
using Chanjing.Sdk.Tests.TestSupport;

namespace Chanjing.Sdk.Tests.Products;

/// <summary>
/// A look-up answered with another job (a mis-keyed cache in front of the service, a service bug) must never be handed
/// to the caller as the job asked for: its outputs are someone else's.
/// </summary>
public sealed class ProductLookupIdentityTests
{
    // Every id field of every product, all naming the other job, finished with an output.
    private static readonly JsonObject Other = new()
    {
        ["id"] = "someone-elses",
        ["unique_id"] = "someone-elses",
        ["lora_id"] = "someone-elses",
        ["status"] = 30,
        ["progress"] = 100,
        ["progress_desc"] = "Success",
        ["video_url"] = "https://cdn.example/theirs.mp4",
        ["output_url"] = new JsonArray("https://cdn.example/theirs.png"),
        ["create_time"] = 1772510584,
    };

    public static TheoryData<string> Products => ["video", "avatar", "voice", "lipsync", "photo", "motion", "lora"];

    [Theory]
    [MemberData(nameof(Products))]
    public async Task GetAsync_AnsweredWithAnotherJobsId_TypedFailure_NeverTheOtherJob(string product)
    {
        var handler = new LambdaHandler((_, _) => Task.FromResult(Wire.Ok(Other.DeepClone())));
        using var client = handler.CreateClient();

        var error = await Assert.ThrowsAsync<ChanjingException>(() => Get(client, product, "mine"));

        Assert.Equal("mine", error.TaskId);
        Assert.Contains("another", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("theirs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitAsync_AnsweredWithAnotherFinishedVideo_NeverReturnsIt()
    {
        var handler = new LambdaHandler((_, _) => Task.FromResult(Wire.Ok(Other.DeepClone())));
        using var client = handler.CreateClient();

        var error = await Assert.ThrowsAnyAsync<ChanjingException>(() => client.AvatarVideos.WaitAsync("mine", new WaitOptions { PollInterval = TimeSpan.FromMilliseconds(1), MaxPollInterval = TimeSpan.FromMilliseconds(1), Timeout = TimeSpan.FromSeconds(30) }));

        Assert.IsNotType<ChanjingWaitTimeoutException>(error);
        Assert.Equal("mine", error.TaskId);
    }

    private static async Task<ChanjingJob> Get(ChanjingClient client, string product, string id) => product switch
    {
        "video" => await client.AvatarVideos.GetAsync(id),
        "avatar" => await client.Avatars.GetAsync(id),
        "voice" => await client.Voices.GetAsync(id),
        "lipsync" => await client.LipSync.GetAsync(id),
        "photo" => await client.AvatarDesign.GetPhotoAsync(id),
        "motion" => await client.AvatarDesign.GetMotionAsync(id),
        _ => await client.AvatarDesign.GetLoraAsync(id),
    };
}
