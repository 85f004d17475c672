namespace Chanjing.Emulator;

/// <summary>The endpoints a fault can target.</summary>
public enum EmulatorEndpoint
{
    /// <summary>Any endpoint.</summary>
    Any,

    /// <summary><c>POST /open/v1/access_token</c>.</summary>
    AccessToken,

    /// <summary><c>POST /open/v1/ai_creation/task/submit</c>.</summary>
    Submit,

    /// <summary><c>GET /open/v1/ai_creation/task</c>.</summary>
    GetTask,

    /// <summary><c>POST /open/v1/ai_creation/task/page</c>.</summary>
    ListTasks,

    /// <summary><c>GET /open/v1/common/create_upload_url</c>.</summary>
    CreateUploadUrl,

    /// <summary>The signed upload <c>PUT</c>.</summary>
    UploadPut,

    /// <summary><c>GET /open/v1/common/file_detail</c>.</summary>
    FileDetail,

    /// <summary>Downloads of produced or uploaded files.</summary>
    Download,

    /// <summary>A path the emulator does not serve.</summary>
    Unknown,
}

/// <summary>What a scripted fault does to a request.</summary>
public enum EmulatorFaultKind
{
    /// <summary>Answer HTTP 200 with an envelope carrying <see cref="EmulatorFault.Code"/>; nothing is processed.</summary>
    BodyCode,

    /// <summary>Answer <see cref="EmulatorFault.HttpStatus"/> with an HTML page; nothing is processed.</summary>
    HttpStatus,

    /// <summary>Wait <see cref="EmulatorFault.Delay"/> (on the emulator's clock), then process normally.</summary>
    Delay,

    /// <summary>Process the request (a submit creates its task), then drop the connection without answering.</summary>
    AbortAfterProcessing,

    /// <summary>Drop the connection before processing anything.</summary>
    AbortBeforeProcessing,

    /// <summary>Process normally, but answer HTTP 200 with a truncated JSON body.</summary>
    MalformedBody,

    /// <summary>Process normally, then send the body in small pieces, <see cref="EmulatorFault.Delay"/> apart.</summary>
    SlowBody,

    /// <summary>Process normally, send the headers and the first <see cref="EmulatorFault.Bytes"/> bytes of the body, then drop the connection.</summary>
    CutBody,
}

/// <summary>A fault applied to the next requests of an endpoint. Create with the static factory methods.</summary>
public sealed record EmulatorFault
{
    /// <summary>The kind of fault.</summary>
    public required EmulatorFaultKind Kind { get; init; }

    /// <summary>The body code of <see cref="EmulatorFaultKind.BodyCode"/>.</summary>
    public int Code { get; init; }

    /// <summary>The <c>msg</c> of <see cref="EmulatorFaultKind.BodyCode"/>.</summary>
    public string? Message { get; init; }

    /// <summary>The HTTP status of <see cref="EmulatorFaultKind.HttpStatus"/>.</summary>
    public int HttpStatus { get; init; }

    /// <summary>The pause of <see cref="EmulatorFaultKind.Delay"/> and <see cref="EmulatorFaultKind.SlowBody"/>.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>How many body bytes <see cref="EmulatorFaultKind.CutBody"/> sends.</summary>
    public long Bytes { get; init; }

    /// <summary>Answers with a body code, for example 40001 or 50000.</summary>
    public static EmulatorFault WithCode(int code, string? message = null) => new() { Kind = EmulatorFaultKind.BodyCode, Code = code, Message = message };

    /// <summary>Answers with an HTTP status and an HTML page, like a proxy.</summary>
    public static EmulatorFault WithHttpStatus(int status) => new() { Kind = EmulatorFaultKind.HttpStatus, HttpStatus = status };

    /// <summary>Delays the request, then processes it.</summary>
    public static EmulatorFault Delayed(TimeSpan delay) => new() { Kind = EmulatorFaultKind.Delay, Delay = delay };

    /// <summary>Processes the request, then drops the connection.</summary>
    public static EmulatorFault AbortAfterProcessing() => new() { Kind = EmulatorFaultKind.AbortAfterProcessing };

    /// <summary>Drops the connection before processing.</summary>
    public static EmulatorFault AbortBeforeProcessing() => new() { Kind = EmulatorFaultKind.AbortBeforeProcessing };

    /// <summary>Answers a truncated JSON body.</summary>
    public static EmulatorFault Malformed() => new() { Kind = EmulatorFaultKind.MalformedBody };

    /// <summary>Sends the body slowly.</summary>
    public static EmulatorFault Slow(TimeSpan delayPerChunk) => new() { Kind = EmulatorFaultKind.SlowBody, Delay = delayPerChunk };

    /// <summary>Sends only the first <paramref name="bytes"/> bytes of the body, then drops the connection.</summary>
    public static EmulatorFault CutAfter(long bytes) => new() { Kind = EmulatorFaultKind.CutBody, Bytes = bytes };
}

/// <summary>One request the emulator received, with secrets redacted.</summary>
/// <param name="Endpoint">The endpoint.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path.</param>
/// <param name="Query">The query string, including '?', or empty.</param>
/// <param name="Body">The body as text (JSON bodies with <c>secret_key</c> redacted; binary bodies summarized).</param>
/// <param name="AccessToken">Whether an <c>access_token</c> header was sent (the token itself is not kept).</param>
/// <param name="ReceivedAt">When it arrived, on the emulator's clock.</param>
/// <param name="Range">The <c>Range</c> header, if any.</param>
/// <param name="ContentType">The request's <c>Content-Type</c>, if any.</param>
public sealed record EmulatorRequest(EmulatorEndpoint Endpoint, string Method, string Path, string Query, string Body, bool AccessToken, DateTimeOffset ReceivedAt, string? Range, string? ContentType);
