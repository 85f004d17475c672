using System.Net;
using System.Text.Json.Nodes;
using Chanjing.Sdk.Tests.TestSupport;

namespace Chanjing.Sdk.Tests.Submits;

/// <summary>A fake Chanjing service for submit tests: its submits answer what a test says, its task list holds what a test put there.</summary>
internal static class TaskService
{
    public const string Prompt = "a horse gallops";

    public static ReferenceVideoRequest Request(string prompt = Prompt) => new()
    {
        Prompt = prompt,
        ReferenceImageUrls = { new Uri("https://x/ref1.jpg"), new Uri("https://x/ref2.jpg") },
        AspectRatio = AspectRatio.Landscape16x9,
        Clarity = VideoClarity.P1080,
        DurationSeconds = 5,
    };

    /// <summary>A task created from <see cref="Request"/>, as listed; the service re-hosts the reference images.</summary>
    public static JsonObject Listed(string id, DateTimeOffset created, string prompt = Prompt, int clarity = 1080, int duration = 5, string aspect = "16:9", int images = 2)
    {
        var task = Wire.Task(id, "Queued", createTime: created.ToUnixTimeSeconds());
        task["ref_img_url"] = new JsonArray(Enumerable.Range(1, images).Select(i => (JsonNode)JsonValue.Create($"https://cdn.example/rehosted/{i}.jpg")).ToArray());
        task["motion_info"]!["ref_prompt"] = prompt;
        task["motion_info"]!["clarity"] = clarity;
        task["motion_info"]!["aspect_ratio"] = aspect;
        task["motion_info"]!["video_duration"] = duration;
        return task;
    }

    /// <summary>
    /// A service whose submits answer <paramref name="submit"/> (given the submit's number, from 1) and whose list holds
    /// <paramref name="listed"/>; answers carry a Date header from <paramref name="serverNow"/> when given, and the submit's
    /// only when <paramref name="dateOnSubmit"/>.
    /// </summary>
    public static LambdaHandler Create(Func<int, HttpResponseMessage> submit, Func<List<JsonObject>> listed, Func<DateTimeOffset>? serverNow = null, List<string>? paths = null, bool dateOnSubmit = true) =>
        Create((n, _) => Task.FromResult(submit(n)), listed, serverNow, paths, dateOnSubmit);

    /// <inheritdoc cref="Create(Func{int, HttpResponseMessage}, Func{List{JsonObject}}, Func{DateTimeOffset}?, List{string}?, bool)"/>
    public static LambdaHandler Create(Func<int, CancellationToken, Task<HttpResponseMessage>> submit, Func<List<JsonObject>> listed, Func<DateTimeOffset>? serverNow = null, List<string>? paths = null, bool dateOnSubmit = true)
    {
        var submits = 0;
        return new LambdaHandler(async (request, cancellationToken) =>
        {
            lock (paths ?? [])
            {
                paths?.Add(request.RequestUri!.AbsolutePath);
            }

            var isSubmit = request.RequestUri!.AbsolutePath.EndsWith("/submit", StringComparison.Ordinal);
            HttpResponseMessage response;
            if (isSubmit)
            {
                response = await submit(Interlocked.Increment(ref submits), cancellationToken);
            }
            else
            {
                var tasks = listed();
                lock (tasks)
                {
                    response = Wire.Ok(Wire.Page(tasks.Select(t => (JsonNode)t.DeepClone()).ToList()));
                }
            }

            if (serverNow is not null && (dateOnSubmit || !isSubmit))
            {
                response.Headers.Date = serverNow();
            }

            return response;
        });
    }

    /// <summary>Options of a client that claims a unique exact match (one look-up).</summary>
    public static Action<ChanjingOptions> Claiming(Action<ChanjingOptions>? more = null) => o =>
    {
        o.Reconciliation.Attempts = 1;
        o.Reconciliation.ClaimUniqueMatch = true;
        more?.Invoke(o);
    };

    /// <summary>Options of a client that only reports candidates, the default (one look-up).</summary>
    public static Action<ChanjingOptions> Reporting(Action<ChanjingOptions>? more = null) => o =>
    {
        o.Reconciliation.Attempts = 1;
        more?.Invoke(o);
    };

    /// <summary>
    /// A service whose first submit creates <paramref name="taskId"/> and holds its answer until <c>Release</c> completes
    /// (<c>Arrived</c> completes once the task is listed), and whose later submits are answered 502 having created nothing.
    /// </summary>
    public static (LambdaHandler Handler, TaskCompletionSource Arrived, TaskCompletionSource Release) FirstAnswerSlowOthersLost(TimeProvider time, string taskId, string prompt = Prompt)
    {
        var listed = new List<JsonObject>();
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = Create(async (n, _) =>
        {
            if (n == 1)
            {
                lock (listed)
                {
                    listed.Add(Listed(taskId, time.GetUtcNow(), prompt));
                }

                arrived.SetResult();
                await release.Task;
                return Wire.Ok(JsonValue.Create(taskId));
            }

            return BadGateway();
        }, () => listed, time.GetUtcNow);
        return (handler, arrived, release);
    }

    public static HttpResponseMessage BadGateway() => new(HttpStatusCode.BadGateway) { Content = new StringContent("<html>502</html>") };
}
