using System.Net;
using System.Net.Http.Headers;
using Chanjing.Sdk.Tests.TestSupport;

namespace Chanjing.Sdk.Tests.Files;

/// <summary>A resumed download appends only the rest of the same file; anything else starts over.</summary>
public sealed class DownloadResumeTests
{
    private static readonly Uri Output = new("https://cdn.example/out/video.mp4");
    private static readonly byte[] First = Enumerable.Range(0, 100).Select(i => (byte)i).ToArray();
    private static readonly byte[] Second = Enumerable.Range(0, 150).Select(i => (byte)(200 - i)).ToArray();

    public static TheoryData<string> Changes => ["total length", "ETag", "Last-Modified"];

    /// <summary>
    /// Issue 22, DL1: the first answer is cut after 50 bytes; the resumed 206 starts at byte 50 as asked but belongs to
    /// another file (another total length in Content-Range, or another validator). It was spliced onto the partial file
    /// (150 bytes from two files); the download must start over and deliver the second file whole.
    /// </summary>
    [Theory]
    [MemberData(nameof(Changes))]
    public async Task DownloadAsync_ResumedPartOfAnotherFile_StartsOverInsteadOfSplicing(string change)
    {
        var requests = new List<RangeHeaderValue?>();
        var handler = new LambdaHandler((request, _) =>
        {
            requests.Add(request.Headers.Range);
            HttpResponseMessage response;
            if (requests.Count == 1)
            {
                // The first file, cut after 50 bytes; validators only where the case compares them.
                response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new BreakingStream(First, 50)) };
                response.Content.Headers.ContentLength = First.Length;
                Validators(response, change, first: true);
            }
            else if (request.Headers.Range is { } range)
            {
                // The server ignores If-Range and answers the asked range of what it holds now.
                var from = (int)range.Ranges.First().From!.Value;
                var file = change == "total length" ? Second : First;
                response = new HttpResponseMessage(HttpStatusCode.PartialContent) { Content = new ByteArrayContent(file[from..]) };
                response.Content.Headers.ContentRange = new ContentRangeHeaderValue(from, file.Length - 1, file.Length);
                Validators(response, change, first: false);
            }
            else
            {
                var file = change == "total length" ? Second : First;
                response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(file) };
                Validators(response, change, first: false);
            }

            return Task.FromResult(response);
        });
        using var client = handler.CreateClient(o => o.Retry.MaxAttempts = 3);
        using var destination = new MemoryStream();

        var written = await client.DownloadAsync(Output, destination);

        var expected = change == "total length" ? Second : First;
        Assert.Equal(expected, destination.ToArray());
        Assert.Equal(expected.Length, written);
        Assert.Equal(3, requests.Count);
        Assert.Equal(50, requests[1]!.Ranges.First().From);
        Assert.Null(requests[2]); // started over: the whole file
    }

    private static void Validators(HttpResponseMessage response, string change, bool first)
    {
        switch (change)
        {
            case "ETag":
                response.Headers.ETag = new EntityTagHeaderValue(first ? "\"v1\"" : "\"v2\"");
                break;
            case "Last-Modified":
                response.Content.Headers.LastModified = first ? new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero) : new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero);
                break;
        }
    }

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
