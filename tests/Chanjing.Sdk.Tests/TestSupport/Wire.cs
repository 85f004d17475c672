using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Chanjing.Sdk.Tests.TestSupport;

/// <summary>Builds wire responses and reads the documented examples.</summary>
internal static class Wire
{
    public static string Example(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", name));

    public static JsonNode ExampleNode(string name) => JsonNode.Parse(Example(name))!;

    public static string Envelope(JsonNode? data, int code = 0, string msg = "success", string traceId = "trace-123") =>
        new JsonObject { ["trace_id"] = traceId, ["code"] = code, ["msg"] = msg, ["data"] = data }.ToJsonString();

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Ok(JsonNode? data) => Json(Envelope(data));

    public static HttpResponseMessage Code(int code, string msg = "失败") => Json(Envelope(null, code, msg));

    public static JsonObject Task(string id, string status = "Generating", string? output = null, int type = 4, long createTime = 1772510584)
    {
        var task = (JsonObject)ExampleNode("list-tasks.response.json")["data"]!["list"]![0]!.DeepClone();
        task["unique_id"] = id;
        task["progress_desc"] = status;
        task["type"] = type;
        task["create_time"] = createTime;
        task["err_msg"] = status is "Error" or "Fail" ? "任务失败,本次生成不消耗蝉豆" : string.Empty;
        task["output_url"] = output is null ? new JsonArray() : new JsonArray(output);
        task["model_code"] = type == 4 ? "happyhorse-1.0-r2v" : "doubao-seedream-4.5";
        return task;
    }

    public static JsonObject Page(IEnumerable<JsonNode> items, int page = 1, int totalPages = 1, int size = 50, int? totalCount = null)
    {
        var list = new JsonArray(items.ToArray());
        // Like the service: total_count counts every task of the listing, not the ones on this page.
        var total = totalCount ?? (totalPages <= 1 ? list.Count : size * totalPages);
        return new JsonObject
        {
            ["list"] = list,
            ["total"] = total,
            ["page_info"] = new JsonObject { ["page"] = page, ["size"] = size, ["total_count"] = total, ["total_page"] = totalPages },
        };
    }

    public static async Task<JsonObject> BodyAsync(HttpRequestMessage request) =>
        (JsonObject)JsonNode.Parse(await request.Content!.ReadAsStringAsync())!;

    public static bool JsonEquals(string a, string b) => JsonNode.DeepEquals(JsonNode.Parse(a), JsonNode.Parse(b));

    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
}
