using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Chanjing.Sdk.Benchmarks;

/// <summary>The same in-memory service for every contender: canned, realistic bodies, no network.</summary>
public sealed class CannedHandler : HttpMessageHandler
{
    private readonly byte[] _submit = Encoding.UTF8.GetBytes("""{"trace_id":"96afa792520b0e6a86d72e89435bc0a7","code":0,"msg":"success","data":"a60747d7-dc05-4afc-b2ef-ee4370ed53c6"}""");
    private readonly byte[] _task;
    private readonly byte[] _page;

    public CannedHandler()
    {
        _task = Encoding.UTF8.GetBytes(Envelope(Task(1)).ToJsonString());
        var list = new JsonArray(Enumerable.Range(0, 50).Select(i => (JsonNode)Task(i, finished: true)).ToArray());
        _page = Encoding.UTF8.GetBytes(Envelope(new JsonObject { ["list"] = list, ["total"] = 50, ["page_info"] = new JsonObject { ["page"] = 1, ["size"] = 50, ["total_count"] = 50, ["total_page"] = 1 } }).ToJsonString());
    }

    public int Requests;

    /// <summary>One realistic video task, as the list and get endpoints report it.</summary>
    public static JsonObject Task(int i, bool finished = false) => new()
    {
        ["id"] = i,
        ["unique_id"] = $"task-{i}",
        ["create_time"] = 1772510584,
        ["number_ai_creation"] = 1,
        ["type"] = 4,
        ["progress_desc"] = finished || i % 3 == 0 ? "Success" : "Generating",
        ["err_msg"] = "",
        ["aspect_ratio"] = "16:9",
        ["output_url"] = finished || i % 3 == 0 ? new JsonArray($"https://res.chanjing.cc/chanjing/res/aigc_creation/output/{i}.mp4") : new JsonArray(),
        ["photo_info"] = new JsonObject { ["ref_img_url"] = new JsonArray(), ["ref_prompt"] = "", ["clarity"] = 0, ["aspect_ratio"] = "", ["quality_mode"] = "", ["number_of_images"] = 0 },
        ["motion_info"] = new JsonObject { ["photo_path_url"] = null, ["ref_prompt"] = "keep the horse's features consistent", ["clarity"] = 1080, ["quality_mode"] = "", ["style"] = "", ["aspect_ratio"] = "16:9", ["video_duration"] = 5 },
        ["ref_img_url"] = new JsonArray("https://res.chanjing.cc/chanjing/res/aigc_creation/photo/ref1.jpg", "https://res.chanjing.cc/chanjing/res/aigc_creation/photo/ref2.jpg"),
        ["model_code"] = "happyhorse-1.0-r2v",
        ["model_name"] = "",
    };

    private static JsonObject Envelope(JsonNode data) => new() { ["trace_id"] = "8ff3fcd57b33566048ef28568c6cee96", ["code"] = 0, ["msg"] = "success", ["data"] = data };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Requests);
        var path = request.RequestUri!.AbsolutePath;
        var body = path.EndsWith("/submit", StringComparison.Ordinal) ? _submit : path.EndsWith("/page", StringComparison.Ordinal) ? _page : _task;
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return System.Threading.Tasks.Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
    }
}
