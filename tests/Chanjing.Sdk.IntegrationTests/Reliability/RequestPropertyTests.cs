using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chanjing.Emulator;
using CsCheck;

namespace Chanjing.Sdk.IntegrationTests.Reliability;

/// <summary>
/// Issue 13, request building: CsCheck-generated requests of every family, over known and unknown model codes, odd
/// prompts, URLs, numbers and AdditionalFields, sent by a real client to one emulator. Each request either fails with an
/// <see cref="ArgumentException"/> before any request reaches the emulator, or the emulator accepts it (an unknown model
/// code may only be refused as unknown). For a documented model the SDK refuses, the same body is also posted raw: an
/// emulator that accepts it is a finding too, unless the SDK's refusal is one of its deliberate, documented extra rules.
/// Seeds: a failing case prints its CsCheck seed; set CHANJING_FUZZ_SEED to it to replay that case first.
/// CHANJING_PROPERTY_CASES runs more cases than the 200 of CI (20,000 take about 5 s).
/// </summary>
public sealed class RequestPropertyTests(ITestOutputHelper output)
{
    private const string SeedVariable = "CHANJING_FUZZ_SEED";
    private const int Cases = 600;

    private static readonly string[] KnownCodes = [.. ChanjingModels.Known.Select(m => m.Code)];

    private static readonly Gen<string> ModelCodes = Gen.Frequency(
        (8, Gen.OneOf(KnownCodes)),
        (2, Gen.OneOf("my-new-model-3.0", "HAPPYHORSE-1.0-R2V", "happyhorse-1.0-r2v ", "模型-x", string.Empty, "   ", "bad\u0001code")));

    private static readonly Gen<string?> Prompts = Gen.Frequency(
        (12, Gen.Int[0, 1_000_000].Select(i => (string?)("a horse gallops across the grassland #" + i.ToString(CultureInfo.InvariantCulture)))),
        (4, Gen.OneOf<string?>(null, string.Empty, "   ", "\t\r\n", "\u3000", "一匹马在草原上奔跑 🐎", "ctrl \u0007 bell", "\u200B", "quote \" and \\ backslash", "\ud800 lone surrogate")),
        (1, Gen.String.Select(s => (string?)s)),
        (1, Gen.Int[2_000, 20_000].Select(n => (string?)new string('長', n))));

    /// <summary>A URL as text and kind: absolute http(s) images and videos, relative, ftp, file: (missing and real).</summary>
    private static readonly Gen<string> Urls = Gen.Frequency(
        (16, Gen.Int[0, 99].Select(i => $"https://res.chanjing.cc/chanjing/res/aigc_creation/photo/ref{i}.jpg")),
        (2, Gen.OneOf("https://res.chanjing.cc/chanjing/res/aigc_creation/video/source.mp4", "http://cdn.example.com/clip.MOV")),
        (3, Gen.OneOf("images/ref.png", "/abs/path/ref.png", "ftp://files.example.com/ref.png", "file:///nonexistent/chanjing/ref.png", "REALFILE", "https://例子.测试/图.png", "https://res.chanjing.cc/a%20b/c d.png", "https://res.chanjing.cc/\u0007.png")));

    private static readonly Gen<int?> Numbers = Gen.Frequency(
        (12, Gen.OneOf<int?>(null, 5, 6, 10, 720, 1080, 1024, 2048, 4096, 1, 2, 4)),
        (3, Gen.OneOf<int?>(0, -1, int.MinValue, int.MaxValue, 3, 7, 61, 1440, 512)),
        (1, Gen.Int.Select(i => (int?)i)));

    private static readonly Gen<string?> Ratios = Gen.OneOf<string?>(null, null, "16:9", "16:9", "9:16", "1:1", "1:1", "4:3", "3:4", "21:9", "wide", "", " ", "DEFAULT");

    private static readonly Gen<string?> Qualities = Gen.OneOf<string?>(null, null, null, "std", "pro", "ultra", "", "DEFAULT");

    private static readonly Gen<string?> Callbacks = Gen.OneOf<string?>(null, null, null, "https://hooks.example.com/chanjing", "http://hooks.example.com/cb", "ftp://hooks.example.com/cb", "hooks/relative");

    /// <summary>AdditionalFields entries as name and JSON text ("NaN" is a double NaN, which JSON cannot carry).</summary>
    private static readonly Gen<(string Name, string Json)> Extras = Gen.OneOf(
        ("style", "\"anime\""),
        ("seed", "42"),
        ("resolution_mode", "\"super\""),
        ("resolution_mode", "\"bogus\""),
        ("clarity", "1080"),
        ("clarity", "\"1080\""),
        ("video_duration", "\"5\""),
        ("number_of_images", "9"),
        ("ref_img_url", "[\"https://res.chanjing.cc/x.jpg\"]"),
        ("end_frame", "\"https://res.chanjing.cc/end.jpg\""),
        ("nested", "{\"a\":[1,{\"b\":null}]}"),
        ("nothing", "null"),
        (string.Empty, "1"),
        ("ctrl\u0001name", "1"),
        ("ratio", "NaN"));

    private static readonly Gen<Case> Hostile = Gen.Select(
            Gen.Enum<Family>(),
            ModelCodes,
            Gen.Bool,
            Prompts,
            Urls.Array[0, 3],
            Gen.Frequency((3, Urls.Select(u => (string?)u)), (2, Gen.Const((string?)null))),
            Gen.Frequency((1, Urls.Select(u => (string?)u)), (3, Gen.Const((string?)null))),
            Ratios)
        .Select(Gen.Select(Numbers, Numbers, Numbers, Qualities, Callbacks, Extras.Array[0, 2]),
            (a, b) => new Case(a.Item3 && ChanjingModels.Find(a.Item2) is { } info ? FamilyOf(info.RequestType) : a.Item1, a.Item2, a.Item3 ? CreationType.Video : CreationType.Image, a.Item4, a.Item5, a.Item6, a.Item7, a.Item8, b.Item1, b.Item2, b.Item3, b.Item4, b.Item5, b.Item6));

    /// <summary>Well-formed requests of documented models in their own family (most should reach the emulator and be accepted).</summary>
    private static readonly Gen<Case> Documented = Gen.Select(Gen.OneOf(KnownCodes), Gen.Int[0, 999_999], Gen.OneOf<int?>(null, 720, 1080), Gen.OneOf<string?>(null, "16:9", "1:1", "9:16"), Gen.Int[1, 4], Callbacks)
        .Select((code, n, clarity, ratio, count, callback) =>
        {
            var info = ChanjingModels.Find(code)!;
            var family = FamilyOf(info.RequestType);
            var image = info.CreationType == CreationType.Image;
            var url = family == Family.VideoEdit ? "https://res.chanjing.cc/chanjing/res/aigc_creation/video/source.mp4" : $"https://res.chanjing.cc/chanjing/res/aigc_creation/photo/ref{n % 10}.jpg";
            return new Case(family, code, info.CreationType, $"a horse gallops across the grassland #{n}", [url], url, null, ratio, image ? 2048 : clarity, image ? null : 10, image ? count : null, null, callback, []);
        });

    private static readonly Gen<int?> Edges = Gen.OneOf<int?>(0, -1, int.MinValue, int.MaxValue, 61, 3);

    /// <summary>A documented request with one field (or the family, or the extras) taken from a hostile one: the edge of each rule.</summary>
    private static readonly Gen<Case> Mutated = Gen.Select(Documented, Hostile, Gen.Int[0, 14], Edges).Select((d, h, field, edge) => field switch
    {
        12 => d with { Duration = edge },
        13 => d with { Clarity = edge },
        14 => d with { Count = edge },
        0 => d with { Model = h.Model },
        1 => d with { Prompt = h.Prompt },
        2 => d with { Urls = h.Urls },
        3 => d with { Start = h.Start, End = h.End },
        4 => d with { Ratio = h.Ratio },
        5 => d with { Clarity = h.Clarity },
        6 => d with { Duration = h.Duration },
        7 => d with { Count = h.Count },
        8 => d with { Quality = h.Quality },
        9 => d with { Callback = h.Callback },
        10 => d with { Family = h.Family, CustomType = h.CustomType },
        _ => d with { Extras = h.Extras },
    });

    private static readonly Gen<Case> Cases_ = Gen.Frequency((2, Hostile), (1, Documented), (2, Mutated));

    /// <summary>Half the cases use the family a documented model names, so many bodies get as far as the emulator.</summary>
    private static Family FamilyOf(Type requestType) => requestType.Name switch
    {
        nameof(ReferenceVideoRequest) => Family.ReferenceVideo,
        nameof(ImageToVideoRequest) => Family.ImageToVideo,
        nameof(TextToVideoRequest) => Family.TextToVideo,
        nameof(VideoEditRequest) => Family.VideoEdit,
        nameof(ImageGenerationRequest) => Family.ImageGeneration,
        _ => Family.Custom,
    };

    private enum Family
    {
        ReferenceVideo,
        ImageToVideo,
        TextToVideo,
        VideoEdit,
        ImageGeneration,
        Custom,
    }

    [Fact]
    public async Task RequestBuilding_GeneratedRequestsOfEveryFamily_RefusedBeforeIoOrAcceptedByTheEmulator()
    {
        var seed = Environment.GetEnvironmentVariable(SeedVariable) is { Length: > 0 } given ? given : null;
        output.WriteLine($"{SeedVariable}={seed ?? "(not set: random seeds; a failing case prints its seed, and setting the variable to it replays that case first)"}; {Cases} cases.");
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator(), TestContext.Current.CancellationToken);
        var capture = new TokenCapture();
        using var http = new HttpClient(capture) { Timeout = TimeSpan.FromSeconds(30) };
        using var client = new ChanjingClient(http, Support.Options(emulator));
        var realFile = Path.Combine(Path.GetTempPath(), $"chanjing-property-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(realFile, Support.Png(8, 8), TestContext.Current.CancellationToken);
        var tally = new Dictionary<string, int>(StringComparer.Ordinal);
        try
        {
            await Cases_.SampleAsync(
                async c =>
                {
                    var verdict = await RunCaseAsync(c, emulator, client, http, capture, realFile);
                    lock (tally)
                    {
                        tally[verdict.Outcome] = tally.GetValueOrDefault(verdict.Outcome) + 1;
                    }

                    if (verdict.Finding is not null)
                    {
                        throw new InvalidOperationException(verdict.Finding);
                    }
                },
                seed: seed,
                iter: int.TryParse(Environment.GetEnvironmentVariable("CHANJING_PROPERTY_CASES"), out var n) ? n : Cases,
                threads: 1,
                print: c => c.ToString());
        }
        finally
        {
            File.Delete(realFile);
            output.WriteLine("outcomes: " + string.Join(", ", tally.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}")));
            output.WriteLine($"round trips: {emulator.TaskCount} tasks created; submits and raw probes are most of the emulator's requests");
        }
    }

    private static async Task<(string Outcome, string? Finding)> RunCaseAsync(Case c, ChanjingEmulator emulator, ChanjingClient client, HttpClient http, TokenCapture capture, string realFile)
    {
        emulator.ClearJournal();
        var tasksBefore = emulator.TaskCount;
        string? id = null;
        Exception? error = null;
        CreationRequest request;
        try
        {
            request = c.Build(realFile);
        }
        catch (ArgumentException ex)
        {
            // A value type refused its value (an empty aspect ratio or quality mode): nothing was built, nothing sent.
            return ("refused by a value type", emulator.Journal.Count(r => r.Endpoint != EmulatorEndpoint.Callback) == 0 ? null : $"requests before the request was built: {ex.Message}");
        }
        catch (UriFormatException)
        {
            return ("not a URI", null);
        }

        try
        {
            id = await client.SubmitAsync(request);
        }
        catch (Exception ex)
        {
            error = ex;
        }

        var sent = emulator.Journal.Count(r => r.Endpoint != EmulatorEndpoint.Callback);
        var submits = emulator.CountRequests(EmulatorEndpoint.Submit);
        var known = KnownCodes.Contains(c.Model, StringComparer.Ordinal);
        switch (error)
        {
            case null:
                return submits >= 1 && emulator.TaskCount == tasksBefore + 1 && !string.IsNullOrEmpty(id)
                    ? ("accepted", known ? null : $"the emulator accepted an unknown model code '{c.Model}'")
                    : ("accepted", $"SubmitAsync returned '{id}' but {submits} submit(s) reached the emulator and {emulator.TaskCount - tasksBefore} task(s) were created");
            case ArgumentException refused:
                if (sent != 0)
                {
                    return ("refused", $"{refused.GetType().Name} after {sent} request(s) reached the emulator (must be 0): {refused.Message}");
                }

                if (known && await EmulatorAcceptsAsync(c, emulator, http, capture) && !IsDeliberate(refused.Message))
                {
                    return ("refused", $"the SDK refused a body of documented model {c.Model} that the emulator accepts: {refused.Message}");
                }

                return ("refused", null);
            case ChanjingInvalidParameterException invalid when !known && invalid.Message.Contains("模型不存在", StringComparison.Ordinal):
                return ("unknown model (40000)", null);
            case ChanjingInvalidParameterException invalid when known && KnownDivergence(c, invalid.Message) is { } divergence:
                return ("known divergence: " + divergence, null);
            case ChanjingInvalidParameterException invalid:
                return ("emulator refused", $"the SDK accepted a body of {(known ? "documented" : "unknown")} model '{c.Model}' that the emulator refused: {invalid.Message}");
            default:
                return ("other", $"{error.GetType().Name} (neither an ArgumentException before I/O nor acceptance): {error}");
        }
    }

    /// <summary>
    /// The SDK's extra rules, stricter than the service by design (and documented): a family's required URLs or frame
    /// ("use a TextToVideoRequest"), a required prompt, an empty prompt (null omits it), a number of images outside 1-4 or a number below 1 on a model that ignores the field, a model's refused field that the service would ignore, control
    /// characters in a URL.
    /// </summary>
    private static bool IsDeliberate(string message) =>
        message.Contains("must contain at least one URL", StringComparison.Ordinal)
        || message.Contains("use a TextToVideoRequest", StringComparison.Ordinal)
        || message.Contains("Prompt must not be null", StringComparison.Ordinal)
        || message.Contains("Prompt must not be empty or whitespace", StringComparison.Ordinal)
        || message.Contains("is not accepted by model", StringComparison.Ordinal)
        || message.Contains("must not contain control characters", StringComparison.Ordinal)
        || message.Contains("has an empty name or one with control characters", StringComparison.Ordinal)
        || message.Contains("collides with", StringComparison.Ordinal)
        || message.Contains("must be between 1 and 4", StringComparison.Ordinal)
        || message.Contains("must be greater than zero", StringComparison.Ordinal)
        || message.Contains("needs at least one video", StringComparison.Ordinal);

    /// <summary>
    /// Bodies of documented models the SDK accepts and the emulator refuses, found by this property and reported with
    /// issue 13 (SDK and emulator disagree; one of them changes). Each matches only the value that causes it, so any
    /// other refusal still fails the property. Remove a line once its divergence is settled.
    /// </summary>
    private static string? KnownDivergence(Case c, string message)
    {
        bool Says(string text) => message.Contains(text, StringComparison.Ordinal);
        bool Extra(string name, Func<string, bool> json) => c.Extras.Any(e => e.Name == name && json(e.Json));
        if (Says("video_duration 取值范围 1-60") && (c.Duration > 60 || Extra("video_duration", j => int.TryParse(j, out var d) && d > 60)))
        {
            return "video_duration over 60 (emulator's range, SDK has none)";
        }

        if (Says("quality_mode 取值必须为 std/pro") && c.Quality is not ("std" or "pro"))
        {
            return "quality_mode other than std/pro";
        }

        if (Says("aspect_ratio 格式必须为 宽:高") && c.Ratio is { } ratio && !System.Text.RegularExpressions.Regex.IsMatch(ratio, "^[0-9]+:[0-9]+$"))
        {
            return "aspect_ratio not W:H";
        }

        if (Says("必须是整数") && c.Extras.Any(e => e.Json.StartsWith('"') && Says(e.Name + " 必须是整数")))
        {
            return "a documented numeric field sent as a string through AdditionalFields";
        }

        if (Says("resolution_mode 取值必须为") && Extra("resolution_mode", j => j != "\"native\"" && j != "\"super\""))
        {
            return "resolution_mode other than native/super";
        }

        // The SDK refuses a video edit whose sources are all image files; a source without an extension could be a
        // video, so it lets it through, where the emulator wants .mp4/.mov.
        var sentUrls = c.Family is Family.ReferenceVideo or Family.VideoEdit or Family.ImageGeneration ? c.Urls : [];
        if (Says("ref_img_url 至少包含一个视频") && !sentUrls.Any(u => u.EndsWith(".mp4", StringComparison.OrdinalIgnoreCase) || u.EndsWith(".mov", StringComparison.OrdinalIgnoreCase)))
        {
            return "video edit without a URL ending in .mp4/.mov";
        }

        return null;
    }

    /// <summary>Posts the body the request describes, without the SDK, and tells whether the emulator created a task.</summary>
    private static async Task<bool> EmulatorAcceptsAsync(Case c, ChanjingEmulator emulator, HttpClient http, TokenCapture capture)
    {
        if (c.RawBody() is not { } body)
        {
            return false;
        }

        for (var attempt = 0; attempt < 2; attempt++)
        {
            if (capture.Token is null || attempt > 0)
            {
                // Any SDK call puts a current token on the wire, where the capture sees it.
                using var reader = new ChanjingClient(http, Support.Options(emulator));
                await foreach (var unused in reader.ListTasksAsync(new CreationTaskQuery()))
                {
                    break;
                }
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.BaseAddress, "open/v1/ai_creation/task/submit"))
            {
                Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
            };
            request.Headers.TryAddWithoutValidation("access_token", capture.Token);
            request.Options.Set(TokenCapture.Raw, true);
            using var response = await http.SendAsync(request);
            var envelope = await response.Content.ReadFromJsonAsync<JsonObject>();
            var code = envelope?["code"]?.GetValue<int>();
            if (code == 10400)
            {
                continue;
            }

            return code == 0;
        }

        return false;
    }

    /// <summary>Sees the access token the SDK sends, so a raw request can use the same one.</summary>
    private sealed class TokenCapture() : DelegatingHandler(new SocketsHttpHandler())
    {
        public static readonly HttpRequestOptionsKey<bool> Raw = new("chanjing.raw");

        public string? Token { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!request.Options.TryGetValue(Raw, out _) && request.Headers.TryGetValues("access_token", out var tokens))
            {
                Token = tokens.FirstOrDefault();
            }

            return base.SendAsync(request, cancellationToken);
        }
    }

    private sealed record Case(
        Family Family,
        string Model,
        CreationType CustomType,
        string? Prompt,
        string[] Urls,
        string? Start,
        string? End,
        string? Ratio,
        int? Clarity,
        int? Duration,
        int? Count,
        string? Quality,
        string? Callback,
        (string Name, string Json)[] Extras)
    {
        public CreationRequest Build(string realFile)
        {
            CreationRequest request = Family switch
            {
                Family.ReferenceVideo => new ReferenceVideoRequest { AspectRatio = Aspect(), Clarity = VideoClarity(), DurationSeconds = Duration, QualityMode = Mode() },
                Family.ImageToVideo => new ImageToVideoRequest { StartFrameUrl = Url(Start, realFile), EndFrameUrl = Url(End, realFile), AspectRatio = Aspect(), Clarity = VideoClarity(), DurationSeconds = Duration, QualityMode = Mode() },
                Family.TextToVideo => new TextToVideoRequest { AspectRatio = Aspect(), Clarity = VideoClarity(), DurationSeconds = Duration, QualityMode = Mode() },
                Family.VideoEdit => new VideoEditRequest { Clarity = VideoClarity() },
                Family.ImageGeneration => new ImageGenerationRequest { AspectRatio = Aspect(), Clarity = Clarity is { } i ? new ImageClarity(i) : null, NumberOfImages = Count },
                _ => new CustomCreationRequest(CustomType, Model),
            };
            request.ModelCode = Model;
            request.Prompt = Prompt;
            request.CallbackUrl = Callback is null ? null : new Uri(Callback, UriKind.RelativeOrAbsolute);
            var list = request switch
            {
                ReferenceVideoRequest r => r.ReferenceImageUrls,
                VideoEditRequest v => v.SourceUrls,
                ImageGenerationRequest g => g.ReferenceImageUrls,
                _ => null,
            };
            foreach (var url in list is null ? [] : Urls)
            {
                list!.Add(Url(url, realFile)!);
            }

            foreach (var (name, json) in Extras)
            {
                request.AdditionalFields[name] = json == "NaN" ? JsonValue.Create(double.NaN) : JsonNode.Parse(json);
            }

            return request;
        }

        /// <summary>The body as the wire documents it, built without the SDK; null when it has no wire form (relative or local URLs, NaN, odd names).</summary>
        public JsonObject? RawBody()
        {
            var body = new JsonObject();
            bool Put(string field, string? url)
            {
                if (url is null)
                {
                    return true;
                }

                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                {
                    return false;
                }

                body[field] = uri.AbsoluteUri;
                return true;
            }

            if (Family is Family.ReferenceVideo or Family.VideoEdit or Family.ImageGeneration && Urls.Length > 0)
            {
                var array = new JsonArray();
                foreach (var url in Urls)
                {
                    if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                    {
                        return null;
                    }

                    array.Add((JsonNode)uri.AbsoluteUri);
                }

                body["ref_img_url"] = array;
            }

            if (Family == Family.ImageToVideo && (!Put("start_frame", Start) || !Put("end_frame", End)))
            {
                return null;
            }

            if (Prompt is not null)
            {
                body["ref_prompt"] = Prompt;
            }

            var type = Family switch
            {
                Family.ImageGeneration => CreationType.Image,
                Family.Custom => CustomType,
                _ => CreationType.Video,
            };
            body["creation_type"] = type.Value;
            if (Family is not (Family.VideoEdit or Family.Custom) && Ratio is { } ratio)
            {
                if (string.IsNullOrWhiteSpace(ratio) || ratio == "DEFAULT")
                {
                    return null;
                }

                body["aspect_ratio"] = ratio;
            }

            if (Family != Family.Custom && Clarity is { } clarity)
            {
                body["clarity"] = clarity;
            }

            if (Family is Family.ReferenceVideo or Family.ImageToVideo or Family.TextToVideo)
            {
                if (Duration is { } seconds)
                {
                    body["video_duration"] = seconds;
                }

                if (Quality is { } quality)
                {
                    if (string.IsNullOrWhiteSpace(quality) || quality == "DEFAULT")
                    {
                        return null;
                    }

                    body["quality_mode"] = quality;
                }
            }

            if (Family == Family.ImageGeneration && Count is { } count)
            {
                body["number_of_images"] = count;
            }

            body["model_code"] = Model;
            if (!Put("callback", Callback))
            {
                return null;
            }

            foreach (var (name, json) in Extras)
            {
                if (json == "NaN" || string.IsNullOrWhiteSpace(name) || body.ContainsKey(name))
                {
                    return null;
                }

                body[name] = JsonNode.Parse(json);
            }

            return body;
        }

        public override string ToString() =>
            $"{Family} model='{Model}'{(Family == Family.Custom ? $" type={CustomType.Value}" : string.Empty)} prompt={Show(Prompt)} urls=[{string.Join(", ", Urls.Select(Show))}] start={Show(Start)} end={Show(End)} " +
            $"ratio={Show(Ratio)} clarity={Clarity} duration={Duration} images={Count} quality={Show(Quality)} callback={Show(Callback)} extras={{{string.Join(", ", Extras.Select(e => $"{Show(e.Name)}: {e.Json}"))}}}";

        private static string Show(string? text) => text is null ? "null" : JsonSerializer.Serialize(text.Length > 40 ? text[..40] + $"…({text.Length})" : text);

        private static Uri? Url(string? text, string realFile) => text switch
        {
            null => null,
            "REALFILE" => new Uri(realFile),
            _ => new Uri(text, UriKind.RelativeOrAbsolute),
        };

        private AspectRatio? Aspect() => Ratio switch
        {
            null => null,
            "DEFAULT" => default(AspectRatio),
            _ => new AspectRatio(Ratio),
        };

        private QualityMode? Mode() => Quality switch
        {
            null => null,
            "DEFAULT" => default(QualityMode),
            _ => new QualityMode(Quality),
        };

        private Sdk.VideoClarity? VideoClarity() => Clarity is { } value ? new Sdk.VideoClarity(value) : null;
    }
}
