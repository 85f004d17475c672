using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Chanjing.Sdk.Internal.Pipeline;

/// <summary>
/// Builds the Polly pipelines of a registration from its options: overall timeout → retry → rate limit → attempt
/// timeout. Reads retry on every transient failure; submits only when the service certainly did not accept them.
/// </summary>
internal sealed class ResilienceFactory(ChanjingOptions options, PacedRateLimiter? limiter, ILogger logger, ChanjingTelemetry telemetry)
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    public ResiliencePipeline Build(RequestKind kind, TimeSpan attemptTimeout, TimeSpan operationTimeout)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = options.TimeProvider, Name = kind == RequestKind.Submit ? "chanjing-submit" : "chanjing-read" };
        if (operationTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(operationTimeout);
        }

        if (options.Retry.MaxAttempts > 0)
        {
            builder.AddRetry(Retry(kind == RequestKind.Submit
                ? static args => new ValueTask<bool>(SendRules.MayRetrySubmit(args.Outcome.Exception))
                : static args => new ValueTask<bool>(SendRules.MayRetryRead(args.Outcome.Exception))));
        }

        if (limiter is not null)
        {
            builder.AddRateLimiter(limiter);
        }

        if (attemptTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(attemptTimeout);
        }

        return builder.Build();
    }

    /// <summary>
    /// Transfers (upload PUT, download): the same overall timeout, retry rule and backoff as reads, without the rate
    /// limiter (storage is not the API) and without a per-attempt timeout (a transfer bounds each read by its idle time instead).
    /// </summary>
    public ResiliencePipeline BuildTransfer(bool retry)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = options.TimeProvider, Name = retry ? "chanjing-transfer" : "chanjing-transfer-once" };
        if (options.OperationTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(options.OperationTimeout);
        }

        if (retry && options.Retry.MaxAttempts > 0)
        {
            builder.AddRetry(Retry(static args => new ValueTask<bool>(SendRules.MayRetryTransfer(args.Outcome.Exception))));
        }

        return builder.Build();
    }

    private RetryStrategyOptions Retry(Func<RetryPredicateArguments<object>, ValueTask<bool>> shouldHandle) => new()
    {
        MaxRetryAttempts = options.Retry.MaxAttempts,
        Delay = options.Retry.BaseDelay,
        MaxDelay = options.Retry.BaseDelay > MaxBackoff ? options.Retry.BaseDelay : MaxBackoff,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        ShouldHandle = shouldHandle,
        DelayGenerator = args => new ValueTask<TimeSpan?>(RetryAfterDelay(args.Outcome.Exception)),
        OnRetry = args =>
        {
            var operation = args.Context.Properties.GetValue(OperationRunner.OperationKey, "call");
            telemetry.Retry(operation, args.Outcome.Exception);
            PipelineLog.RetryScheduled(logger, operation, args.Outcome.Exception?.Message, args.AttemptNumber + 1, args.RetryDelay);
            return default;
        },
    };

    private TimeSpan? RetryAfterDelay(Exception? failure) =>
        failure is ChanjingException { RetryAfter: { } wait }
            ? (wait > options.Retry.MaxRetryAfter ? options.Retry.MaxRetryAfter : wait < TimeSpan.Zero ? TimeSpan.Zero : wait)
            : null;
}
