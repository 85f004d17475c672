using System.Net;
using System.Text;

namespace Chanjing.Sdk.Tests.Reliability;

/// <summary>
/// Adversarial bodies for the one-pass readers of the avatar-video lookup (<see cref="TaskFastReader.Video"/>) and of a
/// create's id (<see cref="TaskFastReader.Id"/>), each compared with the usual path (<see cref="ResponseReader"/> and the
/// endpoint's converter): numbers written oddly, nulls, escapes, odd URLs, duplicate, escaped and case-differing names,
/// trailing data, depth, bytes that are not valid UTF-8. Each case states whether the fast reader accepts it and whether
/// the usual path reads it, so a reader that starts declining everything, or accepting what it should not, fails here.
/// </summary>
public sealed class FastReaderAdversarialTests
{
    private const string Id = "\"id\":\"v\"";

    /// <summary>Bodies the fast reader reads, with every property the usual reader gives and RawJson byte for byte.</summary>
    [Theory]
    // status: whole numbers, -0, numbers in strings (with spaces, signs, escapes), empty string and null as "absent".
    [InlineData("""{"code":0,"data":{"id":"v","status":-0}}""")]
    [InlineData("""{"code":0,"data":{"id":"v","status":-2147483648}}""")]
    [InlineData("""{"code":0,"data":{"id":"v","status":"30"}}""")]
    [InlineData("""{"code":0,"data":{"id":"v","status":" +30 "}}""")]
    [InlineData("""{"code":0,"data":{"id":"v","status":"\u0033\u0030"}}""")]
    [InlineData("""{"code":0,"data":{"id":"v","status":"2147483648"}}""")]
    [InlineData("""{"code":0,"data":{"id":"v","status":"-9223372036854775808"}}""")]
    [InlineData("""{"code":0,"data":{"id":"v","status":""}}""")]
    [InlineData("""{"code":0,"data":{"id":"v","status":null}}""")]
    // progress: fractions truncated, exponents, clamped to 0..100, up to the widest double the reader converts.
    [InlineData("""{"code":0,"data":{"id":"v","progress":1.0}}""")]
    [InlineData("""{"code":0,"data":{"id":"v","progress":1e2}}""")]
    [InlineData("""{"code":0,"data":{"id":"v","progress":100.9}}""")]
    [InlineData("""{"code":0,"data":{"id":"v","progress":-0.5}}""")]
    [InlineData("""{"code":0,"data":{"id":"v","progress":1e-400}}""")]
    [InlineData("""{"code":0,"data":{"id":"v","progress":9.2e18}}""")]
    [InlineData("""{"code":0,"data":{"id":"v","progress":-9223372036854775808}}""")]
    [InlineData("""{"code":0,"data":{"id":"v","progress":"-30"}}""")]
    // duration: fractions, exponents, zero and negatives (none), the largest accepted.
    [InlineData("""{"code":0,"data":{"id":"v","duration":1.0}}""")]
    [InlineData("""{"code":0,"data":{"id":"v","duration":1E+2}}""")]
    [InlineData("""{"code":0,"data":{"id":"v","duration":0.5}}""")]
    [InlineData("""{"code":0,"data":{"id":"v","duration":-0.0}}""")]
    [InlineData("""{"code":0,"data":{"id":"v","duration":-9223372036854775808}}""")]
    [InlineData("""{"code":0,"data":{"id":"v","duration":900000000000}}""")]
    [InlineData("""{"code":0,"data":{"id":"v","duration":"\t30"}}""")]
    // create_time: the last second DateTimeOffset takes, the first it does not, exponents, -0, long.MaxValue.
    [InlineData("""{"code":0,"data":{"id":"v","create_time":253402300799}}""")]
    [InlineData("""{"code":0,"data":{"id":"v","create_time":253402300799.5}}""")]
    [InlineData("""{"code":0,"data":{"id":"v","create_time":253402300800}}""")]
    [InlineData("""{"code":0,"data":{"id":"v","create_time":9223372036854775807}}""")]
    [InlineData("""{"code":0,"data":{"id":"v","create_time":1.7725e9}}""")]
    [InlineData("""{"code":0,"data":{"id":"v","create_time":-0}}""")]
    // id and msg: numbers as their own text, escapes, surrogate pairs, a NUL, whitespace, a known text spelled with an escape.
    [InlineData("""{"code":0,"data":{"id":1E400}}""")]
    [InlineData("""{"code":0,"data":{"id":-0}}""")]
    [InlineData("""{"code":0,"data":{"id":"\ud83d\ude00\u00e9"}}""")]
    [InlineData("""{"code":0,"data":{"id":" "}}""")]
    [InlineData("""{"code":0,"data":{"id":"v","msg":"\u0000"}}""")]
    [InlineData("""{"code":0,"data":{"id":"v","msg":"Succes\u0073"}}""")]
    [InlineData("""{"code":0,"data":{"id":"v","msg":1.50}}""")]
    [InlineData("""{"code":0,"data":{"id":"v","msg":null}}""")]
    // URLs: escaped slashes and letters, upper case, IDN, relative, Windows and UNC paths, other schemes, broken ones, numbers.
    [InlineData("""{"code":0,"data":{"id":"v","status":30,"video_url":"https:\/\/x.test\/a\u00e9.mp4"}}""")]
    [InlineData("""{"code":0,"data":{"id":"v","status":30,"video_url":"HTTPS://X.TEST/A.mp4"}}""")]
    [InlineData("""{"code":0,"data":{"id":"v","status":30,"video_url":"https://例子.测试/视频.mp4"}}""")]
    [InlineData("""{"code":0,"data":{"id":"v","status":30,"video_url":"/relative/a.mp4"}}""")]
    [InlineData("""{"code":0,"data":{"id":"v","status":30,"video_url":"C:\\a.mp4"}}""")]
    [InlineData("""{"code":0,"data":{"id":"v","status":30,"video_url":"\\\\server\\share\\a.mp4"}}""")]
    [InlineData("""{"code":0,"data":{"id":"v","status":30,"video_url":"file:///etc/passwd"}}""")]
    [InlineData("""{"code":0,"data":{"id":"v","status":30,"video_url":"javascript:alert(1)"}}""")]
    [InlineData("""{"code":0,"data":{"id":"v","status":30,"video_url":"https://"}}""")]
    [InlineData("""{"code":0,"data":{"id":"v","status":30,"video_url":"http://[::1"}}""")]
    [InlineData("""{"code":0,"data":{"id":"v","status":30,"video_url":" https://x.test/a\nb "}}""")]
    [InlineData("""{"code":0,"data":{"id":"v","status":30,"video_url":"https://x.test/a\u0000b"}}""")]
    [InlineData("""{"code":0,"data":{"id":"v","status":30,"video_url":"https://user:pass@x.test:99999/%zz"}}""")]
    [InlineData("""{"code":0,"data":{"id":"v","status":30,"preview_url":12.5,"subtitle_data_url":""}}""")]
    // Names: case-differing twins are other fields; duplicates and escapes below the fields read; lone surrogates unread.
    [InlineData("""{"code":0,"Code":1,"Data":null,"data":{"id":"v","ID":"w","Status":"bad","Msg":[]}}""")]
    [InlineData("""{"code":0,"data":{"id":"v","x":{"id":"w","id":"w","\u0069d":"w","status":true}}}""")]
    [InlineData("""{"code":0,"x":"\ud800","msg":{"a":"\ud800"},"trace_id":5,"data":{"id":"v","y":"\udc00"}}""")]
    // Layout: data before code, -0 as the code, whitespace around everything, no trace id or message.
    [InlineData("""{"data":{"id":"v","status":30,"video_url":"https://x.test/a.mp4"},"code":-0}""")]
    [InlineData(" \r\n{ \"code\" : 0 ,\t\"data\" :\n{ \"id\" : \"v\" , \"status\" : 30 } }\n\t ")]
    public void Video_AdversarialBody_AcceptedWithTheUsualVideo(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);

        var (accepted, quick, usual, error) = Both(body);

        Assert.Null(error);
        Assert.True(accepted, $"declined a body the usual path reads: {json}");
        FastReaderDifferentialTests.AssertSameVideo(usual!, quick!, body);
    }

    /// <summary>A few of the accepted bodies with the values spelled out, so both paths agreeing on a wrong value fails too.</summary>
    [Fact]
    public void Video_OddButValidValues_ReadAsTheUsualReaderReadsThem()
    {
        AvatarVideo Read(string data)
        {
            Assert.True(TaskFastReader.Video!(Encoding.UTF8.GetBytes("{\"code\":0,\"data\":{" + Id + "," + data + "}}"), out var video), data);
            return video;
        }

        Assert.Equal(int.MinValue, Read("\"status\":\"2147483648\"").Status.Value);
        Assert.Equal(0, Read("\"status\":\"\"").Status.Value);
        Assert.Equal(30, Read("\"status\":\" +30 \"").Status.Value);
        Assert.Equal(100, Read("\"progress\":9.2e18").Progress);
        Assert.Equal(0, Read("\"progress\":-0.5").Progress);
        Assert.Equal(100, Read("\"progress\":100.9").Progress);
        Assert.Null(Read("\"duration\":0.5").Duration);
        Assert.Equal(TimeSpan.FromSeconds(100), Read("\"duration\":1E+2").Duration);
        Assert.Equal(new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.Zero), Read("\"create_time\":253402300799").CreatedAt);
        Assert.Null(Read("\"create_time\":253402300800").CreatedAt);
        Assert.Equal("1.50", Read("\"msg\":1.50").ErrorMessage);
        Assert.Null(Read("\"status\":30,\"video_url\":\"/relative/a.mp4\"").VideoUrl);
        Assert.False(Read("\"status\":30,\"video_url\":\"file:///etc/passwd\"").IsSucceeded);
        Assert.Equal("https://x.test/aé.mp4", Read("\"status\":30,\"video_url\":\"https:\\/\\/x.test\\/a\\u00e9.mp4\"").VideoUrl?.OriginalString);
    }

    /// <summary>Bodies the fast reader declines; <paramref name="usualReads"/> says whether the usual path reads them (true) or throws.</summary>
    [Theory]
    // The envelope: anything but a plain integer 0 as the code, a repeated or escaped code or data, no data, data not an object.
    [InlineData("""{"code":0.0,"data":{"id":"v"}}""", false)]
    [InlineData("""{"code":0e0,"data":{"id":"v"}}""", false)]
    [InlineData("""{"code":"0","data":{"id":"v"}}""", false)]
    [InlineData("""{"code":null,"data":{"id":"v"}}""", false)]
    [InlineData("""{"code":10400,"msg":"bad","data":{"id":"v"}}""", false)]
    [InlineData("""{"code":2147483648,"data":{"id":"v"}}""", false)]
    [InlineData("""{"code":0,"code":1,"data":{"id":"v"}}""", false)]
    [InlineData("""{"code":1,"code":0,"data":{"id":"v"}}""", true)]
    [InlineData("""{"c\u006fde":0,"data":{"id":"v"}}""", true)]
    [InlineData("""{"code":0,"c\u006fde":1,"data":{"id":"v"}}""", false)]
    [InlineData("""{"Code":0,"data":{"id":"v"}}""", false)]
    [InlineData("""{"code":0,"Data":{"id":"v"}}""", false)]
    [InlineData("""{"code":0,"data":{"id":"v"},"data":{"id":"w"}}""", true)]
    [InlineData("""{"code":0,"data":{"id":"v"},"data":null}""", false)]
    [InlineData("""{"code":0,"d\u0061ta":{"id":"v"}}""", true)]
    [InlineData("""{"code":0,"data":null}""", false)]
    [InlineData("""{"code":0,"data":[{"id":"v"}]}""", false)]
    [InlineData("""{"code":0,"data":{}}""", false)]
    [InlineData("""{"code":0}""", false)]
    [InlineData("""[{"code":0,"data":{"id":"v"}}]""", false)]
    // The envelope's own texts, read by the usual path: an unpaired surrogate fails it, and a repeated one.
    [InlineData("""{"code":0,"msg":"\ud800","data":{"id":"v"}}""", false)]
    [InlineData("""{"code":0,"trace_id":"\udc00","data":{"id":"v"}}""", false)]
    [InlineData("""{"code":0,"msg":"a","msg":"\ud800","data":{"id":"v"}}""", false)]
    // Not one JSON value: trailing data, a trailing comma, comments, truncation, NaN, leading zeros, single quotes, raw control characters.
    [InlineData("""{"code":0,"data":{"id":"v"}} x""", false)]
    [InlineData("""{"code":0,"data":{"id":"v"}}{}""", false)]
    [InlineData("""{"code":0,"data":{"id":"v"},}""", false)]
    [InlineData("""/**/{"code":0,"data":{"id":"v"}}""", false)]
    [InlineData("""{"code":0,"data":{"id":"v"}}//""", false)]
    [InlineData("""{"code":0,"data":{"id":"v"}""", false)]
    [InlineData("""{"code":0,"data":{"id":"v","status":NaN}}""", false)]
    [InlineData("""{"code":0,"data":{"id":"v","status":030}}""", false)]
    [InlineData("""{"code":0,"data":{"id":"v",'status':30}}""", false)]
    [InlineData("{\"code\":0,\"data\":{\"id\":\"v\tw\"}}", false)]
    [InlineData("""{"code":0,"data":{"id":"v","x":"\x"}}""", false)]
    [InlineData("", false)]
    [InlineData("  ", false)]
    // Repeated or escaped names the reader reads (the usual reader takes the last; the fast one does not guess).
    [InlineData("""{"code":0,"data":{"id":"v","id":"w"}}""", true)]
    [InlineData("""{"code":0,"data":{"id":"v","status":30,"status":10}}""", true)]
    [InlineData("""{"code":0,"data":{"id":"v","duration":1,"duration":true}}""", false)]
    [InlineData("""{"code":0,"data":{"i\u0064":"v"}}""", true)]
    [InlineData("""{"code":0,"data":{"id":"v","st\u0061tus":30}}""", true)]
    [InlineData("""{"code":0,"data":{"id":"v","\u0078":1}}""", true)]
    // The id: missing, empty, null, of another type, an unpaired surrogate, only a case-differing twin.
    [InlineData("""{"code":0,"data":{"id":""}}""", false)]
    [InlineData("""{"code":0,"data":{"id":null}}""", false)]
    [InlineData("""{"code":0,"data":{"id":true}}""", false)]
    [InlineData("""{"code":0,"data":{"id":["v"]}}""", false)]
    [InlineData("""{"code":0,"data":{"id":"\ud800"}}""", false)]
    [InlineData("""{"code":0,"data":{"ID":"v"}}""", false)]
    // status: whole numbers the usual reader takes through a double, fractions and huge numbers (int.MinValue there); refused types.
    [InlineData("""{"code":0,"data":{"id":"v","status":30.0}}""", true)]
    [InlineData("""{"code":0,"data":{"id":"v","status":1e2}}""", true)]
    [InlineData("""{"code":0,"data":{"id":"v","status":-0.0}}""", true)]
    [InlineData("""{"code":0,"data":{"id":"v","status":30.5}}""", true)]
    [InlineData("""{"code":0,"data":{"id":"v","status":2147483648}}""", true)]
    [InlineData("""{"code":0,"data":{"id":"v","status":1e400}}""", true)]
    [InlineData("""{"code":0,"data":{"id":"v","status":"30.0"}}""", false)]
    [InlineData("""{"code":0,"data":{"id":"v","status":"9223372036854775808"}}""", false)]
    [InlineData("""{"code":0,"data":{"id":"v","status":" "}}""", false)]
    [InlineData("""{"code":0,"data":{"id":"v","status":"١"}}""", false)]
    [InlineData("""{"code":0,"data":{"id":"v","status":true}}""", false)]
    // progress, duration, create_time: beyond what converts the same everywhere, past TimeSpan, refused strings and types.
    [InlineData("""{"code":0,"data":{"id":"v","progress":9.3e18}}""", true)]
    [InlineData("""{"code":0,"data":{"id":"v","progress":1e400}}""", true)]
    [InlineData("""{"code":0,"data":{"id":"v","progress":"1e2"}}""", false)]
    [InlineData("""{"code":0,"data":{"id":"v","progress":[1]}}""", false)]
    [InlineData("""{"code":0,"data":{"id":"v","duration":900000000001}}""", true)]
    [InlineData("""{"code":0,"data":{"id":"v","duration":922337203686}}""", false)]
    [InlineData("""{"code":0,"data":{"id":"v","duration":9223372036854775807}}""", false)]
    [InlineData("""{"code":0,"data":{"id":"v","duration":1e400}}""", false)]
    [InlineData("""{"code":0,"data":{"id":"v","duration":-1e400}}""", true)]
    [InlineData("""{"code":0,"data":{"id":"v","duration":"\u0000"}}""", false)]
    [InlineData("""{"code":0,"data":{"id":"v","create_time":9223372036854775808}}""", true)]
    [InlineData("""{"code":0,"data":{"id":"v","create_time":{}}}""", false)]
    // Texts and URLs of a refused type or with an unpaired surrogate.
    [InlineData("""{"code":0,"data":{"id":"v","msg":false}}""", false)]
    [InlineData("""{"code":0,"data":{"id":"v","msg":"\udc00"}}""", false)]
    [InlineData("""{"code":0,"data":{"id":"v","video_url":["https://x.test/a.mp4"]}}""", false)]
    [InlineData("""{"code":0,"data":{"id":"v","preview_url":{}}}""", false)]
    [InlineData("""{"code":0,"data":{"id":"v","subtitle_data_url":"https://x.test/\ud800"}}""", false)]
    public void Video_AdversarialBody_Declined(string json, bool usualReads)
    {
        var body = Encoding.UTF8.GetBytes(json);

        var (accepted, quick, usual, error) = Both(body);

        Assert.False(accepted, $"accepted {json}");
        Assert.Null(quick);
        Assert.Equal(usualReads, usual is not null);
        Assert.Equal(usualReads, error is null);
    }

    /// <summary>Nesting up to the parsers' depth limit (64) is read alike; one level more, both refuse.</summary>
    [Theory]
    [InlineData(61, true)]
    [InlineData(62, true)]
    [InlineData(63, false)]
    public void Video_DeepUnknownFieldInData_ReadAlikeUpToTheDepthLimit(int depth, bool read)
    {
        var body = Encoding.UTF8.GetBytes("{\"code\":0,\"data\":{" + Id + ",\"x\":" + new string('[', depth) + new string(']', depth) + "}}");

        var (accepted, quick, usual, error) = Both(body);

        Assert.Equal(read, accepted);
        Assert.Equal(read, error is null);
        if (read)
        {
            FastReaderDifferentialTests.AssertSameVideo(usual!, quick!, body);
        }
    }

    /// <summary>Bytes that are not the UTF-8 of one JSON value: declined, and refused by the usual path too.</summary>
    [Fact]
    public void Video_BodiesThatAreNotUtf8Json_DeclinedAndRefused()
    {
        var plain = Encoding.UTF8.GetBytes("""{"code":0,"data":{"id":"v","status":30,"video_url":"https://x.test/a.mp4"}}""");
        (byte[] Body, bool UsualReads)[] bodies =
        [
            ([0xEF, 0xBB, 0xBF, .. plain], false), // a UTF-8 byte-order mark
            ([.. plain, 0], false), // a trailing NUL
            ([.. "{\"code\":0,\"data\":{\"id\":\""u8, 0xC0, 0xAF, .. "\"}}"u8], false), // an overlong encoding
            ([.. "{\"code\":0,\"data\":{\"id\":\""u8, 0xED, 0xA0, 0x80, .. "\"}}"u8], false), // an encoded surrogate
            ([.. "{\"code\":0,\"data\":{\"id\":\"v\",\"x\":\""u8, 0xFF, .. "\"}}"u8], true), // an invalid byte where neither reads (JsonDocument checks UTF-8 only in what is read)
            (Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(plain)), false), // UTF-16
        ];

        Assert.True(TaskFastReader.Video!(plain, out _));
        foreach (var (body, usualReads) in bodies)
        {
            var (accepted, quick, _, error) = Both(body);
            Assert.False(accepted, Convert.ToBase64String(body));
            Assert.Null(quick);
            Assert.Equal(usualReads, error is null);
        }
    }

    /// <summary>A 70,000-character URL (no length limit applies to a single URL here): the same URL on both paths.</summary>
    [Fact]
    public void Video_VeryLongUrl_ReadAlikeOnBothPaths()
    {
        var body = Encoding.UTF8.GetBytes("{\"code\":0,\"data\":{" + Id + ",\"status\":30,\"video_url\":\"https://x.test/" + new string('a', 70_000) + "\"}}");

        var (accepted, quick, usual, error) = Both(body);

        Assert.Null(error);
        Assert.True(accepted);
        FastReaderDifferentialTests.AssertSameVideo(usual!, quick!, body);
        Assert.Equal("https://x.test/".Length + 70_000, quick!.VideoUrl?.OriginalString.Length);
    }

    /// <summary>The id answer of a create: accepted with the usual id, or declined; never accepted where a usual reader throws.</summary>
    [Theory]
    [InlineData("\"abc\"", true, true, true)]
    [InlineData("\" \"", true, true, true)]
    [InlineData("\"x\u200b\"", true, true, true)] // a zero-width space is no control character
    [InlineData("\"\ufeffx\"", true, true, true)]
    [InlineData("\"x\u0085\"", false, true, false)] // a C1 control (NEL): the product create refuses it, the submit does not
    [InlineData("\"a\\u0062c\"", false, true, true)] // escaped: declined, read the usual way
    [InlineData("\"\\/\"", false, true, true)]
    [InlineData("\"a\\u0000\"", false, true, false)]
    [InlineData("\"\\ud800\"", false, false, false)]
    [InlineData("\"\"", false, false, false)]
    [InlineData("1", false, false, false)]
    [InlineData("1.0", false, false, false)]
    [InlineData("null", false, false, false)]
    [InlineData("{\"id\":\"abc\"}", false, false, false)]
    public void Id_AdversarialData_DeclinesOrGivesTheUsualId(string data, bool accepted, bool submitReads, bool productReads)
    {
        foreach (var json in new[] { $$"""{"code":0,"data":{{data}}}""", $$"""{"data":{{data}},"code":-0,"msg":"success","trace_id":"t","Data":"other"}""" })
        {
            var body = Encoding.UTF8.GetBytes(json);
            Assert.Equal(accepted, TaskFastReader.Id!(body, out var quick));
            foreach (var (endpoint, reads) in new[] { (ChanjingEndpoints.Submit, submitReads), (ChanjingEndpoints.CreateAvatarVideo, productReads) })
            {
                string? usual;
                try
                {
                    using var response = ResponseReader.Read(HttpStatusCode.OK, null, body);
                    usual = endpoint.Convert(response);
                }
                catch (Exception)
                {
                    usual = null;
                }

                Assert.Equal(reads, usual is not null);
                if (accepted)
                {
                    Assert.Equal(usual, quick);
                }
            }
        }
    }

    /// <summary>The id envelope: only a lone integer 0 code, one data, nothing after; the rest declined.</summary>
    [Theory]
    [InlineData("""{"code":0,"data":"abc","data":"abc"}""")]
    [InlineData("""{"code":0,"d\u0061ta":"abc"}""")]
    [InlineData("""{"code":0.0,"data":"abc"}""")]
    [InlineData("""{"code":40000,"data":"abc"}""")]
    [InlineData("""{"code":0,"data":"abc"} 1""")]
    [InlineData("""{"code":0,"trace_id":"\ud800","data":"abc"}""")]
    [InlineData("""{"Code":0,"data":"abc"}""")]
    public void Id_UnusualEnvelope_Declines(string json)
    {
        Assert.False(TaskFastReader.Id!(Encoding.UTF8.GetBytes(json), out var id));
        Assert.Null(id);
    }

    /// <summary>
    /// Realistic answers mutated a byte or a few at a time (replaced, inserted, removed, repeated): the fast reader declines,
    /// or gives the usual video; it never throws and never accepts a body the usual path refuses. A fixed seed per run.
    /// </summary>
    [Fact]
    public void Video_MutatedBodies_DeclinesOrGivesTheUsualVideo()
    {
        string[] seeds =
        [
            """{"trace_id":"8ff3fcd57b33566048ef28568c6cee96","code":0,"msg":"success","data":{"id":"video-1","status":30,"progress":100,"msg":"","video_url":"https://res.chanjing.cc/v/1.mp4","subtitle_data_url":"https://res.chanjing.cc/v/1.json","preview_url":"https://res.chanjing.cc/v/1.png","duration":8,"create_time":1772510584,"audio_urls":null}}""",
            """{"code":0,"data":{"id":"v","status":"30","progress":"1.5","duration":"","create_time":-1,"x":{"a":[1,{"b":"\u00e9"}]}}}""",
            """{"code":0,"data":{"id":12,"status":null,"progress":1e2,"msg":"\u8749\u8c46","video_url":"https:\/\/x.test\/a.mp4","duration":1.5}}""",
        ];
        var alphabet = "{}[],:\"\\u0123456789eE.-+ntfrals "u8.ToArray();
        var random = new Random(20_260_301);
        int accepted = 0, read = 0;
        for (var i = 0; i < 30_000; i++)
        {
            var body = new List<byte>(Encoding.UTF8.GetBytes(seeds[random.Next(seeds.Length)]));
            for (var m = random.Next(1, 5); m > 0 && body.Count > 0; m--)
            {
                var at = random.Next(body.Count);
                switch (random.Next(5))
                {
                    case 0: body[at] = alphabet[random.Next(alphabet.Length)]; break;
                    case 1: body.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                    case 2: body.RemoveRange(at, Math.Min(random.Next(1, 20), body.Count - at)); break;
                    case 3: body.InsertRange(random.Next(body.Count), body.GetRange(at, Math.Min(random.Next(1, 30), body.Count - at))); break;
                    default: body[at] = (byte)random.Next(256); break;
                }
            }

            var bytes = body.ToArray();
            var (fast, quick, usual, error) = Both(bytes);
            read += error is null ? 1 : 0;
            if (fast)
            {
                accepted++;
                Assert.True(error is null, $"accepted a body the usual path refuses ({error?.Message}): {Convert.ToBase64String(bytes)}");
                FastReaderDifferentialTests.AssertSameVideo(usual!, quick!, bytes);
            }
        }

        // Not passing by declining everything.
        Assert.True(accepted > read / 2, $"accepted {accepted} of the {read} mutated bodies the usual path reads");
    }

    private static (bool Accepted, AvatarVideo? Quick, AvatarVideo? Usual, Exception? Error) Both(byte[] body)
    {
        bool accepted;
        AvatarVideo? quick;
        try
        {
            accepted = TaskFastReader.Video!(body, out quick);
        }
        catch (Exception ex)
        {
            throw new Xunit.Sdk.XunitException($"The fast reader threw instead of declining: {ex}");
        }

        try
        {
            using var response = ResponseReader.Read(HttpStatusCode.OK, null, body);
            return (accepted, quick, ChanjingEndpoints.GetAvatarVideo.Convert(response), null);
        }
        catch (Exception ex)
        {
            return (accepted, quick, null, ex);
        }
    }
}
