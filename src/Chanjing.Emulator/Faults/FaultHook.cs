using Chanjing.Emulator.Http;
using Microsoft.AspNetCore.Http;

namespace Chanjing.Emulator.Faults;

/// <summary>
/// What a fault does, at the three moments a request can be disturbed: before it is processed, after it is processed
/// (the response may be replaced), and while the response body is written. Each <see cref="EmulatorFaultKind"/> is
/// implemented by one subclass, in <see cref="For"/>; a hook that drops the connection calls <c>HttpContext.Abort</c>.
/// </summary>
internal abstract class FaultHook
{
    private const string DroppedKey = "chanjing.emulator.dropped";
    private static readonly FaultHook NoFault = new None();

    public static FaultHook For(EmulatorFault? fault) => fault?.Kind switch
    {
        null => NoFault,
        EmulatorFaultKind.BodyCode => new BodyCode(fault),
        EmulatorFaultKind.HttpStatus => new HttpStatus(fault),
        EmulatorFaultKind.Delay => new Delay(fault),
        EmulatorFaultKind.AbortBeforeProcessing => new AbortBefore(),
        EmulatorFaultKind.AbortAfterProcessing => new AbortAfter(),
        EmulatorFaultKind.MalformedBody => new Malformed(fault),
        EmulatorFaultKind.SlowBody => new Slow(fault),
        EmulatorFaultKind.CutBody => new Cut(fault),
        _ => throw new ArgumentOutOfRangeException(nameof(fault), fault.Kind, "Unknown fault kind."),
    };

    /// <summary>Whether a hook dropped the connection (nothing more may be written).</summary>
    public static bool IsDropped(HttpContext context) => context.Items.ContainsKey(DroppedKey);

    /// <summary>Before processing: a response to send instead of processing, or null to process the request.</summary>
    public virtual ValueTask<EmulatorResponse?> BeforeAsync(HttpContext context, TimeProvider time) => ValueTask.FromResult<EmulatorResponse?>(null);

    /// <summary>After processing: the response to send.</summary>
    public virtual EmulatorResponse After(HttpContext context, EmulatorResponse response) => response;

    /// <summary>While writing: sends the body (the status and headers are already set).</summary>
    public virtual Task WriteBodyAsync(HttpContext context, EmulatorResponse response, TimeProvider time) =>
        context.Response.Body.WriteAsync(response.Body, context.RequestAborted).AsTask();

    private static void Drop(HttpContext context)
    {
        context.Items[DroppedKey] = true;
        context.Abort();
    }

    private sealed class None : FaultHook;

    private sealed class BodyCode(EmulatorFault fault) : FaultHook
    {
        public override ValueTask<EmulatorResponse?> BeforeAsync(HttpContext context, TimeProvider time) =>
            ValueTask.FromResult<EmulatorResponse?>(EmulatorResponse.Envelope(fault.Code, fault.Message ?? EmulatorResponse.DefaultMessage(fault.Code), null));
    }

    private sealed class HttpStatus(EmulatorFault fault) : FaultHook
    {
        public override ValueTask<EmulatorResponse?> BeforeAsync(HttpContext context, TimeProvider time) =>
            ValueTask.FromResult<EmulatorResponse?>(EmulatorResponse.Html(fault.HttpStatus));
    }

    private sealed class Delay(EmulatorFault fault) : FaultHook
    {
        public override async ValueTask<EmulatorResponse?> BeforeAsync(HttpContext context, TimeProvider time)
        {
            await Task.Delay(fault.Delay, time, context.RequestAborted).ConfigureAwait(false);
            return null;
        }
    }

    private sealed class AbortBefore : FaultHook
    {
        public override ValueTask<EmulatorResponse?> BeforeAsync(HttpContext context, TimeProvider time)
        {
            Drop(context);
            return ValueTask.FromResult<EmulatorResponse?>(null);
        }
    }

    private sealed class AbortAfter : FaultHook
    {
        public override EmulatorResponse After(HttpContext context, EmulatorResponse response)
        {
            Drop(context);
            return response;
        }
    }

    private sealed class Malformed(EmulatorFault fault) : FaultHook
    {
        public override EmulatorResponse After(HttpContext context, EmulatorResponse response) =>
            response with { Status = 200, Body = BodyCut.Truncate(response.Body, fault) };
    }

    private sealed class Slow(EmulatorFault fault) : FaultHook
    {
        public override async Task WriteBodyAsync(HttpContext context, EmulatorResponse response, TimeProvider time)
        {
            var chunk = Math.Max(1, response.Body.Length / 8);
            for (var offset = 0; offset < response.Body.Length; offset += chunk)
            {
                await context.Response.Body.WriteAsync(response.Body.AsMemory(offset, Math.Min(chunk, response.Body.Length - offset)), context.RequestAborted).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
                await Task.Delay(fault.Delay, time, context.RequestAborted).ConfigureAwait(false);
            }
        }
    }

    private sealed class Cut(EmulatorFault fault) : FaultHook
    {
        public override async Task WriteBodyAsync(HttpContext context, EmulatorResponse response, TimeProvider time)
        {
            var sent = (int)Math.Min(fault.Bytes, response.Body.Length);
            await context.Response.Body.WriteAsync(response.Body.AsMemory(0, sent), context.RequestAborted).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            Drop(context);
        }
    }
}
