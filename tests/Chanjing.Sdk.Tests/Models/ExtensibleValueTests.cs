using System.Text.Json;

namespace Chanjing.Sdk.Tests.Models;

public sealed class ExtensibleValueTests
{
    [Fact]
    public void AspectRatio_KnownAndCustom_EqualityAndWireValue()
    {
        Assert.Equal("16:9", AspectRatio.Landscape16x9.ToString());
        Assert.Equal("9:16", AspectRatio.Portrait9x16.Value);
        Assert.Equal("1:1", AspectRatio.Square1x1.Value);
        Assert.Equal(AspectRatio.Landscape16x9, new AspectRatio("16:9"));
        Assert.True(new AspectRatio("4:3") != AspectRatio.Square1x1);
        Assert.True(default(AspectRatio).IsEmpty);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void AspectRatio_Empty_Throws(string value) => Assert.Throws<ArgumentException>(() => new AspectRatio(value));

    [Fact]
    public void VideoClarity_KnownAndCustom_EqualityAndWireValue()
    {
        Assert.Equal(720, VideoClarity.P720.Value);
        Assert.Equal("1080", VideoClarity.P1080.ToString());
        Assert.Equal(new VideoClarity(1440), new VideoClarity(1440));
        Assert.Throws<ArgumentOutOfRangeException>(() => new VideoClarity(0));
    }

    [Fact]
    public void CreationTaskStatus_KnownTerminalAndUnknown()
    {
        Assert.True(CreationTaskStatus.Success.IsTerminal);
        Assert.True(CreationTaskStatus.Error.IsFailure);
        Assert.True(CreationTaskStatus.Fail.IsTerminal);
        Assert.False(CreationTaskStatus.Queued.IsTerminal);
        Assert.False(CreationTaskStatus.Ready.IsTerminal);
        Assert.False(CreationTaskStatus.Generating.IsTerminal);
        var unknown = new CreationTaskStatus("Cancelled");
        Assert.False(unknown.IsTerminal);
        Assert.False(unknown.IsKnown);
        Assert.Equal("Cancelled", unknown.ToString());
        Assert.Equal(CreationTaskStatus.Success, new CreationTaskStatus("success"));
    }

    [Fact]
    public void CreationType_Values() =>
        Assert.Equal((3, 4, "4"), (CreationType.Image.Value, CreationType.Video.Value, CreationType.Video.ToString()));

    [Fact]
    public void JsonConverters_WriteWireValuesAndReadThemBack()
    {
        var json = JsonSerializer.Serialize(new { aspect_ratio = new AspectRatio("4:3"), clarity = new VideoClarity(1440), creation_type = CreationType.Video });
        using var parsed = JsonDocument.Parse(json);
        var root = parsed.RootElement;

        Assert.Contains("\"aspect_ratio\":\"4:3\"", json, StringComparison.Ordinal);
        Assert.Contains("\"clarity\":1440", json, StringComparison.Ordinal);
        Assert.Contains("\"creation_type\":4", json, StringComparison.Ordinal);
        Assert.Equal(new AspectRatio("4:3"), root.GetProperty("aspect_ratio").Deserialize<AspectRatio>());
        Assert.Equal(new VideoClarity(1440), root.GetProperty("clarity").Deserialize<VideoClarity>());
        Assert.Equal(CreationType.Video, root.GetProperty("creation_type").Deserialize<CreationType>());
    }

    [Fact]
    public void ReferenceVideoRequest_Defaults()
    {
        var request = new ReferenceVideoRequest();

        Assert.Equal((AspectRatio.Landscape16x9, VideoClarity.P1080, 5, "happyhorse-1.0-r2v"), (request.AspectRatio, request.Clarity, request.DurationSeconds, request.ModelCode));
        Assert.Empty(request.ReferenceImageUrls);
    }

    [Fact]
    public void ModelFactory_CreationTask_RoundTripsThroughTheWireShape()
    {
        var created = new DateTimeOffset(2026, 11, 26, 1, 2, 3, TimeSpan.Zero);

        var task = ChanjingModelFactory.CreationTask("t1", CreationTaskStatus.Success, [new Uri("https://x/o.mp4")], createdAt: created, prompt: "p", referenceImageUrls: [new Uri("https://x/a.jpg")]);

        Assert.Equal("t1", task.Id);
        Assert.True(task.Status.IsSuccess);
        Assert.Equal([new Uri("https://x/o.mp4")], task.OutputUrls);
        Assert.Equal(created, task.CreatedAt);
        Assert.Equal("p", task.VideoSettings!.Prompt);
        Assert.Equal(CreationType.Video, task.Type);
        Assert.Equal("t1", task.RawJson.GetProperty("unique_id").GetString());
    }
}
