using System.Net;
using System.Runtime.InteropServices;
using System.Text;
using Chanjing.Sdk.Tests.TestSupport;
using CsCheck;

namespace Chanjing.Sdk.Tests.Reliability;

/// <summary>
/// Issue 28: the one-pass reader of the task lookup and list (<see cref="TaskFastReader"/>) against the usual path
/// (<see cref="ResponseReader"/> and the endpoint's converter). For every generated body it declines, or gives exactly
/// what the usual path gives (every property, RawJson byte for byte); where the usual path fails it must have declined;
/// it never throws. Seeds as in <see cref="ResponseFuzzTests"/>: set CHANJING_FUZZ_SEED to replay.
/// </summary>
public sealed class FastReaderDifferentialTests(ITestOutputHelper output)
{
    private const int Cases = 8_000;

    [Fact]
    public void FastReader_GeneratedBodies_DeclinesOrGivesTheUsualResult()
    {
        var seed = Environment.GetEnvironmentVariable(ResponseFuzzTests.SeedVariable);
        output.WriteLine($"{ResponseFuzzTests.SeedVariable}={seed ?? "(not set: random seeds; a failure prints the seed to set)"}; {Cases:N0} bodies, each read as a task and as a page.");
        var task = new Tally();
        var page = new Tally();

        Gen.Int.Select(n => new TaskBodyGenerator(new Random(n)).Body()).Sample(
            body =>
            {
                Compare(body, ChanjingEndpoints.GetTask, TaskFastReader.Task!, AssertSameTask, task);
                Compare(body, ChanjingEndpoints.ListTasks, TaskFastReader.Page!, AssertSamePage, page);
            },
            writeLine: output.WriteLine,
            seed: seed,
            iter: Cases,
            threads: 1,
            print: body => $"body ({body.Length} bytes, base64): {Convert.ToBase64String(body)}");

        output.WriteLine($"task lookup: {task}");
        output.WriteLine($"task list:   {page}");
        Assert.Equal(Cases, task.Bodies);

        // Not passing by declining everything: most bodies the usual path reads, the fast one reads too.
        Assert.True(task.Accepted > task.UsualRead / 3, $"the task reader accepted only {task}");
        Assert.True(page.Accepted > page.UsualRead / 3, $"the page reader accepted only {page}");
    }

    /// <summary>The id answer of a create (the submit and the product creates): declines, or the usual id, on generated bodies.</summary>
    [Fact]
    public void FastIdReader_GeneratedBodies_DeclinesOrGivesTheUsualId()
    {
        var seed = Environment.GetEnvironmentVariable(ResponseFuzzTests.SeedVariable);
        output.WriteLine($"{ResponseFuzzTests.SeedVariable}={seed ?? "(not set: random seeds; a failure prints the seed to set)"}; {Cases:N0} id bodies.");
        var submit = new Tally();
        var product = new Tally();
        string[] data = ["\"a60747d7-dc05-4afc-b2ef-ee4370ed53c6\"", "\"\"", "\" \"", "\"a\\u0001b\"", "\"a\\nb\"", "\"\\u00e9t\u00e9\"", "\"\\ud800\"", "12345", "null", "{\"id\":\"x\"}", "[\"x\"]", "true", "\"马\"", "\"x\u0007\""];
        string[] shapes =
        [
            """{"trace_id":"t","code":0,"msg":"success","data":DATA}""",
            """{"code":0,"data":DATA}""",
            """{"code":0,"data":DATA,"data":"other"}""",
            """{"code":0.0,"data":DATA}""",
            """{"code":"0","data":DATA}""",
            """{"code":10400,"msg":"bad token","data":DATA}""",
            """{"code":0,"msg":"\\x","data":DATA}""",
            """{"code":0,"data":DATA} x""",
            """{"code":0}""",
            """[{"code":0,"data":DATA}]""",
        ];

        Gen.Int.Select(n =>
        {
            var random = new Random(n);
            var body = Encoding.UTF8.GetBytes(shapes[random.Next(shapes.Length)].Replace("DATA", data[random.Next(data.Length)], StringComparison.Ordinal));
            if (random.Next(4) == 0 && body.Length > 0)
            {
                body[random.Next(body.Length)] = (byte)random.Next(256); // a mutated byte: invalid UTF-8, broken JSON, another value
            }

            return body;
        }).Sample(
            body =>
            {
                Compare(body, ChanjingEndpoints.Submit, TaskFastReader.Id!, static (expected, actual, _) => Assert.Equal(expected, actual), submit);
                Compare(body, ChanjingEndpoints.CreateAvatarVideo, TaskFastReader.Id!, static (expected, actual, _) => Assert.Equal(expected, actual), product);
            },
            writeLine: output.WriteLine,
            seed: seed,
            iter: Cases,
            threads: 1,
            print: body => $"body ({body.Length} bytes, base64): {Convert.ToBase64String(body)}");

        output.WriteLine($"submit id:  {submit}");
        output.WriteLine($"product id: {product}");
        Assert.True(submit.Accepted > submit.UsualRead / 5, $"the id reader accepted only {submit}"); // escaped ids and repeated fields are declined on purpose
        Assert.True(TaskFastReader.Id!(Encoding.UTF8.GetBytes("""{"trace_id":"96afa792520b0e6a86d72e89435bc0a7","code":0,"msg":"success","data":"a60747d7-dc05-4afc-b2ef-ee4370ed53c6"}"""), out var id));
        Assert.Equal("a60747d7-dc05-4afc-b2ef-ee4370ed53c6", id);
    }

    /// <summary>The avatar-video lookup: declines, or every property the usual reader gives, on generated bodies.</summary>
    [Fact]
    public void FastAvatarVideoReader_GeneratedBodies_DeclinesOrGivesTheUsualVideo()
    {
        var seed = Environment.GetEnvironmentVariable(ResponseFuzzTests.SeedVariable);
        output.WriteLine($"{ResponseFuzzTests.SeedVariable}={seed ?? "(not set: random seeds; a failure prints the seed to set)"}; {Cases:N0} avatar-video bodies.");
        var video = new Tally();

        Gen.Int.Select(n => AvatarVideoBody(new Random(n))).Sample(
            body => Compare(body, ChanjingEndpoints.GetAvatarVideo, TaskFastReader.Video!, AssertSameVideo, video),
            writeLine: output.WriteLine,
            seed: seed,
            iter: Cases,
            threads: 1,
            print: body => $"body ({body.Length} bytes, base64): {Convert.ToBase64String(body)}");

        output.WriteLine($"avatar video: {video}");
        Assert.Equal(Cases, video.Bodies);
        Assert.True(video.Accepted > video.UsualRead / 3, $"the avatar-video reader accepted only {video}");
    }

    [Fact]
    public void FastAvatarVideoReader_RealisticBody_AcceptedWithTheUsualVideo()
    {
        var body = Encoding.UTF8.GetBytes("""
            {"trace_id":"8ff3fcd57b33566048ef28568c6cee96","code":0,"msg":"success","data":{"id":"video-1","status":30,"progress":100,"msg":"",
             "video_url":"https://res.chanjing.cc/chanjing/res/video/video-1.mp4","subtitle_data_url":"https://res.chanjing.cc/chanjing/res/video/video-1.json",
             "preview_url":"https://res.chanjing.cc/chanjing/res/video/video-1.png","duration":8,"create_time":1772510584,"audio_urls":null}}
            """);

        Assert.True(TaskFastReader.Video!(body, out var quick));
        AssertSameVideo(Usual(body, ChanjingEndpoints.GetAvatarVideo), quick, body);
        Assert.True(quick.IsSucceeded);
        Assert.Equal(TimeSpan.FromSeconds(8), quick.Duration);
        Assert.Equal("https://res.chanjing.cc/chanjing/res/video/video-1.mp4", quick.OutputUrls.Single().AbsoluteUri);
    }

    [Theory]
    [InlineData("""{"code":0,"data":{"id":"a","id":"b"}}""")]
    [InlineData("""{"code":0,"data":{"i\u0064":"a"}}""")]
    [InlineData("""{"code":0,"data":{"id":""}}""")]
    [InlineData("""{"code":0,"data":{"id":"a","status":30.5}}""")]
    [InlineData("""{"code":0,"data":{"id":"a","status":1e400}}""")]
    [InlineData("""{"code":0,"data":{"id":"a","progress":[1]}}""")]
    [InlineData("""{"code":0,"data":{"id":"a","duration":99999999999999}}""")]
    [InlineData("""{"code":0,"data":{"id":"a","msg":{}}}""")]
    [InlineData("""{"code":0,"data":"a"}""")]
    public void FastAvatarVideoReader_UnusualBody_Declines(string json)
    {
        Assert.False(TaskFastReader.Video!(Encoding.UTF8.GetBytes(json), out var video));
        Assert.Null(video);
    }

    [Fact]
    public void FastReader_RealisticBodies_AcceptedWithTheUsualResult()
    {
        var pages = new[]
        {
            TaskBodyGenerator.CannedPage(),
            Wire.Example("list-tasks.response.json"),
            Wire.Envelope(Wire.Page([Wire.Task("a", "Success", "https://res.chanjing.cc/out/a.mp4"), Wire.Task("b"), Wire.Task("c", "Fail", type: 3)], totalPages: 3)),
        };
        foreach (var json in pages)
        {
            var body = Encoding.UTF8.GetBytes(json);
            Assert.True(TaskFastReader.Page!(body, out var quick), json[..Math.Min(200, json.Length)]);
            AssertSamePage(Usual(body, ChanjingEndpoints.ListTasks), quick, body);
            Assert.NotEmpty(quick.Tasks);
        }

        Assert.True(TaskFastReader.Page!(Encoding.UTF8.GetBytes(pages[0]), out var canned));
        Assert.Equal(50, canned.Tasks.Count);
        Assert.Equal("https://res.chanjing.cc/chanjing/res/aigc_creation/output/49.mp4", canned.Tasks[49].OutputUrls.Single().AbsoluteUri);

        foreach (var json in new[] { Wire.Envelope(Wire.Task("t-1", "Success", "https://res.chanjing.cc/out/1.mp4")), $$"""{"trace_id":"x","code":0,"msg":"success","data":{{TaskBodyGenerator.CannedTask(1, finished: false)}}}""" })
        {
            var body = Encoding.UTF8.GetBytes(json);
            Assert.True(TaskFastReader.Task!(body, out var quick), json);
            AssertSameTask(Usual(body, ChanjingEndpoints.GetTask), quick, body);
        }
    }

    [Theory]
    [InlineData("""{"code":0,"data":{"unique_id":"a","unique_id":"b"}}""")]
    [InlineData("""{"code":0,"code":0,"data":{"unique_id":"a"}}""")]
    [InlineData("""{"code":0,"data":{"unique\u005fid":"a"}}""")]
    [InlineData("""{"code":0,"data":{"unique_id":"a","motion_info":{"clarity":1,"clarity":2}}}""")]
    [InlineData("""{"code":0,"data":{"unique_id":"a","create_time":1e400}}""")]
    [InlineData("""{"code":0,"data":{"unique_id":"a","type":"video"}}""")]
    [InlineData("""{"code":0,"data":{"unique_id":""}}""")]
    [InlineData("""{"code":0,"data":{"unique_id":"a"}} x""")]
    [InlineData("""{"code":0,"msg":"\ud800","data":{"unique_id":"a"}}""")]
    [InlineData("""{"code":"0","data":{"unique_id":"a"}}""")]
    [InlineData("""{"code":40000,"msg":"bad","data":{"unique_id":"a"}}""")]
    [InlineData("""{"code":0}""")]
    public void FastReader_UnusualTaskBody_Declines(string json)
    {
        Assert.False(TaskFastReader.Task!(Encoding.UTF8.GetBytes(json), out var task));
        Assert.Null(task);
    }

    [Fact]
    public void FastReader_InvalidUtf8InAnUnreadField_Declines()
    {
        byte[] body = [.. "{\"code\":0,\"data\":{\"unique_id\":\"a\",\"note\":\""u8, 0xC3, 0x28, .. "\"}}"u8];

        Assert.False(TaskFastReader.Task!(body, out _));
    }

    private static void Compare<T>(byte[] body, ChanjingEndpoint<T> endpoint, FastEnvelopeReader<T> fast, Action<T, T, byte[]> assertSame, Tally tally)
        where T : class
    {
        tally.Bodies++;
        bool accepted;
        T? quick;
        try
        {
            accepted = fast(body, out quick);
        }
        catch (Exception ex)
        {
            throw new Xunit.Sdk.XunitException($"The fast reader threw instead of declining: {ex}");
        }

        object? usual;
        try
        {
            usual = Usual(body, endpoint);
            tally.UsualRead++;
        }
        catch (Exception ex)
        {
            usual = ex;
        }

        if (!accepted)
        {
            Assert.Null(quick);
            return;
        }

        tally.Accepted++;
        Assert.False(usual is Exception, $"The fast reader accepted a body the usual path refuses: {usual}");
        assertSame((T)usual!, quick!, body);
    }

    private static T Usual<T>(byte[] body, ChanjingEndpoint<T> endpoint)
    {
        using var response = ResponseReader.Read(HttpStatusCode.OK, null, body);
        return endpoint.Convert(response);
    }

    private static void AssertSamePage(TaskPage expected, TaskPage actual, byte[] body)
    {
        Assert.Equal(expected.TotalPages, actual.TotalPages);
        Assert.Equal(expected.TotalCount, actual.TotalCount);
        Assert.Equal(expected.Tasks.Count, actual.Tasks.Count);
        for (var i = 0; i < expected.Tasks.Count; i++)
        {
            AssertSameTask(expected.Tasks[i], actual.Tasks[i], body);
        }
    }

    private static void AssertSameTask(CreationTask expected, CreationTask actual, byte[] body)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Status.Value, actual.Status.Value);
        Assert.Equal(expected.ErrorMessage, actual.ErrorMessage);
        AssertSameUris(expected.OutputUrls, actual.OutputUrls);
        Assert.Equal(expected.Type.Value, actual.Type.Value);
        Assert.Equal(expected.ModelCode, actual.ModelCode);
        Assert.Equal(expected.ModelName, actual.ModelName);
        Assert.Equal(expected.CreatedAt, actual.CreatedAt);
        Assert.Equal(expected.AspectRatio, actual.AspectRatio);
        AssertSameUris(expected.ReferenceImageUrls, actual.ReferenceImageUrls);
        Assert.Equal(expected.RecordId, actual.RecordId);
        Assert.Equal(expected.NumberOfCreations, actual.NumberOfCreations);
        Assert.Equal(expected.VideoSettings is null, actual.VideoSettings is null);
        if (expected.VideoSettings is { } ev && actual.VideoSettings is { } av)
        {
            Assert.Equal((ev.Prompt, ev.Clarity, ev.AspectRatio, ev.DurationSeconds, ev.QualityMode, ev.Style), (av.Prompt, av.Clarity, av.AspectRatio, av.DurationSeconds, av.QualityMode, av.Style));
            AssertSameUris(ev.PhotoUrls, av.PhotoUrls);
        }

        Assert.Equal(expected.ImageSettings is null, actual.ImageSettings is null);
        if (expected.ImageSettings is { } ei && actual.ImageSettings is { } ai)
        {
            Assert.Equal((ei.Prompt, ei.Clarity, ei.AspectRatio, ei.QualityMode, ei.NumberOfImages), (ai.Prompt, ai.Clarity, ai.AspectRatio, ai.QualityMode, ai.NumberOfImages));
            AssertSameUris(ei.ReferenceImageUrls, ai.ReferenceImageUrls);
        }

        // RawJson: the same bytes, and (like the usual path's on .NET 9+) a slice of the body, not a copy.
        Assert.True(expected.RawUtf8.Span.SequenceEqual(actual.RawUtf8.Span), $"RawJson differs: {Encoding.UTF8.GetString(expected.RawUtf8.Span)} / {Encoding.UTF8.GetString(actual.RawUtf8.Span)}");
        Assert.True(MemoryMarshal.TryGetArray(actual.RawUtf8, out var slice) && ReferenceEquals(slice.Array, body), "RawJson is not a slice of the body");
    }

    /// <summary>Every property the usual reader gives, and RawJson as the same bytes sliced from <paramref name="body"/>.</summary>
    internal static void AssertSameVideo(AvatarVideo expected, AvatarVideo actual, byte[] body)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Status.Value, actual.Status.Value);
        Assert.Equal(expected.Progress, actual.Progress);
        Assert.Equal(expected.ErrorMessage, actual.ErrorMessage);
        Assert.Equal(expected.VideoUrl?.OriginalString, actual.VideoUrl?.OriginalString);
        Assert.Equal(expected.VideoUrl, actual.VideoUrl);
        Assert.Equal(expected.CoverUrl?.OriginalString, actual.CoverUrl?.OriginalString);
        Assert.Equal(expected.CoverUrl, actual.CoverUrl);
        Assert.Equal(expected.SubtitleTimelineUrl?.OriginalString, actual.SubtitleTimelineUrl?.OriginalString);
        Assert.Equal(expected.SubtitleTimelineUrl, actual.SubtitleTimelineUrl);
        Assert.Equal(expected.Duration, actual.Duration);
        Assert.Equal(expected.CreatedAt, actual.CreatedAt);
        Assert.Equal(expected.IsFinished, actual.IsFinished);
        Assert.Equal(expected.IsSucceeded, actual.IsSucceeded);
        Assert.Equal(expected.OutputUrls.Select(u => u.OriginalString), actual.OutputUrls.Select(u => u.OriginalString));
        Assert.True(expected.RawUtf8.Span.SequenceEqual(actual.RawUtf8.Span), $"RawJson differs: {Encoding.UTF8.GetString(expected.RawUtf8.Span)} / {Encoding.UTF8.GetString(actual.RawUtf8.Span)}");
        Assert.Equal(expected.RawJson.GetRawText(), actual.RawJson.GetRawText());
        Assert.True(MemoryMarshal.TryGetArray(actual.RawUtf8, out var slice) && ReferenceEquals(slice.Array, body), "RawJson is not a slice of the body");
    }

    /// <summary>An avatar-video answer whose every field may be missing, repeated, of another type, odd or mutated.</summary>
    private static byte[] AvatarVideoBody(Random random)
    {
        string[] texts =
        [
            "\"video-1\"", "\"\"", "\" \"", "\"a\\u0001b\"", "\"\\u00e9t\u00e9\"", "\"\\ud800\"", "\"马\"", "\"蝉豆不足扣费失败\"", "\"a\\\"b\"",
            "12345", "-1", "1.5", "1e3", "1e400", "null", "true", "{}", "[]", "[\"x\"]", "{\"a\":{\"b\":[1,2]}}",
        ];
        string[] numbers =
        [
            "0", "1", "10", "30", "40", "50", "100", "101", "-5", "30.0", "30.5", "1e2", "-0", "2147483648", "-2147483649", "9223372036854775807",
            "9223372036854775808", "1e19", "1e400", "1772510584", "253402300799", "253402300800", "922337203685", "900000000000",
            "\"30\"", "\"\"", "\" 7\"", "\"+8\"", "\"1.5\"", "\"abc\"", "\"\\u0033\\u0030\"", "null", "true", "[]", "{}",
        ];
        string[] urls =
        [
            "\"https://res.chanjing.cc/chanjing/res/video/video-1.mp4\"", "\"http://x.test/a b.png\"", "\"https:\\/\\/res.chanjing.cc\\/v.json\"",
            "\"ftp://x.test/a\"", "\"not a url\"", "\"/relative/path.mp4\"", "\"\"", "\"https://例子.测试/视频.mp4\"", "\"https://x.test/\\u00e9\"",
            "\"http://[::1]/x\"", "\"https://\"", "\"file:///etc/passwd\"", "12", "null", "[\"https://x.test/a\"]", "{}",
        ];
        (string Name, string[] Values)[] fields =
        [
            ("id", [.. texts, "\"a60747d7dc054afcb2efee4370ed53c6\"", "\"9499ed79995c4bdb95f0d66ca84419fd\""]),
            ("status", numbers), ("progress", numbers), ("msg", texts),
            ("video_url", urls), ("preview_url", urls), ("subtitle_data_url", urls),
            ("duration", numbers), ("create_time", numbers),
            ("audio_urls", ["null", "[]", "[\"https://x.test/a.wav\"]"]), ("extra", texts), ("i\\u0064", ["\"x\""]),
        ];

        var members = new List<string>();
        foreach (var (name, values) in fields)
        {
            var present = name == "id" ? random.Next(10) > 0 : name.Contains('\\', StringComparison.Ordinal) ? random.Next(20) == 0 : random.Next(5) > 0;
            var copies = present ? (random.Next(25) == 0 ? 2 : 1) : 0;
            for (var i = 0; i < copies; i++)
            {
                // Mostly the typical value (the first few), sometimes any of them.
                var value = random.Next(3) == 0 ? values[random.Next(values.Length)] : values[random.Next(Math.Min(4, values.Length))];
                members.Add($"\"{name}\":{value}");
            }
        }

        members = [.. members.OrderBy(_ => random.Next())];
        var data = random.Next(30) switch
        {
            0 => "null",
            1 => "\"video-1\"",
            2 => "[]",
            _ => "{" + string.Join(",", members) + "}",
        };
        var json = random.Next(12) switch
        {
            0 => $$"""{"code":0,"data":{{data}}}""",
            1 => $$"""{"code":10400,"msg":"bad","data":{{data}}}""",
            2 => $$"""{"code":0,"data":{{data}},"data":null}""",
            _ => $$"""{"trace_id":"8ff3fcd57b33566048ef28568c6cee96","code":0,"msg":"success","data":{{data}}}""",
        };
        var body = Encoding.UTF8.GetBytes(json);
        if (random.Next(6) == 0 && body.Length > 0)
        {
            body[random.Next(body.Length)] = (byte)random.Next(256); // a mutated byte: invalid UTF-8, broken JSON, another value
        }

        return body;
    }

    private static void AssertSameUris(IReadOnlyList<Uri> expected, IReadOnlyList<Uri> actual)
    {
        Assert.Equal(ReferenceEquals(expected, LazyUriList.Empty), ReferenceEquals(actual, LazyUriList.Empty));
        Assert.Equal(expected.Select(u => u.OriginalString), actual.Select(u => u.OriginalString));
    }

    private sealed class Tally
    {
        public int Bodies;
        public int UsualRead;
        public int Accepted;

        public override string ToString() =>
            $"{Accepted:N0} of {Bodies:N0} bodies accepted ({100.0 * Accepted / Math.Max(1, Bodies):F1}%); the usual path read {UsualRead:N0}, so {100.0 * Accepted / Math.Max(1, UsualRead):F1}% of those were read in one pass";
    }
}
