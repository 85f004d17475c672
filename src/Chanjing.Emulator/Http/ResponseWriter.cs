using Chanjing.Emulator.Faults;
using Microsoft.AspNetCore.Http;

namespace Chanjing.Emulator.Http;

/// <summary>Sends an <see cref="EmulatorResponse"/>: status, headers, then the body through the fault's writing hook (none for HEAD).</summary>
internal static class ResponseWriter
{
    public static Task WriteAsync(HttpContext context, EmulatorResponse response, FaultHook hook, TimeProvider time)
    {
        context.Response.StatusCode = response.Status;
        context.Response.ContentType = response.ContentType;
        context.Response.ContentLength = response.Body.Length;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : hook.WriteBodyAsync(context, response, time);
    }
}
