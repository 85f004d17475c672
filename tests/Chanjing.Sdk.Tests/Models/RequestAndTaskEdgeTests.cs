using System.Net;
using System.Text.Json.Nodes;
using Chanjing.Sdk.Tests.TestSupport;

namespace Chanjing.Sdk.Tests.Models;

/// <summary>Requests and task readings at their edges: values JSON cannot carry, a last frame alone, output URLs that are not URLs (found by an adversarial review).</summary>
public sealed class RequestAndTaskEdgeTests
{
    [Fact]
    public async Task SubmitAsync_AdditionalFieldJsonCannotCarry_RefusedBeforeAnyUpload()
    {
        var path = Path.Combine(Path.GetTempPath(), $"chanjing-nan-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(path, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]);
        try
        {
            var handler = new LambdaHandler((_, _) => throw new InvalidOperationException("no request expected"));
            using var client = handler.CreateClient();
            var request = new ReferenceVideoRequest { Prompt = "p", ReferenceImageUrls = { new Uri(path) }, AdditionalFields = { ["seed"] = JsonValue.Create(double.NaN) } };

            var error = await Assert.ThrowsAsync<ArgumentException>(() => client.SubmitAsync(request));

            Assert.Contains("AdditionalFields", error.Message, StringComparison.Ordinal);
            Assert.Equal(0, handler.Count);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>A documented limit holds whatever number type the caller's own node uses (a long, a short, a whole double).</summary>
    [Theory]
    [InlineData("long")]
    [InlineData("short")]
    [InlineData("double")]
    public void SubmitDraft_NumberOfImagesOutOfRangeAsAnyNumberType_Refused(string type)
    {
        JsonNode value = type switch { "long" => JsonValue.Create(9L), "short" => JsonValue.Create((short)9), _ => JsonValue.Create(9.0) };
        var request = new ReferenceVideoRequest { Prompt = "p", ReferenceImageUrls = { new Uri("https://x/a.jpg") }, AdditionalFields = { ["number_of_images"] = value } };

        var error = Assert.Throws<ArgumentException>(() => Chanjing.Sdk.Internal.Requests.SubmitDraft.Create(request));

        Assert.Contains("must be between 1 and 4, but was 9", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The body writer is reused on a thread: a body refused half-written (a NaN after two fields) must leave nothing
    /// behind in the next one, which keeps the documented field order byte for byte and the caller's fields after it.
    /// </summary>
    [Fact]
    public void SubmitDraft_AfterABodyRefusedHalfWritten_NextBodyIsExactlyItsOwn()
    {
        var refused = new ReferenceVideoRequest { Prompt = "p", ReferenceImageUrls = { new Uri("https://x/a.jpg") }, AdditionalFields = { ["seed"] = JsonValue.Create(double.NaN) } };
        Assert.Throws<ArgumentException>(() => Chanjing.Sdk.Internal.Requests.SubmitDraft.Create(refused));

        var request = new ReferenceVideoRequest
        {
            Prompt = "a \"quoted\" 马",
            ReferenceImageUrls = { new Uri("https://x/a.jpg"), new Uri("https://x/b.jpg") },
            AdditionalFields = { ["zeta"] = JsonValue.Create(1.5), ["style"] = null },
        };
        var body = System.Text.Encoding.UTF8.GetString(Chanjing.Sdk.Internal.Requests.SubmitDraft.Create(request).ToUtf8Json());

        Assert.Equal("""{"ref_img_url":["https://x/a.jpg","https://x/b.jpg"],"ref_prompt":"a \u0022quoted\u0022 \u9A6C","creation_type":4,"aspect_ratio":"16:9","clarity":1080,"video_duration":5,"model_code":"happyhorse-1.0-r2v","zeta":1.5,"style":null}""", body);
    }

    [Fact]
    public async Task ImageToVideoRequest_OnlyALastFrameForAModelWhereTheFirstIsOptional_Sent()
    {
        var body = await Models.CreationRequestWireTests.SentBodyAsync(new ImageToVideoRequest { ModelCode = ChanjingModels.MiniMaxHailuo02, Prompt = "p", EndFrameUrl = new Uri("https://x/last.jpg"), DurationSeconds = 6 });

        Assert.True(Wire.JsonEquals("""{"end_frame":"https://x/last.jpg","ref_prompt":"p","creation_type":4,"video_duration":6,"model_code":"MiniMax-Hailuo-02"}""", body), body);
    }

    [Fact]
    public async Task OutputUrls_AServicePathNotAUrl_StaysRelativeNeverAFileUri()
    {
        var handler = new LambdaHandler((_, _) =>
        {
            var task = Wire.Task("t1", "Success");
            task["output_url"] = new JsonArray("/files/out.mp4", "files/b.mp4");
            task["ref_img_url"] = new JsonArray("/etc/passwd");
            return Task.FromResult(Wire.Ok(task));
        });
        using var client = handler.CreateClient();

        var task = await client.GetTaskAsync("t1");

        Assert.All(task.OutputUrls.Concat(task.ReferenceImageUrls), u => Assert.False(u.IsAbsoluteUri, u.OriginalString));
        Assert.Equal("/files/out.mp4", task.OutputUrls[0].OriginalString);
        var error = await Assert.ThrowsAsync<ChanjingException>(() => client.DownloadOutputsAsync(task, Path.Combine(Path.GetTempPath(), "chanjing-never-" + Guid.NewGuid().ToString("N"))));
        Assert.False(error.IsTransient);
        Assert.Equal("t1", error.TaskId);
    }

    [Fact]
    public async Task OutputUrls_EmptyNullAndNonTextItemsSkipped_TheRestKeptInOrder()
    {
        var handler = new LambdaHandler((_, _) =>
        {
            var task = Wire.Task("t1", "Success");
            task["output_url"] = new JsonArray("", null, 5, "https://cdn.example/a.png", new JsonObject(), "https://cdn.example/b.png", "");
            task["ref_img_url"] = new JsonArray("", null);
            return Task.FromResult(Wire.Ok(task));
        });
        using var client = handler.CreateClient();

        var task = await client.GetTaskAsync("t1");

        Assert.Equal(["https://cdn.example/a.png", "https://cdn.example/b.png"], task.OutputUrls.Select(u => u.AbsoluteUri));
        Assert.Empty(task.ReferenceImageUrls);
    }
}
