using System.Diagnostics;
using Polly;
using Polly.Timeout;

namespace Chanjing.Sdk.Internal.Pipeline;

/// <summary>
/// Runs one operation (every attempt of it) on a resilience strategy, inside its trace span and its duration metric,
/// and turns the strategy's own timeout into a transient <see cref="ChanjingException"/>. API calls, token fetches and
/// transfers all run here; what one attempt does is the caller's.
/// </summary>
internal sealed class OperationRunner(TimeProvider time, ChanjingTelemetry telemetry, Func<bool> isDisposed, string ownerName)
{
    /// <summary>The property of a resilience context that names the operation (for retry metrics and logs).</summary>
    public static readonly ResiliencePropertyKey<string> OperationKey = new("chanjing.operation");

    /// <param name="strategy">The resilience strategy (retries, timeouts, rate limit).</param>
    /// <param name="operation">The operation's name, for spans, metrics and messages.</param>
    /// <param name="pathAndQuery">The request path (its query is not tagged on the span); null for none.</param>
    /// <param name="state">What <paramref name="attempt"/> needs (passed without a closure).</param>
    /// <param name="attempt">One attempt: given the state, the attempt's token and the caller's token.</param>
    /// <param name="timeoutText">How the strategy's timeout is described, given the operation and the timeout.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    public async Task<T> RunAsync<T, TState>(ResiliencePipeline strategy, string operation, string? pathAndQuery, TState state, Func<TState, CancellationToken, CancellationToken, ValueTask<T>> attempt, Func<string, TimeSpan, string> timeoutText, CancellationToken cancellationToken)
    {
        if (isDisposed())
        {
            throw new ObjectDisposedException(ownerName);
        }

        using var activity = ChanjingTelemetry.ActivitySource.StartActivity("chanjing " + operation, ActivityKind.Internal);
        if (activity is not null)
        {
            activity.SetTag("chanjing.operation", operation);
            if (pathAndQuery is not null)
            {
                activity.SetTag("url.path", pathAndQuery.Split('?')[0]);
            }
        }

        var started = time.GetTimestamp();
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(OperationKey, operation);
        try
        {
            var result = await strategy.ExecuteAsync(
                static (ctx, s) => s.Attempt(s.State, ctx.CancellationToken, s.Caller),
                context,
                (State: state, Attempt: attempt, Caller: cancellationToken)).ConfigureAwait(false);
            telemetry.Operation(operation, time.GetElapsedTime(started), null);
            return result;
        }
        catch (TimeoutRejectedException ex)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var timeout = new ChanjingException(timeoutText(operation, ex.Timeout), null, null, null, null, isTransient: true, ex);
            Fail(activity, timeout);
            telemetry.Operation(operation, time.GetElapsedTime(started), timeout);
            throw timeout;
        }
        catch (ChanjingException ex)
        {
            Fail(activity, ex);
            telemetry.Operation(operation, time.GetElapsedTime(started), ex);
            throw;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static void Fail(Activity? activity, ChanjingException error)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
        activity.SetTag("error.type", error.GetType().Name);
        activity.SetTag("chanjing.code", error.Code);
        activity.SetTag("chanjing.trace_id", error.TraceId);
    }
}
