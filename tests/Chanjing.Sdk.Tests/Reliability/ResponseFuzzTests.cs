using System.Globalization;
using System.Net;
using System.Text;
using CsCheck;

namespace Chanjing.Sdk.Tests.Reliability;

/// <summary>
/// Issue 13, fuzzing: random and mutated envelopes and task objects through the real response path (HttpTransport:
/// bounded read, ResponseReader, the task, page and id parsers). The outcome is always a parsed model or a
/// ChanjingException whose text holds no credential, never another exception type. Seeds: CsCheck reports the seed
/// of a failing case; set CHANJING_FUZZ_SEED to it to replay exactly that case first.
/// </summary>
public sealed class ResponseFuzzTests(ITestOutputHelper output)
{
    public const string SeedVariable = "CHANJING_FUZZ_SEED";
    private const string Token = "TOKENbd81c4e0aa7f4f3c9e2d0b7a51f6c3d9";
    private const string Secret = "SECRETk3y9f8e7d6c5b4a3";
    private const string Signature = "SIGNATUREq7w6e5r4t3y2";
    private static readonly Uri BaseAddress = new("http://127.0.0.1:1/");
    private static readonly HttpTransport Transport = new(BaseAddress, guarded: false, TimeProvider.System, clock: null, userAgent: null);

    private static readonly string[] Secrets = [Token, Secret, Signature, Token[..12], Signature[..12]];

    private static readonly Gen<string> Strings = Gen.OneOf(
        Gen.String,
        Gen.Const(string.Empty),
        Gen.Const("   "),
        Gen.Const("参数错误: 模型不存在"),
        Gen.Const("\ud800 lone surrogate"),
        Gen.Char.Array[0, 12].Select(c => new string(c)),
        Gen.Int[1_000, 200_000].Select(n => new string('x', n)));

    private static readonly Gen<string> Numbers = Gen.OneOf(
        Gen.Int.Select(i => i.ToString(CultureInfo.InvariantCulture)),
        Gen.Long.Select(l => l.ToString(CultureInfo.InvariantCulture)),
        Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "1e308"),
        Gen.OneOf("0", "-0", "1e400", "-1e400", "99999999999999999999999999999", "4294967296", "2147483648", "-9223372036854775809", "1.5", "0.0000001", "253402300800", "-62135596801"));

    /// <summary>Any JSON value, nested up to a few levels, plus pathological nesting beyond the parser's depth limit.</summary>
    private static readonly Gen<string> Values = Gen.Recursive<string>((depth, inner) => depth >= 4
        ? Scalars()
        : Gen.Frequency(
            (6, Scalars()),
            (2, inner.Array[0, 5].Select(items => "[" + string.Join(",", items) + "]")),
            (2, Gen.Select(Strings, inner).Array[0, 5].Select(members => "{" + string.Join(",", members.Select(m => Quote(m.Item1) + ":" + m.Item2)) + "}")),
            (1, Gen.Int[60, 3_000].Select(n => new string('[', n) + new string(']', n)))));

    private static readonly Gen<string> Statuses = Gen.OneOf("Queued", "Ready", "Generating", "Success", "Error", "Fail", "Cancelled", "success", "", " ", "???");

    /// <summary>A task object: each documented field is a plausible value, a value of any type, null, or missing.</summary>
    private static readonly Gen<string> Tasks = Gen.Select(
            Field("unique_id", Gen.Guid.Select(g => Quote(g.ToString()))),
            Field("progress_desc", Statuses.Select(Quote)),
            Field("err_msg", Strings.Select(Quote)),
            Field("output_url", Gen.OneOf("[\"https://res.chanjing.cc/out/1.mp4\"]", "[]", "\"https://res.chanjing.cc/out/2.mp4\"", "[\"not a url\", 5, null]", "[\"https://x/?Signature=" + Signature + "\"]")),
            Field("type", Gen.OneOf("3", "4", "\"4\"")),
            Field("create_time", Numbers),
            Field("motion_info", Gen.OneOf("{\"ref_prompt\":\"p\",\"clarity\":1080,\"aspect_ratio\":\"16:9\",\"video_duration\":5,\"photo_path_url\":null}", "{}")),
            Field("photo_info", Gen.OneOf("{\"ref_img_url\":[\"https://a/b.png\"],\"clarity\":2048,\"number_of_images\":4}", "{\"number_of_images\":\"x\"}")))
        .Select(Gen.Select(Field("id", Numbers), Field("number_ai_creation", Numbers), Field("model_code", Strings.Select(Quote)), Field("ref_img_url", Gen.OneOf("[]", "[\"https://a/b.png\"]"))),
            (a, b) => "{" + string.Join(",", new[] { a.Item1, a.Item2, a.Item3, a.Item4, a.Item5, a.Item6, a.Item7, a.Item8, b.Item1, b.Item2, b.Item3, b.Item4 }.Where(f => f.Length > 0)) + "}");

    /// <summary>What <c>data</c> may hold: a task, a page of tasks, a task id, credentials, or anything.</summary>
    private static readonly Gen<string> Data = Gen.Frequency(
        (4, Tasks),
        (3, Gen.Select(Tasks.Array[0, 4], Numbers, Numbers).Select((list, pages, count) => $"{{\"list\":[{string.Join(",", list)}],\"total\":{count},\"page_info\":{{\"page\":1,\"size\":50,\"total_count\":{count},\"total_page\":{pages}}}}}")),
        (2, Gen.Guid.Select(g => Quote(g.ToString()))),
        (2, Gen.OneOf(
            $"{{\"access_token\":\"{Token}\",\"expire_in\":1721289220}}",
            $"{{\"sign_url\":\"https://res.chanjing.cc/u/a.png?Expires=1&OSSAccessKeyId=k&Signature={Signature}\",\"full_path\":\"https://res.chanjing.cc/a.png\",\"mime_type\":\"image/png\",\"file_id\":\"f\"}}",
            $"{{\"app_id\":\"a\",\"secret_key\":\"{Secret}\"}}")),
        (3, Values));

    private static readonly Gen<string> Envelopes = Gen.Select(
            Gen.Frequency((6, Gen.Const("0")), (3, Gen.OneOf("400", "10400", "40000", "40001", "50000", "12345", "-1", "\"0\"", "0.5", "null", "1e10")), (1, Numbers)),
            Gen.Frequency((4, Strings.Select(Quote)), (1, Values)),
            Gen.Frequency((4, Gen.Const("\"96afa792520b0e6a86d72e89435bc0a7\"")), (1, Values)),
            Data,
            Gen.Int[0, 15])
        .Select((code, msg, trace, data, shape) =>
            // Fields in varied order, sometimes missing or repeated.
            shape switch
            {
                0 => $"{{\"code\":{code},\"data\":{data}}}",
                1 => $"{{\"data\":{data},\"msg\":{msg},\"code\":{code}}}",
                2 => $"{{\"trace_id\":{trace},\"code\":{code},\"msg\":{msg},\"data\":{data},\"code\":1}}",
                3 => $"{{\"trace_id\":{trace},\"msg\":{msg},\"data\":{data}}}",
                4 => data,
                _ => $"{{\"trace_id\":{trace},\"code\":{code},\"msg\":{msg},\"data\":{data}}}",
            });

    /// <summary>
    /// Envelopes as bytes, some mutated: cut anywhere, invalid UTF-8 spliced in, a byte overwritten, a BOM. Damaged:
    /// bytes inside the text were changed, so a field name such as "access_token" may no longer be recognisable.
    /// </summary>
    private static readonly Gen<(byte[] Body, bool Damaged)> Bodies = Gen.Select(Envelopes, Gen.Int[0, 6], Gen.Double[0, 1], Gen.Byte)
        .Select((json, mutation, where, value) =>
        {
            var bytes = Encoding.UTF8.GetBytes(json);
            var at = (int)(where * bytes.Length);
            byte[] body = mutation switch
            {
                0 => bytes[..at],
                1 => [.. bytes[..at], 0xC3, 0x28, 0xFF, 0xFE, .. bytes[at..]],
                2 when bytes.Length > 0 => [.. bytes[..Math.Min(at, bytes.Length - 1)], value, .. bytes[(Math.Min(at, bytes.Length - 1) + 1)..]],
                3 => [0xEF, 0xBB, 0xBF, .. bytes],
                _ => bytes,
            };
            return (body, mutation is 1 or 2);
        });

    private static readonly Gen<HttpStatusCode> StatusCodes = Gen.Frequency(
        (8, Gen.Const(HttpStatusCode.OK)),
        (2, Gen.OneOf(HttpStatusCode.NoContent, HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests, HttpStatusCode.InternalServerError, HttpStatusCode.BadGateway)),
        (1, Gen.Int[100, 999].Select(i => (HttpStatusCode)i)));

    private enum Reader
    {
        Task,
        Page,
        TaskId,
    }

    [Fact]
    public void ResponsePath_RandomAndMutatedBodies_ParsedOrChanjingExceptionWithoutSecrets()
    {
        var seed = Environment.GetEnvironmentVariable(SeedVariable);
        output.WriteLine($"{SeedVariable}={seed ?? "(not set: random seeds; a failure prints the seed to set)"}; 10,000 cases.");
        var cases = 0;

        Gen.Select(Bodies, StatusCodes, Gen.Enum<Reader>(), Gen.Bool).Sample(
            (input, status, reader, sensitive) =>
            {
                Interlocked.Increment(ref cases);
                var outcome = Send(input.Body, status, reader, sensitive);
                if (outcome is Exception ex)
                {
                    Assert.True(ex is ChanjingException, $"{ex.GetType().Name} escaped: {ex}");

                    // A response that carries credentials (token, upload URL) is read as sensitive and never excerpted; in
                    // any other response the scrubber finds credentials by their field names and URL shape, which a
                    // byte changed inside the text can hide.
                    if (!sensitive && input.Damaged)
                    {
                        return;
                    }

                    var text = ex.ToString();
                    foreach (var secret in Secrets)
                    {
                        for (var level = ex; level is not null; level = level.InnerException)
                        {
                            Assert.False(level.Message.Contains(secret, StringComparison.Ordinal), $"a credential is in the message of {level.GetType().Name} (inside {ex.GetType().Name}): {level.Message[Math.Max(0, level.Message.IndexOf(secret, StringComparison.Ordinal) - 300)..]}");
                        }

                        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
                    }
                }
            },
            writeLine: output.WriteLine,
            seed: seed,
            iter: 10_000,
            threads: 1,
            print: t => $"HTTP {(int)t.Item2}, {t.Item3}, sensitive {t.Item4}, body ({t.Item1.Body.Length} bytes): {Convert.ToBase64String(t.Item1.Body.AsSpan(0, Math.Min(t.Item1.Body.Length, 600)))}");

        Assert.True(cases >= 10_000, $"only {cases} cases ran");
        output.WriteLine($"{cases} cases, all a parsed model or a ChanjingException without a credential.");
    }

    [Fact]
    public void TaskReader_RandomTaskObjects_TaskOrFormatFailureOnly()
    {
        var seed = Environment.GetEnvironmentVariable(SeedVariable);
        Tasks.Sample(
            json =>
            {
                System.Text.Json.JsonDocument document;
                try
                {
                    document = System.Text.Json.JsonDocument.Parse(json);
                }
                catch (System.Text.Json.JsonException)
                {
                    // Nesting past the parser's depth limit: ResponseReader reports it as a malformed body (the property above).
                    return;
                }

                using var owned = document;
                try
                {
                    var task = TaskReader.ReadTask(document.RootElement);
                    Assert.False(string.IsNullOrEmpty(task.Id));
                    Assert.NotNull(task.OutputUrls);
                    _ = task.ToString();
                }
                catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException or InvalidOperationException)
                {
                    // The exception types HttpTransport turns into a transient "could not be read" ChanjingException.
                }
            },
            writeLine: output.WriteLine,
            seed: seed,
            iter: 10_000,
            threads: 1);
    }

    private static object? Send(byte[] body, HttpStatusCode status, Reader reader, bool sensitive)
    {
        using var http = new HttpClient(new FixedResponse(status, body));
        var request = new ChanjingRequest(HttpMethod.Get, "open/v1/ai_creation/task?unique_id=x", null, RequestKind.Read, Authenticated: true, "fuzz", sensitive);
        try
        {
            return reader switch
            {
                Reader.Task => Transport.SendOnceAsync(http, request, Token, static r => (object)TaskReader.ReadTask(r.Data), CancellationToken.None).GetAwaiter().GetResult(),
                Reader.Page => Transport.SendOnceAsync(http, request, Token, static r => (object)TaskPage.Read(r.Data), CancellationToken.None).GetAwaiter().GetResult(),
                _ => Transport.SendOnceAsync(http, request, Token, static r => (object)TaskReader.ReadTaskId(r.Data), CancellationToken.None).GetAwaiter().GetResult(),
            };
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    private static Gen<string> Scalars() => Gen.Frequency(
        (2, Gen.OneOf("null", "true", "false")),
        (3, Numbers),
        (3, Strings.Select(Quote)));

    private static Gen<string> Field(string name, Gen<string> plausible) => Gen.Frequency(
        (6, plausible.Select(v => Quote(name) + ":" + v)),
        (1, Gen.Const(Quote(name) + ":null")),
        (2, Values.Select(v => Quote(name) + ":" + v)),
        (1, Gen.Const(string.Empty)));

    private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    private sealed class FixedResponse(HttpStatusCode status, byte[] body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status) { Content = new ByteArrayContent(body), RequestMessage = request });
    }
}
