using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Chanjing.Emulator;

/// <summary>
/// A local Chanjing Open API on Kestrel (loopback): access tokens, AI creation tasks, uploads and downloads, with
/// scriptable faults and a request journal. Start one per test with <see cref="StartAsync"/>.
/// </summary>
public sealed class ChanjingEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorState _state;

    private ChanjingEmulator(WebApplication app, EmulatorState state)
    {
        _app = app;
        _state = state;
    }

    /// <summary>The address to give <c>ChanjingOptions.BaseAddress</c>, for example <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress => _state.BaseAddress;

    /// <summary>The app id the emulator accepts.</summary>
    public string AppId => _state.Options.AppId;

    /// <summary>The secret key the emulator accepts.</summary>
    public string SecretKey => _state.Options.SecretKey;

    /// <summary>The emulator's settings (changes to timings apply to later requests).</summary>
    public ChanjingEmulatorOptions Options => _state.Options;

    /// <summary>Every request received so far, oldest first, secrets redacted.</summary>
    public IReadOnlyList<EmulatorRequest> Journal => _state.Journal();

    /// <summary>How many tokens the token endpoint has issued.</summary>
    public int TokensIssued => _state.TokensIssued;

    /// <summary>How many tasks exist.</summary>
    public int TaskCount => _state.TaskCount;

    /// <summary>Starts an emulator on a free loopback port (or <see cref="ChanjingEmulatorOptions.Url"/>).</summary>
    /// <param name="options">The settings; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop it.</returns>
    public static async Task<ChanjingEmulator> StartAsync(ChanjingEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ChanjingEmulatorOptions();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production, ApplicationName = typeof(ChanjingEmulator).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(options.Url);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 64L * 1024 * 1024);
        var app = builder.Build();
        var state = new EmulatorState(options);
        Map(app, state, options.EnableAdminEndpoints);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        state.BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        return new ChanjingEmulator(app, state);
    }

    /// <summary>Applies <paramref name="fault"/> to the next <paramref name="count"/> requests of <paramref name="endpoint"/>.</summary>
    /// <param name="endpoint">The endpoint, or <see cref="EmulatorEndpoint.Any"/>.</param>
    /// <param name="fault">The fault.</param>
    /// <param name="count">How many requests it affects.</param>
    public void AddFault(EmulatorEndpoint endpoint, EmulatorFault fault, int count = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        _state.AddFault(endpoint, fault, count);
    }

    /// <summary>Forces a task's status (for example <c>Error</c>, <c>Fail</c>, or an unknown value such as <c>Cancelled</c>).</summary>
    /// <param name="taskId">The task id.</param>
    /// <param name="status">The <c>progress_desc</c> to report from now on.</param>
    /// <param name="errorMessage">The <c>err_msg</c> to report.</param>
    public void SetTaskStatus(string taskId, string status, string? errorMessage = null) => _state.SetOutcome(taskId, status, errorMessage);

    /// <summary>Invalidates the current access token, as another process fetching a token would.</summary>
    public void InvalidateAccessToken() => _state.InvalidateToken();

    /// <summary>The bytes the emulator serves as a task's output video.</summary>
    /// <param name="taskId">The task id.</param>
    /// <returns>The file content.</returns>
    public byte[] GetOutputBytes(string taskId) => _state.OutputBytes(taskId);

    /// <summary>Forgets the journal (tasks, files and tokens are kept).</summary>
    public void ClearJournal() => _state.ClearJournal();

    /// <summary>How many journaled requests reached <paramref name="endpoint"/>.</summary>
    /// <param name="endpoint">The endpoint.</param>
    /// <returns>The count.</returns>
    public int CountRequests(EmulatorEndpoint endpoint) => Journal.Count(r => r.Endpoint == endpoint);

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    internal static void Map(WebApplication app, EmulatorState state, bool admin = false)
    {
        if (admin)
        {
            AdminEndpoints.Map(app, state);
        }

        // The admin endpoints are routed (routing runs first in a WebApplication); everything else is the emulated service.
        app.Use((context, next) => context.GetEndpoint() is not null ? next(context) : HandleAsync(context, state));
    }

    private static EmulatorEndpoint Classify(HttpRequest request) => (request.Method, request.Path.Value) switch
    {
        ("POST", "/open/v1/access_token") => EmulatorEndpoint.AccessToken,
        ("POST", "/open/v1/ai_creation/task/submit") => EmulatorEndpoint.Submit,
        ("GET", "/open/v1/ai_creation/task") => EmulatorEndpoint.GetTask,
        ("POST", "/open/v1/ai_creation/task/page") => EmulatorEndpoint.ListTasks,
        ("GET", "/open/v1/common/create_upload_url") => EmulatorEndpoint.CreateUploadUrl,
        ("GET", "/open/v1/common/file_detail") => EmulatorEndpoint.FileDetail,
        ("PUT", var p) when p!.StartsWith("/upload/", StringComparison.Ordinal) => EmulatorEndpoint.UploadPut,
        ("GET", var p) when p!.StartsWith("/files/", StringComparison.Ordinal) => EmulatorEndpoint.Download,
        _ => EmulatorEndpoint.Unknown,
    };

    private static async Task HandleAsync(HttpContext context, EmulatorState state)
    {
        var request = context.Request;
        var endpoint = Classify(request);
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        var body = buffer.ToArray();
        var token = request.Headers["access_token"].ToString();
        state.Record(new EmulatorRequest(endpoint, request.Method, request.Path.Value ?? string.Empty, request.QueryString.Value ?? string.Empty, JsonBody.Redact(body, request.ContentType),
            !string.IsNullOrEmpty(token), state.Options.TimeProvider.GetUtcNow(), request.Headers.Range.ToString() is { Length: > 0 } r ? r : null, request.ContentType));

        var fault = state.TakeFault(endpoint);
        switch (fault?.Kind)
        {
            case EmulatorFaultKind.AbortBeforeProcessing:
                context.Abort();
                return;
            case EmulatorFaultKind.BodyCode:
                await WriteAsync(context, EmulatorResponse.Envelope(fault.Code, fault.Message ?? DefaultMessage(fault.Code), null), null).ConfigureAwait(false);
                return;
            case EmulatorFaultKind.HttpStatus:
                await WriteAsync(context, EmulatorResponse.Html(fault.HttpStatus), null).ConfigureAwait(false);
                return;
            case EmulatorFaultKind.Delay:
                await Task.Delay(fault.Delay, state.Options.TimeProvider, context.RequestAborted).ConfigureAwait(false);
                break;
        }

        var response = Process(context, state, endpoint, body, token);
        switch (fault?.Kind)
        {
            case EmulatorFaultKind.AbortAfterProcessing:
                context.Abort();
                return;
            case EmulatorFaultKind.MalformedBody:
                var cut = response.Body.Length > 1 ? response.Body.AsSpan(0, response.Body.Length / 2).ToArray() : "{\"code\":"u8.ToArray();
                await WriteAsync(context, response with { Status = 200, Body = cut }, null).ConfigureAwait(false);
                return;
            default:
                await WriteAsync(context, response, fault, state.Options.TimeProvider).ConfigureAwait(false);
                return;
        }
    }

    private static EmulatorResponse Process(HttpContext context, EmulatorState state, EmulatorEndpoint endpoint, byte[] body, string token)
    {
        if (endpoint == EmulatorEndpoint.Unknown)
        {
            return new EmulatorResponse(404, "text/plain", "Not Found"u8.ToArray());
        }

        if (endpoint == EmulatorEndpoint.Download)
        {
            return Download(context, state);
        }

        if (endpoint == EmulatorEndpoint.UploadPut)
        {
            return state.Upload(context.Request.Path.Value!["/upload/".Length..], context.Request.ContentType, body);
        }

        JsonObject? json = null;
        if (context.Request.Method == "POST")
        {
            json = JsonBody.TryParseObject(body);
            if (json is null)
            {
                return EmulatorResponse.Envelope(400, "请求格式错误", null);
            }
        }

        if (endpoint == EmulatorEndpoint.AccessToken)
        {
            return state.IssueToken(json!);
        }

        if (state.Authenticate(token) is { } rejected)
        {
            return rejected;
        }

        var query = context.Request.Query;
        return endpoint switch
        {
            EmulatorEndpoint.Submit => state.Submit(json!),
            EmulatorEndpoint.GetTask => state.GetTask(query["unique_id"]),
            EmulatorEndpoint.ListTasks => state.ListTasks(json!),
            EmulatorEndpoint.CreateUploadUrl => state.CreateUploadUrl(query["service"], query["name"]),
            EmulatorEndpoint.FileDetail => state.FileDetail(query["id"]),
            _ => new EmulatorResponse(404, "text/plain", "Not Found"u8.ToArray()),
        };
    }

    private static EmulatorResponse Download(HttpContext context, EmulatorState state)
    {
        if (state.Download(context.Request.Path.Value!) is not { } file)
        {
            return new EmulatorResponse(404, "application/xml", "<Error><Code>NoSuchKey</Code></Error>"u8.ToArray());
        }

        var headers = new Dictionary<string, string> { ["Accept-Ranges"] = "bytes" };
        var range = context.Request.Headers.Range.ToString();
        if (range.StartsWith("bytes=", StringComparison.Ordinal))
        {
            var parts = range["bytes=".Length..].Split('-');
            if (long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start))
            {
                var end = parts.Length > 1 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var e) ? Math.Min(e, file.Content.Length - 1) : file.Content.Length - 1;
                if (start >= file.Content.Length || end < start)
                {
                    headers["Content-Range"] = $"bytes */{file.Content.Length}";
                    return new EmulatorResponse(416, "text/plain", [], headers);
                }

                headers["Content-Range"] = $"bytes {start}-{end}/{file.Content.Length}";
                return new EmulatorResponse(206, file.ContentType, file.Content.AsSpan((int)start, (int)(end - start + 1)).ToArray(), headers);
            }
        }

        return new EmulatorResponse(200, file.ContentType, file.Content, headers);
    }

    private static async Task WriteAsync(HttpContext context, EmulatorResponse response, EmulatorFault? fault, TimeProvider? time = null)
    {
        context.Response.StatusCode = response.Status;
        context.Response.ContentType = response.ContentType;
        context.Response.ContentLength = response.Body.Length;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (fault?.Kind == EmulatorFaultKind.CutBody)
        {
            var sent = (int)Math.Min(fault.Bytes, response.Body.Length);
            await context.Response.Body.WriteAsync(response.Body.AsMemory(0, sent), context.RequestAborted).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            context.Abort();
            return;
        }

        if (fault?.Kind == EmulatorFaultKind.SlowBody)
        {
            var chunk = Math.Max(1, response.Body.Length / 8);
            for (var offset = 0; offset < response.Body.Length; offset += chunk)
            {
                await context.Response.Body.WriteAsync(response.Body.AsMemory(offset, Math.Min(chunk, response.Body.Length - offset)), context.RequestAborted).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
                await Task.Delay(fault.Delay, time ?? TimeProvider.System, context.RequestAborted).ConfigureAwait(false);
            }

            return;
        }

        await context.Response.Body.WriteAsync(response.Body, context.RequestAborted).ConfigureAwait(false);
    }

    private static string DefaultMessage(int code) => code switch
    {
        400 => "请求格式错误",
        10400 => "AccessToken验证失败",
        40000 => "参数错误",
        40001 => "请求超过QPS限制",
        50000 => "系统内部错误",
        _ => "emulated error",
    };
}
