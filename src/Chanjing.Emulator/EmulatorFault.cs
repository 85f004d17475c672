namespace Chanjing.Emulator;

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

    /// <summary>
    /// How many body bytes <see cref="EmulatorFaultKind.CutBody"/> sends; for <see cref="EmulatorFaultKind.MalformedBody"/>,
    /// where the JSON is cut (0: see <see cref="Field"/>, else the middle).
    /// </summary>
    public long Bytes { get; init; }

    /// <summary>
    /// For <see cref="EmulatorFaultKind.MalformedBody"/> with <see cref="Bytes"/> 0: the JSON property (at any depth, for
    /// example <c>access_token</c>, <c>sign_url</c> or <c>data</c>) in the middle of whose value the body is cut.
    /// </summary>
    public string? Field { get; init; }

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

    /// <summary>Answers a truncated JSON body, cut in the middle.</summary>
    public static EmulatorFault Malformed() => new() { Kind = EmulatorFaultKind.MalformedBody };

    /// <summary>Answers a JSON body truncated to its first <paramref name="bytes"/> bytes (at most all but the last).</summary>
    /// <param name="bytes">How many bytes of the body to send, 1 or more.</param>
    public static EmulatorFault MalformedAt(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bytes);
        return new() { Kind = EmulatorFaultKind.MalformedBody, Bytes = bytes };
    }

    /// <summary>
    /// Answers a JSON body cut in the middle of the value of <paramref name="field"/> (for example <c>access_token</c>:
    /// the body ends with part of the token), or in the middle of the body when the field is absent.
    /// </summary>
    /// <param name="field">The property name, for example <c>access_token</c>, <c>sign_url</c> or <c>data</c>.</param>
    public static EmulatorFault MalformedInside(string field)
    {
        ArgumentException.ThrowIfNullOrEmpty(field);
        return new() { Kind = EmulatorFaultKind.MalformedBody, Field = field };
    }

    /// <summary>Sends the body slowly.</summary>
    public static EmulatorFault Slow(TimeSpan delayPerChunk) => new() { Kind = EmulatorFaultKind.SlowBody, Delay = delayPerChunk };

    /// <summary>Sends only the first <paramref name="bytes"/> bytes of the body, then drops the connection.</summary>
    public static EmulatorFault CutAfter(long bytes) => new() { Kind = EmulatorFaultKind.CutBody, Bytes = bytes };
}
