using System.Net;
using System.Text.Json.Nodes;
using Chanjing.Sdk.Tests.TestSupport;

namespace Chanjing.Sdk.Tests.Files;

/// <summary>An upload PUT that stalls is a transient failure the transfer strategy retries (found by an adversarial review).</summary>
public sealed class UploadStallTests
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
}
