using System.Net;
using System.Text.Json.Nodes;
using Chanjing.Sdk.Tests.TestSupport;

namespace Chanjing.Sdk.Tests.Hardening;

/// <summary>Defects an adversarial review found after the hardening pass, one regression test each.</summary>
public sealed class AdversarialRegressionTests
{
    [Fact]
    public async Task UploadFileAsync_PutStalls_TimesOutAfterAttemptTimeoutAndIsRetried()
    {
        var time = new ManualTimeProvider();
        var puts = 0;
        var stalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new LambdaHandler(async (request, ct) =>
        {
            if (request.Method == HttpMethod.Put)
            {
                await request.Content!.ReadAsByteArrayAsync(ct);
                if (Interlocked.Increment(ref puts) == 1)
                {
                    stalled.SetResult();
                    await Task.Delay(Timeout.Infinite, ct);
                }

                return new HttpResponseMessage(HttpStatusCode.OK);
            }

            return request.RequestUri!.AbsolutePath.EndsWith("/file_detail", StringComparison.Ordinal)
                ? Wire.Ok(new JsonObject { ["status"] = 1, ["full_path"] = "https://storage.example/a.png" })
                : Wire.Ok(new JsonObject { ["sign_url"] = "https://storage.example/put?Signature=s", ["full_path"] = "https://storage.example/a.png", ["mime_type"] = "image/png", ["file_id"] = "f1" });
        });
        using var client = handler.CreateClient(o => { o.AttemptTimeout = TimeSpan.FromSeconds(30); o.Retry.MaxAttempts = 2; }, time);

        var upload = client.UploadFileAsync(new MemoryStream([0x89, 0x50, 0x4E, 0x47]), "a.png");
        await stalled.Task.WaitAsync(TimeSpan.FromSeconds(20));
        time.Advance(TimeSpan.FromSeconds(30)); // no progress for AttemptTimeout
        while (!upload.IsCompleted)
        {
            var next = time.NextTimerAsync();
            if (await Task.WhenAny(upload, next) == upload)
            {
                break;
            }

            var due = await next;
            if (due < TimeSpan.FromSeconds(30))
            {
                time.Advance(due); // the retry backoff
            }
        }

        var uploaded = await upload.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal("f1", uploaded.FileId);
        Assert.Equal(2, puts);
    }

    [Theory]
    [InlineData("OperationTimeout")]
    [InlineData("AttemptTimeout")]
    [InlineData("Retry.BaseDelay")]
    public void Options_OutsideWhatTheResilienceStrategiesAccept_OptionsValidationExceptionNamingIt(string setting)
    {
        var options = new ChanjingOptions { AccessToken = "t" };
        switch (setting)
        {
            case "OperationTimeout": options.OperationTimeout = TimeSpan.FromHours(25); break;
            case "AttemptTimeout": options.AttemptTimeout = TimeSpan.FromMilliseconds(5); break;
            default: options.Retry.BaseDelay = TimeSpan.FromDays(2); break;
        }

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => new ChanjingClient(new HttpClient(), options));

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedBody_SignedUrlWithJsonEscapedSlashes_QueryNotInTheException()
    {
        var handler = new LambdaHandler((_, _) => Task.FromResult(Wire.Json("""{"code":0,"msg":"success","data":{"unique_id":"t1","output_url":["https:\/\/cdn.example\/v.mp4?Expires=1&Signature=SECRETSIG""")));
        using var client = handler.CreateClient();

        var error = await Assert.ThrowsAnyAsync<ChanjingException>(() => client.GetTaskAsync("t1"));

        Assert.DoesNotContain("SECRETSIG", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenCache_EntryWithControlCharacters_IgnoredAndNeverSent()
    {
        var sent = new List<string>();
        var handler = new LambdaHandler((request, _) =>
        {
            if (request.RequestUri!.AbsolutePath.EndsWith("/access_token", StringComparison.Ordinal))
            {
                return Task.FromResult(Wire.Ok(new JsonObject { ["access_token"] = "fetched-token", ["expire_in"] = DateTimeOffset.UtcNow.AddHours(2).ToUnixTimeSeconds() }));
            }

            lock (sent)
            {
                sent.AddRange(request.Headers.GetValues("access_token"));
            }

            return Task.FromResult(Wire.Ok(Wire.Task("t1")));
        });
        using var client = handler.CreateClient(o => { o.AccessToken = null; o.AppId = "cache-" + Guid.NewGuid(); o.SecretKey = "s"; o.TokenCache = new HostileCache(); });

        await client.GetTaskAsync("t1");

        Assert.Equal(["fetched-token"], sent);
    }

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

    [Fact]
    public async Task ImageToVideoRequest_OnlyALastFrameForAModelWhereTheFirstIsOptional_Sent()
    {
        var body = await Models.CreationRequestWireTests.SentBodyAsync(new ImageToVideoRequest { ModelCode = ChanjingModels.MiniMaxHailuo02, Prompt = "p", EndFrameUrl = new Uri("https://x/last.jpg"), DurationSeconds = 6 });

        Assert.True(Wire.JsonEquals("""{"end_frame":"https://x/last.jpg","ref_prompt":"p","creation_type":4,"video_duration":6,"model_code":"MiniMax-Hailuo-02"}""", body), body);
    }

    [Fact]
    public async Task TokenFetchFailingForGood_RetriedByTheTokenPipelineOnly_NotAgainByTheCallWaitingForIt()
    {
        var tokenRequests = 0;
        var handler = new LambdaHandler((_, _) =>
        {
            Interlocked.Increment(ref tokenRequests);
            return Task.FromResult(Wire.Code(50000, "内部错误"));
        });
        using var client = handler.CreateClient(o => { o.AccessToken = null; o.AppId = "spent-" + Guid.NewGuid(); o.SecretKey = "s"; o.Retry.MaxAttempts = 2; });

        var error = await Assert.ThrowsAnyAsync<ChanjingException>(() => client.GetTaskAsync("t1"));

        Assert.True(error.IsTransient);
        Assert.Equal(3, tokenRequests); // one try and Retry.MaxAttempts retries, not (1 + 2) x (1 + 2)
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

    private sealed class HostileCache : IChanjingTokenCache
    {
        public ValueTask<ChanjingAccessToken?> GetAsync(string key, CancellationToken cancellationToken = default) =>
            new(new ChanjingAccessToken("tok\u0001en\r\nX-Injected: 1", DateTimeOffset.UtcNow.AddHours(1)));

        public ValueTask SetAsync(string key, ChanjingAccessToken token, CancellationToken cancellationToken = default) => default;

        public ValueTask<bool> TryAcquireRefreshLeaseAsync(string key, TimeSpan leaseTime, CancellationToken cancellationToken = default) => new(true);

        public ValueTask ReleaseRefreshLeaseAsync(string key, CancellationToken cancellationToken = default) => default;
    }
}
