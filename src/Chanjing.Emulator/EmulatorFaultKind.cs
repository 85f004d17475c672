namespace Chanjing.Emulator;

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

    /// <summary>Process normally, but answer HTTP 200 with a truncated JSON body (where: <see cref="EmulatorFault.Bytes"/>, <see cref="EmulatorFault.Field"/>).</summary>
    MalformedBody,

    /// <summary>Process normally, then send the body in small pieces, <see cref="EmulatorFault.Delay"/> apart.</summary>
    SlowBody,

    /// <summary>Process normally, send the headers and the first <see cref="EmulatorFault.Bytes"/> bytes of the body, then drop the connection.</summary>
    CutBody,
}
