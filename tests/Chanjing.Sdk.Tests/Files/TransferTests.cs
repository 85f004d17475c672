using System.Net;
using System.Net.Http.Headers;
using Chanjing.Sdk.Tests.TestSupport;

namespace Chanjing.Sdk.Tests.Files;

/// <summary>Issue 12, cases 8 and 9 and the Range checks: every transfer ends, typed, and resumes only the same file.</summary>
public sealed class TransferTests
{
    private static readonly Uri Output = new("https://cdn.example/out/video.mp4");
    private static readonly byte[] File = Enumerable.Range(0, 100_000).Select(i => (byte)(i * 7)).ToArray();

    private static HttpResponseMessage Whole(Stream body)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(body) };
        response.Content.Headers.ContentLength = File.Length;
        response.Headers.ETag = new EntityTagHeaderValue("\"v1\"");
        return response;
    }

    private static HttpResponseMessage Rest(long from, long? reportedFrom = null)
    {
        var response = new HttpResponseMessage(HttpStatusCode.PartialContent) { Content = new ByteArrayContent(File[(int)from..]) };
        response.Content.Headers.ContentRange = new ContentRangeHeaderValue(reportedFrom ?? from, File.Length - 1, File.Length);
        return response;
    }

    [Fact]
    public async Task DownloadAsync_BodyStallsAfterHeaders_TimesOutAndResumesWithRange()
    {
        var time = new ManualTimeProvider();
        var requests = new List<HttpRequestMessage>();
        var stalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new LambdaHandler((request, _) =>
        {
            requests.Add(request);
            return Task.FromResult(requests.Count == 1 ? Whole(new StallingStream(File, 30_000, stalled)) : Rest(request.Headers.Range!.Ranges.First().From!.Value));
        });
        using var client = handler.CreateClient(o => { o.AttemptTimeout = TimeSpan.FromSeconds(10); o.Retry.MaxAttempts = 2; }, time);
        using var destination = new MemoryStream();

        var download = client.DownloadAsync(Output, destination);
        await stalled.Task.WaitAsync(TimeSpan.FromSeconds(20));
        time.Advance(TimeSpan.FromSeconds(10)); // no byte for AttemptTimeout: the read times out
        // Then only the retry backoff is advanced (it is shorter than the 10 s idle timers re-armed on the way).
        while (!download.IsCompleted)
        {
            var next = time.NextTimerAsync();
            if (await Task.WhenAny(download, next) == download)
            {
                break;
            }

            var due = await next;
            if (due < TimeSpan.FromSeconds(10))
            {
                time.Advance(due);
            }
        }

        var written = await download.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(File.Length, written);
        Assert.Equal(File, destination.ToArray());
        Assert.Equal(2, requests.Count);
        Assert.Equal(30_000, requests[1].Headers.Range!.Ranges.First().From);
        Assert.Equal("\"v1\"", requests[1].Headers.IfRange!.EntityTag!.Tag);
    }

    [Fact]
    public async Task DownloadAsync_ResumeAnswersAnotherRange_StartsOverInsteadOfCorrupting()
    {
        var requests = 0;
        var handler = new LambdaHandler((request, _) =>
        {
            requests++;
            return Task.FromResult(requests switch
            {
                1 => Whole(new BreakingStream(File, 40_000)),
                2 => Rest(request.Headers.Range!.Ranges.First().From!.Value, reportedFrom: 1_000),
                _ => Whole(new MemoryStream(File)),
            });
        });
        using var client = handler.CreateClient(o => o.Retry.MaxAttempts = 3);
        using var destination = new MemoryStream();

        var written = await client.DownloadAsync(Output, destination);

        Assert.Equal(File.Length, written);
        Assert.Equal(File, destination.ToArray());
        Assert.Equal(3, requests);
    }

    [Fact]
    public async Task DownloadAsync_RetryMaxAttemptsZero_DoesNotRetry()
    {
        var handler = new LambdaHandler((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadGateway)));
        using var client = handler.CreateClient(o => o.Retry.MaxAttempts = 0);

        var error = await Assert.ThrowsAsync<ChanjingException>(() => client.DownloadAsync(Output, new MemoryStream()));

        Assert.True(error.IsTransient);
        Assert.Equal(1, handler.Count);
    }

    [Fact]
    public async Task DownloadAsync_CallersShorterHttpClientTimeout_TransientChanjingException()
    {
        var handler = new LambdaHandler(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        });
        using var client = handler.CreateClient(httpTimeout: TimeSpan.FromMilliseconds(100));

        var error = await Assert.ThrowsAsync<ChanjingException>(() => client.DownloadAsync(Output, new MemoryStream()));

        Assert.True(error.IsTransient);
        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadFileAsync_CallersShorterHttpClientTimeoutOnThePut_TransientChanjingException()
    {
        var handler = new LambdaHandler(async (request, ct) =>
        {
            if (request.Method == HttpMethod.Put)
            {
                await Task.Delay(Timeout.Infinite, ct);
            }

            return Wire.Ok(new System.Text.Json.Nodes.JsonObject
            {
                ["sign_url"] = "https://storage.example/put?Signature=abc",
                ["full_path"] = "https://storage.example/a.png",
                ["mime_type"] = "image/png",
                ["file_id"] = "f1",
            });
        });
        using var client = handler.CreateClient(httpTimeout: TimeSpan.FromMilliseconds(100));

        var error = await Assert.ThrowsAsync<ChanjingException>(() => client.UploadFileAsync(new MemoryStream([1, 2, 3]), "a.png"));

        Assert.True(error.IsTransient);
        Assert.DoesNotContain("Signature", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadFileAsync_PathWithoutExtension_RefusedBeforeAnyRequest()
    {
        var path = Path.Combine(Path.GetTempPath(), "chanjing-no-extension-" + Guid.NewGuid().ToString("N"));
        await System.IO.File.WriteAllBytesAsync(path, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]);
        try
        {
            var handler = new LambdaHandler((_, _) => throw new InvalidOperationException("no request expected"));
            using var client = handler.CreateClient();

            var error = await Assert.ThrowsAsync<ArgumentException>(() => client.UploadFileAsync(path));
            var asImage = await Assert.ThrowsAsync<ArgumentException>(() => client.SubmitReferenceVideoAsync(new ReferenceVideoRequest { Prompt = "p", ReferenceImageUrls = { new Uri(path) } }));

            Assert.Contains("extension", error.Message, StringComparison.Ordinal);
            Assert.Contains("extension", asImage.Message, StringComparison.Ordinal);
            Assert.Equal(0, handler.Count);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    /// <summary>Gives <paramref name="before"/> bytes, then signals <paramref name="stalled"/> and waits until the read is cancelled.</summary>
    private sealed class StallingStream(byte[] data, int before, TaskCompletionSource stalled) : MemoryStream(data[..before])
    {
        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            var read = await base.ReadAsync(buffer, offset, count, cancellationToken);
            if (read > 0)
            {
                return read;
            }

            stalled.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            if (read > 0)
            {
                return read;
            }

            stalled.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }
    }

    /// <summary>Gives <paramref name="before"/> bytes, then fails like a reset connection.</summary>
    private sealed class BreakingStream(byte[] data, int before) : MemoryStream(data[..before])
    {
        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            var read = await base.ReadAsync(buffer, offset, count, cancellationToken);
            return read > 0 ? read : throw new IOException("connection reset");
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            return read > 0 ? read : throw new IOException("connection reset");
        }
    }
}
