using Chanjing.Emulator;

namespace Chanjing.Sdk.IntegrationTests.Files;

public sealed class FilesTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "chanjing-files-" + Guid.NewGuid().ToString("N"));

    public FilesTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string WritePng(string name)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, Support.Png(64, 48));
        return path;
    }

    [Fact]
    public async Task UploadSubmitWaitDownload_EndToEnd_BytesIdentical()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var png = WritePng("horse.png");

        var uploaded = await client.UploadFileAsync(png);
        var request = new ReferenceVideoRequest { Prompt = "a horse", ReferenceImageUrls = { uploaded.Url } };
        var task = await client.GenerateReferenceVideoAsync(request, Support.FastWait);
        var saved = await client.DownloadOutputsAsync(task, Path.Combine(_directory, "out"));

        Assert.Equal("image/png", uploaded.MimeType);
        Assert.Equal(new FileInfo(png).Length, uploaded.Length);
        using var http = new HttpClient();
        Assert.Equal(await File.ReadAllBytesAsync(png), await http.GetByteArrayAsync(uploaded.Url));
        var file = Assert.Single(saved);
        Assert.Equal(emulator.GetOutputBytes(task.Id), await File.ReadAllBytesAsync(file));
        var put = Assert.Single(emulator.Journal, r => r.Endpoint == EmulatorEndpoint.UploadPut);
        Assert.Equal("image/png", put.ContentType);
        Assert.False(put.AccessToken);
        Assert.All(emulator.Journal.Where(r => r.Endpoint == EmulatorEndpoint.Download), r => Assert.False(r.AccessToken));
    }

    [Fact]
    public async Task GetContentLengthAsync_TaskOutput_IsTheSizeOfTheFileAndOnlyAHeadWithoutTokenIsSent()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var task = await client.GenerateAsync(new TextToVideoRequest { Prompt = "a horse", AspectRatio = AspectRatio.Square1x1, Clarity = VideoClarity.P720, DurationSeconds = 5 }, Support.FastWait);
        emulator.ClearJournal();

        var length = await client.GetContentLengthAsync(task.OutputUrls[0]);

        Assert.Equal(emulator.GetOutputBytes(task.Id).Length, length);
        var head = Assert.Single(emulator.Journal);
        Assert.Equal(("HEAD", EmulatorEndpoint.Download, false), (head.Method, head.Endpoint, head.AccessToken));
    }

    [Fact]
    public async Task Submit_FileUri_UploadedFirstAndReplacedByItsUrl_RequestUnchanged()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var local = new Uri(WritePng("local.png"));
        var request = new ReferenceVideoRequest { Prompt = "a horse", ReferenceImageUrls = { local, new Uri("https://x/b.jpg") } };

        var id = await client.SubmitReferenceVideoAsync(request);
        var task = await client.GetTaskAsync(id);

        Assert.Equal(local, request.ReferenceImageUrls[0]);
        Assert.Equal(emulator.BaseAddress.Host, task.ReferenceImageUrls[0].Host);
        Assert.EndsWith(".png", task.ReferenceImageUrls[0].AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(new Uri("https://x/b.jpg"), task.ReferenceImageUrls[1]);
        Assert.Equal(1, emulator.CountRequests(EmulatorEndpoint.UploadPut));
    }

    [Fact]
    public async Task Upload_ContentSafetyRejection_ThrowsTypedExceptionWithStatus98()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);

        var error = await Assert.ThrowsAsync<ChanjingFileProcessingException>(() => client.UploadFileAsync(WritePng("unsafe-image.png")));

        Assert.Equal(98, error.FileStatus);
        Assert.Contains("content safety", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_LocalFileOfWrongFormat_RefusedBeforeAnyRequest()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var fake = Path.Combine(_directory, "fake.png");
        await File.WriteAllTextAsync(fake, "this is text, not an image");

        await Assert.ThrowsAsync<ArgumentException>(() => client.SubmitReferenceVideoAsync(new ReferenceVideoRequest { Prompt = "p", ReferenceImageUrls = { new Uri(fake) } }));

        Assert.Empty(emulator.Journal);
    }

    [Fact]
    public async Task Upload_SeekableStreamAfterTransientFailure_ResentWhole()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var bytes = Support.Png(32, 32);
        emulator.AddFault(EmulatorEndpoint.UploadPut, EmulatorFault.WithHttpStatus(503));

        var uploaded = await client.UploadFileAsync(new MemoryStream(bytes), "ref.png");

        using var http = new HttpClient();
        Assert.Equal(bytes, await http.GetByteArrayAsync(uploaded.Url));
        Assert.Equal(2, emulator.CountRequests(EmulatorEndpoint.UploadPut));
    }

    [Fact]
    public async Task Upload_NonSeekableStreamAfterTransientFailure_NotRetriedAndSaysWhy()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        emulator.AddFault(EmulatorEndpoint.UploadPut, EmulatorFault.WithHttpStatus(503));

        var error = await Assert.ThrowsAsync<ChanjingException>(() => client.UploadFileAsync(new NonSeekable(Support.Png(8, 8)), "ref.png"));

        Assert.Contains("cannot be rewound", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, emulator.CountRequests(EmulatorEndpoint.UploadPut));
    }

    [Fact]
    public async Task Download_50MBCutMidway_ResumesWithRangeAndEndsByteIdentical()
    {
        var (emulator, client, task) = await FinishedTaskAsync(50 * 1024 * 1024);
        await using var _ = emulator;
        using var __ = client;
        emulator.AddFault(EmulatorEndpoint.Download, EmulatorFault.CutAfter(20 * 1024 * 1024));
        var reports = new List<long>();

        var saved = await client.DownloadOutputsAsync(task, Path.Combine(_directory, "out"), new SyncProgress(reports.Add));

        var expected = emulator.GetOutputBytes(task.Id);
        Assert.Equal(expected, await File.ReadAllBytesAsync(Assert.Single(saved)));
        var downloads = emulator.Journal.Where(r => r.Endpoint == EmulatorEndpoint.Download).ToList();
        Assert.Equal(2, downloads.Count);
        Assert.Null(downloads[0].Range);
        Assert.StartsWith("bytes=", downloads[1].Range, StringComparison.Ordinal);
        Assert.True(long.Parse(downloads[1].Range!["bytes=".Length..].TrimEnd('-'), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal(reports.Order(), reports);
        Assert.Equal(expected.Length, reports[^1]);
        Assert.Single(Directory.GetFiles(Path.Combine(_directory, "out")));
    }

    [Fact]
    public async Task Download_Cancelled_LeavesNoFile()
    {
        var (emulator, client, task) = await FinishedTaskAsync(8 * 1024 * 1024);
        await using var _ = emulator;
        using var __ = client;
        using var cts = new CancellationTokenSource();
        var target = Path.Combine(_directory, "cancelled");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.DownloadOutputsAsync(task, target, new SyncProgress(bytes =>
        {
            if (bytes > 1024 * 1024)
            {
                cts.Cancel();
            }
        }), cts.Token));

        Assert.Empty(Directory.GetFiles(target));
    }

    [Fact]
    public async Task Download_ExpiredOutputUrl_RefetchesTaskOnce()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);
        var task = await client.GenerateReferenceVideoAsync(Support.Request(), Support.FastWait);
        emulator.AddFault(EmulatorEndpoint.Download, EmulatorFault.WithHttpStatus(403));
        emulator.ClearJournal();

        var saved = await client.DownloadOutputsAsync(task, Path.Combine(_directory, "out"));

        Assert.Equal(emulator.GetOutputBytes(task.Id), await File.ReadAllBytesAsync(Assert.Single(saved)));
        Assert.Equal(1, emulator.CountRequests(EmulatorEndpoint.GetTask));
        Assert.Equal(2, emulator.CountRequests(EmulatorEndpoint.Download));
    }

    /// <summary>An emulator whose outputs are <paramref name="outputSize"/> bytes, a client, and one finished video task.</summary>
    private static async Task<(ChanjingEmulator Emulator, ChanjingClient Client, CreationTask Task)> FinishedTaskAsync(int outputSize)
    {
        var options = Support.FastEmulator();
        options.OutputFileSize = outputSize;
        var emulator = await ChanjingEmulator.StartAsync(options);
        var client = Support.Client(emulator);
        return (emulator, client, await client.GenerateReferenceVideoAsync(Support.Request(), Support.FastWait));
    }

    private sealed class SyncProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }

    private sealed class NonSeekable(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}

public sealed class FileReadinessTests
{
    [Fact]
    public async Task Upload_FileNeverReady_ThrowsAfterReadyTimeoutNamingLastStatus()
    {
        var options = Support.FastEmulator();
        options.FileReadyDelay = TimeSpan.FromHours(1);
        await using var emulator = await ChanjingEmulator.StartAsync(options);
        using var client = Support.Client(emulator, o => o.Uploads.ReadyTimeout = TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAsync<ChanjingFileProcessingException>(() => client.UploadFileAsync(new MemoryStream(Support.Png(4, 4)), "slow.png"));

        Assert.Equal(0, error.FileStatus);
        Assert.Contains("not ready within", error.Message, StringComparison.Ordinal);
        Assert.True(emulator.CountRequests(EmulatorEndpoint.FileDetail) >= 2);
    }

    [Fact]
    public async Task Upload_MissingPath_ThrowsBeforeAnyRequest()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        using var client = Support.Client(emulator);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.UploadFileAsync(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".png")));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.Empty(emulator.Journal);
    }
}
