using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;

namespace Chanjing.Sdk.Benchmarks;

/// <summary>
/// The cost of the SDK's own work per call (pipeline, envelope parsing, task parsing), over an in-memory handler
/// so the network is not measured. Goals (allocated per call): submit under 8 KB, one task under 10 KB, a 50-task
/// list page (one round of WaitForAllAsync) under 250 KB. Results: results/README.md.
/// </summary>
[MemoryDiagnoser]
public class ClientBenchmarks
{
    private ChanjingClient _client = null!;
    private ReferenceVideoRequest _request = null!;
    private CreationTaskQuery _query = null!;

    [GlobalSetup]
    public void Setup()
    {
        var handler = new CannedHandler();
        _client = new ChanjingClient(new HttpClient(handler), new ChanjingOptions { AccessToken = "benchmark-token", MaxRetryAttempts = 3 });
        _request = new ReferenceVideoRequest
        {
            Prompt = "keep the horse's features consistent; it gallops across the grassland, steady push-in, cinematic",
            ReferenceImageUrls = { new Uri("https://res.chanjing.cc/chanjing/res/aigc_creation/photo/ref1.jpg"), new Uri("https://res.chanjing.cc/chanjing/res/aigc_creation/photo/ref2.jpg") },
        };
        _query = new CreationTaskQuery();
        foreach (var i in Enumerable.Range(0, 50))
        {
            _query.TaskIds.Add($"task-{i}");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _client.Dispose();

    [Benchmark]
    public Task<string> Submit() => _client.SubmitReferenceVideoAsync(_request);

    [Benchmark]
    public Task<CreationTask> GetTask() => _client.GetTaskAsync("task-1");

    [Benchmark]
    public async Task<int> ListPageOf50()
    {
        var count = 0;
        await foreach (var _ in _client.ListTasksAsync(_query))
        {
            count++;
        }

        return count;
    }

    /// <summary>Answers every request with a canned, realistic body.</summary>
    private sealed class CannedHandler : HttpMessageHandler
    {
        private readonly byte[] _submit = Encoding.UTF8.GetBytes("""{"trace_id":"96afa792520b0e6a86d72e89435bc0a7","code":0,"msg":"success","data":"a60747d7-dc05-4afc-b2ef-ee4370ed53c6"}""");
        private readonly byte[] _task;
        private readonly byte[] _page;

        public CannedHandler()
        {
            JsonObject Task(int i) => new()
            {
                ["id"] = i,
                ["unique_id"] = $"task-{i}",
                ["create_time"] = 1772510584,
                ["number_ai_creation"] = 1,
                ["type"] = 4,
                ["progress_desc"] = i % 3 == 0 ? "Success" : "Generating",
                ["err_msg"] = "",
                ["aspect_ratio"] = "16:9",
                ["output_url"] = i % 3 == 0 ? new JsonArray($"https://res.chanjing.cc/chanjing/res/aigc_creation/output/{i}.mp4") : new JsonArray(),
                ["photo_info"] = new JsonObject { ["ref_img_url"] = new JsonArray(), ["ref_prompt"] = "", ["clarity"] = 0, ["aspect_ratio"] = "", ["quality_mode"] = "", ["number_of_images"] = 0 },
                ["motion_info"] = new JsonObject { ["photo_path_url"] = null, ["ref_prompt"] = "keep the horse's features consistent", ["clarity"] = 1080, ["quality_mode"] = "", ["style"] = "", ["aspect_ratio"] = "16:9", ["video_duration"] = 5 },
                ["ref_img_url"] = new JsonArray("https://res.chanjing.cc/chanjing/res/aigc_creation/photo/ref1.jpg", "https://res.chanjing.cc/chanjing/res/aigc_creation/photo/ref2.jpg"),
                ["model_code"] = "happyhorse-1.0-r2v",
                ["model_name"] = "",
            };

            _task = Encoding.UTF8.GetBytes(new JsonObject { ["trace_id"] = "t", ["code"] = 0, ["msg"] = "success", ["data"] = Task(1) }.ToJsonString());
            var list = new JsonArray(Enumerable.Range(0, 50).Select(i => (JsonNode)Task(i)).ToArray());
            _page = Encoding.UTF8.GetBytes(new JsonObject
            {
                ["trace_id"] = "t",
                ["code"] = 0,
                ["msg"] = "success",
                ["data"] = new JsonObject { ["list"] = list, ["total"] = 50, ["page_info"] = new JsonObject { ["page"] = 1, ["size"] = 50, ["total_count"] = 50, ["total_page"] = 1 } },
            }.ToJsonString());
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            var body = path.EndsWith("/submit", StringComparison.Ordinal) ? _submit : path.EndsWith("/page", StringComparison.Ordinal) ? _page : _task;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body) });
        }
    }
}
