using System.Text.Json.Nodes;
using Chanjing.Sdk.Tests.TestSupport;

namespace Chanjing.Sdk.Tests.LipSync;

/// <summary>Lip-sync requests checked before any request, and the screen size sent as given or as the default.</summary>
public sealed class LipSyncRequestTests
{
    [Theory]
    [InlineData(720, null)]
    [InlineData(null, 1280)]
    public async Task CreateAsync_OnlyOneSideOfTheScreen_RefusedBeforeAnyRequest(int? width, int? height)
    {
        var handler = new LambdaHandler((_, _) => throw new InvalidOperationException("no request may be sent"));
        using var client = handler.CreateClient();
        var request = LipSyncRequest.FromText(MediaSource.FromFileId("video-file"), "你好", "voice-1");
        (request.ScreenWidth, request.ScreenHeight) = (width, height);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.LipSync.CreateAsync(request));

        Assert.Contains("ScreenWidth and ScreenHeight go together", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, handler.Count);
    }

    [Fact]
    public async Task CreateAsync_FileIdVideo_DocumentedDefaultSize_AndTheDocumentedTtsExample()
    {
        JsonNode? sent = null;
        var handler = new LambdaHandler(async (request, ct) =>
        {
            sent = JsonNode.Parse(await request.Content!.ReadAsStringAsync(ct));
            return Wire.Ok(JsonValue.Create("9499ed79995c4bdb95f0d66ca84419fd"));
        });
        using var client = handler.CreateClient();
        var request = LipSyncRequest.FromText(MediaSource.FromFileId("e284db4d95de4220afe78132158156b5"), "君不见黄河之水天上来，奔流到海不复回。", "C-f2429d07554749839849497589199916");
        (request.Model, request.CallbackUrl) = (LipSyncModel.Standard, new Uri("https://example.com/openapi/callback"));

        var id = await client.LipSync.CreateAsync(request);

        // products doc 3.2, the first example, plus the volume the SDK always sends.
        var documented = JsonNode.Parse("""
            {"video_file_id":"e284db4d95de4220afe78132158156b5","screen_width":1080,"screen_height":1920,
             "callback":"https://example.com/openapi/callback","model":0,"audio_type":"tts",
             "tts_config":{"text":["君不见黄河之水天上来，奔流到海不复回。"],"audio_man_id":"C-f2429d07554749839849497589199916","speed":1,"pitch":1},
             "volume":100}
            """);
        Assert.Equal("9499ed79995c4bdb95f0d66ca84419fd", id);
        Assert.True(JsonNode.DeepEquals(documented, sent), sent!.ToJsonString());
    }
}
