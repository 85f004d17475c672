using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Chanjing.Sdk.Tests.Reliability;

/// <summary>
/// Builds task and page envelopes from one seeded <see cref="Random"/>: mostly plausible, with every field now and then
/// missing, null, repeated, of another JSON type, a number as a string, escaped, unicode, over-long, or nested junk;
/// names escaped, members shuffled, whitespace anywhere, and some bodies cut or damaged as bytes.
/// </summary>
internal sealed class TaskBodyGenerator(Random random)
{
    /// <summary>How much rarer every oddity is in this body: a third of the bodies are wild, the rest mostly plausible.</summary>
    private readonly int _calm = random.Next(3) == 0 ? 1 : 8;

    private static readonly JsonSerializerOptions Raw = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly string[] Whitespace = [" ", "\n", "\r\n  ", "\t", "    "];
    private static readonly string[] Texts = ["", " ", "Success", "Generating", "Error", "16:9", "9:16", "happyhorse-1.0-r2v", "任务失败,本次生成不消耗蝉豆", "quote \" and \\ and /", "emoji 🐎 \u00e9", "tab\there", "<script>&'+"];
    private static readonly string[] OddStrings = ["12", "-0", "1.5e3", "null", "true", "{}", "[1,\"a\"]", "\"\\ud800 lone\"", "\"\\u0041\\u00e9\"", "\"\\/path\"", "0.0000001"];
    private static readonly string[] Integers = ["0", "1", "-1", "4", "1080", "1772510584", "-0", "1.5", "1e3", "2.5E2", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1e19", "1e400", "-1e400", "99999999999999999999999", "0.0000001", "253402300799", "253402300800", "\"12\"", "\" 12 \"", "\"+5\"", "\"-7\"", "\"\"", "\"abc\"", "\"1.5\"", "\"99999999999999999999\"", "null", "true", "[]", "{}", "\"\\u0031\"", "1E+2", "-1.9"];
    private static readonly string[] Urls = ["https://res.chanjing.cc/out/1.mp4", "/files/outputs/x.mp4", "not a url", "https://a/b c.png", "ftp://x/y", "https://x/?Signature=abc&Expires=1", "https://a/图片/é.png"];

    /// <summary>URLs as JSON text the generator would not write itself: escaped slashes and letters, long multi-byte texts.</summary>
    private static readonly string[] UrlLiterals = ["\"https:\\/\\/res.chanjing.cc\\/out\\/1.mp4\"", "\"https://a/\\u00e9.png\"", "\"\\u0068ttps://a/b.png\"", "\"" + new string('é', 20_000) + "\"", "\"" + new string('é', LazyUriList.MaxLength + 1) + "\""];
    private static readonly string[] Names = ["unique_id", "progress_desc", "err_msg", "output_url", "type", "model_code", "model_name", "create_time", "aspect_ratio", "ref_img_url", "id", "number_ai_creation", "motion_info", "photo_info"];
    private static readonly string[] Codes = ["0", "-0", "0.0", "0e0", "1e0", "\"0\"", "1", "400", "10400", "40001", "50000", "null", "2147483648", "[]"];

    /// <summary>A realistic task, as the list and lookup report it (the benchmark's canned task).</summary>
    public static string CannedTask(int i, bool finished) =>
        $$"""{"id":{{i}},"unique_id":"task-{{i}}","create_time":1772510584,"number_ai_creation":1,"type":4,"progress_desc":"{{(finished || i % 3 == 0 ? "Success" : "Generating")}}","err_msg":"","aspect_ratio":"16:9","output_url":[{{(finished || i % 3 == 0 ? $"\"https://res.chanjing.cc/chanjing/res/aigc_creation/output/{i}.mp4\"" : "")}}],"photo_info":{"ref_img_url":[],"ref_prompt":"","clarity":0,"aspect_ratio":"","quality_mode":"","number_of_images":0},"motion_info":{"photo_path_url":null,"ref_prompt":"keep the horse's features consistent","clarity":1080,"quality_mode":"","style":"","aspect_ratio":"16:9","video_duration":5},"ref_img_url":["https://res.chanjing.cc/chanjing/res/aigc_creation/photo/ref1.jpg","https://res.chanjing.cc/chanjing/res/aigc_creation/photo/ref2.jpg"],"model_code":"happyhorse-1.0-r2v","model_name":""}""";

    /// <summary>The benchmark's canned page of 50 finished tasks in its envelope.</summary>
    public static string CannedPage() =>
        """{"trace_id":"8ff3fcd57b33566048ef28568c6cee96","code":0,"msg":"success","data":{"list":["""
        + string.Join(",", Enumerable.Range(0, 50).Select(i => CannedTask(i, finished: true)))
        + """],"total":50,"page_info":{"page":1,"size":50,"total_count":50,"total_page":1}}}""";

    /// <summary>An envelope whose data is a task or a page, possibly damaged as bytes.</summary>
    public byte[] Body()
    {
        var data = Chance(2) ? Task() : Page();
        var members = new List<(string, string)>();
        AddSometimes(members, "trace_id", () => Chance(8) ? Any() : Quote(Chance(2) ? "8ff3fcd57b33566048ef28568c6cee96" : Text()), 20);
        AddSometimes(members, "code", () => Rare(3) ? Pick(Codes) : "0", 30);
        AddSometimes(members, "msg", () => Chance(8) ? Any() : Quote(Chance(2) ? "success" : Text()), 20);
        AddSometimes(members, "data", () => Rare(40) ? Any() : data, 30);
        var json = Rare(60) ? data : Object(members);
        var bytes = Encoding.UTF8.GetBytes(Chance(10) ? Pad() + json + Pad() : json);
        if (!Rare(8))
        {
            return bytes;
        }

        var at = random.Next(bytes.Length + 1);
        return random.Next(6) switch
        {
            0 => bytes[..at],
            1 => [.. bytes[..at], 0xC3, 0x28, .. bytes[at..]],
            2 => [.. bytes[..at], 0xED, 0xA0, 0x80, .. bytes[at..]],
            3 when bytes.Length > 0 => [.. bytes[..Math.Min(at, bytes.Length - 1)], (byte)random.Next(256), .. bytes[(Math.Min(at, bytes.Length - 1) + 1)..]],
            4 => [0xEF, 0xBB, 0xBF, .. bytes],
            _ => [.. bytes, .. Encoding.UTF8.GetBytes(Pick(["x", "{}", ",", " \n", "0"]))],
        };
    }

    private string Page()
    {
        var members = new List<(string, string)>();
        AddSometimes(members, "list", () => Rare(15) ? Pick(["null", "{}", "5", "\"x\"", "[null]", "[5]", "[[]]", "[\"x\"]"]) : "[" + string.Join("," + Pad(), Enumerable.Range(0, random.Next(6)).Select(_ => Task())) + "]", 20);
        AddSometimes(members, "total", Integer, 8);
        AddSometimes(members, "page_info", () => Rare(10) ? Any() : Object(PageInfo()), 8);
        return Object(members);
    }

    private List<(string, string)> PageInfo()
    {
        var members = new List<(string, string)>();
        AddSometimes(members, "page", Integer, 5);
        AddSometimes(members, "size", Integer, 5);
        AddSometimes(members, "total_count", Integer, 8);
        AddSometimes(members, "total_page", Integer, 8);
        return members;
    }

    private string Task()
    {
        if (Chance(6))
        {
            return CannedTask(random.Next(100), Chance(2));
        }

        var members = new List<(string, string)>();
        AddSometimes(members, "unique_id", () => Rare(10) ? Pick(["\"\"", "12", "null", "true", "{}", "\"\\u0074ask\""]) : Quote(RandomGuid()), 30);
        AddSometimes(members, "progress_desc", () => StringValue(), 10);
        AddSometimes(members, "err_msg", () => StringValue(), 10);
        AddSometimes(members, "output_url", UrlValue, 10);
        AddSometimes(members, "type", Integer, 10);
        AddSometimes(members, "model_code", () => StringValue(), 10);
        AddSometimes(members, "model_name", () => StringValue(), 10);
        AddSometimes(members, "create_time", Integer, 10);
        AddSometimes(members, "aspect_ratio", () => StringValue(), 10);
        AddSometimes(members, "ref_img_url", UrlValue, 10);
        AddSometimes(members, "id", Integer, 10);
        AddSometimes(members, "number_ai_creation", Integer, 10);
        AddSometimes(members, "motion_info", () => Rare(8) ? Any() : Settings(["ref_prompt", "clarity", "aspect_ratio", "video_duration", "quality_mode", "style", "photo_path_url"]), 6);
        AddSometimes(members, "photo_info", () => Rare(8) ? Any() : Settings(["ref_prompt", "clarity", "aspect_ratio", "quality_mode", "number_of_images", "ref_img_url"]), 6);
        return Object(members);
    }

    private string Settings(string[] names)
    {
        var members = new List<(string, string)>();
        foreach (var name in names)
        {
            AddSometimes(members, name, name.EndsWith("url", StringComparison.Ordinal) ? UrlValue : name is "clarity" or "video_duration" or "number_of_images" ? Integer : () => StringValue(), 6);
        }

        return Object(members);
    }

    /// <summary>Usually adds the member; sometimes leaves it out, makes it null, or adds it twice (1 in <paramref name="odds"/> each).</summary>
    private void AddSometimes(List<(string, string)> members, string name, Func<string> value, int odds)
    {
        if (Rare(odds))
        {
            return;
        }

        members.Add((name, Rare(odds) ? "null" : value()));
        if (Rare(odds * 3))
        {
            members.Add((name, Chance(2) ? value() : members[^1].Item2));
        }
    }

    private string Object(List<(string Name, string Value)> members)
    {
        if (Chance(4))
        {
            for (var i = random.Next(1, 3); i > 0; i--)
            {
                members.Insert(random.Next(members.Count + 1), (Chance(3) ? Pick(Names) + "_x" : Text(), Any()));
            }
        }

        if (Chance(3))
        {
            members = [.. members.OrderBy(_ => random.Next())];
        }

        return "{" + Pad() + string.Join("," + Pad(), members.Select(m => Name(m.Name) + Pad() + ":" + Pad() + m.Value)) + Pad() + "}";
    }

    private string Name(string name) => Rare(60) && name.Length > 0
        ? "\"\\u" + ((int)name[0]).ToString("x4", CultureInfo.InvariantCulture) + JsonSerializer.Serialize(name[1..])[1..]
        : Quote(name);

    private string StringValue() => random.Next(12 * _calm) switch
    {
        0 => Pick(OddStrings),
        1 => Any(),
        _ => Quote(Text()),
    };

    private string UrlValue() => random.Next(8 * _calm + 8) switch
    {
        0 => Quote(Pick(Urls)),
        1 => "\"\"",
        2 => "[]",
        3 => Quote(new string('u', LazyUriList.MaxLength + (Chance(2) ? 1 : 0))),
        4 => "[" + Quote(new string('v', LazyUriList.MaxLength + (Chance(2) ? 1 : 0))) + "]",
        5 => Pick(["5", "true", "{}", "{\"url\":\"x\"}", "\"\\ud800\"", "[\"\\udc00\"]"]),
        7 => Chance(2) ? Pick(UrlLiterals) : "[" + Pick(UrlLiterals) + "," + Quote(Pick(Urls)) + "]",
        6 => "[" + string.Join(",", Enumerable.Range(0, random.Next(1, 5)).Select(_ => random.Next(5) switch { 0 => "\"\"", 1 => Any(), _ => Quote(Pick(Urls)) })) + "]",
        _ => "[" + string.Join("," + Pad(), Enumerable.Range(0, random.Next(3)).Select(_ => Quote(Pick(Urls)))) + "]",
    };

    private string RandomGuid()
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }

    private string Integer() => Rare(2) ? Pick(Integers) : (Chance(2) ? random.Next(-5, 5000) : random.NextInt64(-1, 1L << 40)).ToString(CultureInfo.InvariantCulture);

    /// <summary>Any JSON value, nested a little.</summary>
    private string Any(int depth = 0) => random.Next(depth > 2 ? 4 : 7) switch
    {
        0 => Pick(["null", "true", "false"]),
        1 => Integer(),
        2 => Pick(OddStrings),
        3 => Quote(Text()),
        4 => "[" + string.Join(",", Enumerable.Range(0, random.Next(4)).Select(_ => Any(depth + 1))) + "]",
        5 => "{" + string.Join(",", Enumerable.Range(0, random.Next(4)).Select(_ => Quote(Chance(4) ? Pick(Names) : Text()) + ":" + Any(depth + 1))) + "}",
        _ => Rare(4) ? new string('[', 70) + new string(']', 70) : "{\"a\":{\"b\":[{\"c\":null}]}}",
    };

    private string Text() => Chance(5) ? new string((char)random.Next(0x20, 0x3000), random.Next(0, 20)) : Pick(Texts);

    /// <summary>A JSON string: escaped the strict way (non-ASCII as \uXXXX) or with raw UTF-8.</summary>
    private string Quote(string text) => JsonSerializer.Serialize(text, Chance(2) ? Raw : JsonSerializerOptions.Default);

    private string Pad() => Chance(10) ? Pick(Whitespace) : string.Empty;

    private bool Chance(int odds) => random.Next(odds) == 0;

    private bool Rare(int odds) => Chance(odds * _calm);

    private string Pick(string[] items) => items[random.Next(items.Length)];
}
