using System.Globalization;

namespace Chanjing.Sdk;

/// <summary>
/// Settings of a <see cref="ChanjingClient"/>. Authenticate with either <see cref="AccessToken"/>, or
/// <see cref="AppId"/> + <see cref="SecretKey"/> (tokens are then fetched, cached, shared and refreshed).
/// The client copies these settings when it is created; later changes do not affect it.
/// </summary>
public sealed class ChanjingOptions
{
    /// <summary>The configuration section <see cref="ChanjingServiceCollectionExtensions.AddChanjing(Microsoft.Extensions.DependencyInjection.IServiceCollection, Microsoft.Extensions.Configuration.IConfiguration)"/> reads: <c>Chanjing</c>.</summary>
    public const string SectionName = "Chanjing";

    /// <summary>The service's canonical address: <c>https://open-api.chanjing.cc</c>.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://open-api.chanjing.cc/");

    /// <summary>The service address. Default <see cref="DefaultBaseAddress"/>. Must be absolute, and https unless it is a loopback address.</summary>
    public Uri BaseAddress { get; set; } = DefaultBaseAddress;

    /// <summary>A fixed access token, sent as is. It cannot be refreshed: when it expires calls fail with <see cref="ChanjingAuthenticationException"/>.</summary>
    public string? AccessToken { get; set; }

    /// <summary>The app id (access key). With <see cref="SecretKey"/>, the client fetches and refreshes tokens itself.</summary>
    public string? AppId { get; set; }

    /// <summary>The secret key. Never logged, never shown by <see cref="ToString"/> or exception messages.</summary>
    public string? SecretKey { get; set; }

    /// <summary>How long before its <c>expire_in</c> a fetched token is replaced. Default 5 minutes.</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Where fetched tokens are shared with other processes (for example Redis through
    /// <c>UseDistributedTokenCache()</c>). Null (the default) shares them only inside this process, between
    /// every client with the same base address and app id.
    /// </summary>
    public IChanjingTokenCache? TokenCache { get; set; }

    /// <summary>The longest one HTTP attempt may take, body included. Default 30 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest one call may take, retries and rate-limit queueing included. Default 2 minutes; <see cref="Timeout.InfiniteTimeSpan"/> for none.</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>When and how failed calls are retried: <see cref="ChanjingRetryOptions.MaxAttempts"/>, <see cref="ChanjingRetryOptions.BaseDelay"/>, <see cref="ChanjingRetryOptions.MaxRetryAfter"/>.</summary>
    public ChanjingRetryOptions Retry { get; private set; } = new();

    /// <summary>
    /// A client-side limit of requests a second shared by every call of one client (fractions allowed: 0.5 is
    /// 30 a minute). Callers over the limit wait in a queue, cancellably. Null (the default) sets no limit.
    /// </summary>
    public double? RequestsPerSecond { get; set; }

    /// <summary>How a submit whose answer was lost is looked up instead of sent again: <see cref="ChanjingReconciliationOptions.Enabled"/>, attempts, delay, clock skew.</summary>
    public ChanjingReconciliationOptions Reconciliation { get; private set; } = new();

    /// <summary>How local files are uploaded: the upload <see cref="ChanjingUploadOptions.Service"/> and how long to wait for a file to be ready.</summary>
    public ChanjingUploadOptions Uploads { get; private set; } = new();

    /// <summary>
    /// Your application's name, put before the SDK in the <c>User-Agent</c> header (for example <c>my-app/2.1</c>), so
    /// Chanjing's support can tell your traffic apart. Null (the default) sends the SDK's own product token only.
    /// </summary>
    public string? ApplicationId { get; set; }

    /// <summary>The clock of every delay, deadline and token expiry. Default <see cref="TimeProvider.System"/>; tests use a fake one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Describes the settings with secrets masked.</summary>
    public override string ToString()
    {
        var auth = !string.IsNullOrEmpty(AccessToken) ? "AccessToken=***"
            : !string.IsNullOrEmpty(AppId) ? $"AppId={AppId}, SecretKey={(string.IsNullOrEmpty(SecretKey) ? "(none)" : "***")}"
            : "(no credentials)";
        return FormattableString.Invariant($"ChanjingOptions {{ BaseAddress={BaseAddress}, {auth}, AttemptTimeout={AttemptTimeout}, OperationTimeout={OperationTimeout}, Retry.MaxAttempts={Retry.MaxAttempts}, RequestsPerSecond={RequestsPerSecond?.ToString(CultureInfo.InvariantCulture) ?? "unlimited"} }}");
    }

    /// <summary>Values from configuration that could not be parsed, each with its full key; reported by validation.</summary>
    internal List<string> BindingErrors { get; private set; } = [];

    /// <summary>Where submits are registered for reconciliation: the process's registry (tests give each fake service its own).</summary>
    internal SubmitRegistry SubmitRegistry { get; set; } = SubmitRegistry.Shared;

    internal ChanjingOptions Clone()
    {
        var copy = (ChanjingOptions)MemberwiseClone();
        copy.BindingErrors = [.. BindingErrors];
        copy.Retry = Retry.Clone();
        copy.Reconciliation = Reconciliation.Clone();
        copy.Uploads = Uploads.Clone();
        return copy;
    }

    /// <summary>Every rule the settings break, each naming the setting; empty when valid.</summary>
    internal List<string> Validate()
    {
        var failures = new List<string>(BindingErrors);
        if (BaseAddress is null)
        {
            failures.Add($"{nameof(BaseAddress)} is required.");
        }
        else if (!BaseAddress.IsAbsoluteUri)
        {
            failures.Add($"{nameof(BaseAddress)} must be an absolute URI, but was '{BaseAddress}'.");
        }
        else if (BaseAddress.Scheme != Uri.UriSchemeHttps && !(BaseAddress.Scheme == Uri.UriSchemeHttp && BaseAddress.IsLoopback))
        {
            failures.Add($"{nameof(BaseAddress)} must use https (plain http is allowed only for loopback addresses), but was '{BaseAddress}'.");
        }

        var hasToken = !string.IsNullOrWhiteSpace(AccessToken);
        var hasAppId = !string.IsNullOrWhiteSpace(AppId);
        var hasSecret = !string.IsNullOrWhiteSpace(SecretKey);
        if (hasToken && (hasAppId || hasSecret))
        {
            failures.Add($"Set either {nameof(AccessToken)}, or {nameof(AppId)} and {nameof(SecretKey)}, not both.");
        }
        else if (!hasToken && !(hasAppId && hasSecret))
        {
            failures.Add(hasAppId || hasSecret
                ? $"{(hasAppId ? nameof(SecretKey) : nameof(AppId))} is required when {(hasAppId ? nameof(AppId) : nameof(SecretKey))} is set."
                : $"No credentials: set {nameof(AccessToken)}, or {nameof(AppId)} and {nameof(SecretKey)}.");
        }

        foreach (var (value, name) in new[] { (AccessToken, nameof(AccessToken)), (AppId, nameof(AppId)), (SecretKey, nameof(SecretKey)), (ApplicationId, nameof(ApplicationId)) })
        {
            if (Internal.Guard.HasControl(value))
            {
                // Credentials go into headers and bodies as they are: a line break would be a header injection.
                failures.Add($"{name} must not contain control characters such as line breaks.");
            }
        }

        if (ApplicationId is { } application && (application.Length > 48 || application.Any(c => c <= ' ' || c > '~' || c is '(' or ')' or ';')))
        {
            failures.Add($"{nameof(ApplicationId)} must be at most 48 printable ASCII characters without spaces, parentheses or semicolons.");
        }

        Positive(failures, TokenRefreshMargin, nameof(TokenRefreshMargin), allowZero: true);
        Positive(failures, AttemptTimeout, nameof(AttemptTimeout), allowInfinite: true);
        Positive(failures, OperationTimeout, nameof(OperationTimeout), allowInfinite: true);
        Positive(failures, Retry.BaseDelay, "Retry.BaseDelay");
        Positive(failures, Retry.MaxRetryAfter, "Retry.MaxRetryAfter", allowZero: true);
        Positive(failures, Reconciliation.Delay, "Reconciliation.Delay", allowZero: true);
        Positive(failures, Reconciliation.ClockSkew, "Reconciliation.ClockSkew", allowZero: true);
        Positive(failures, Uploads.ReadyTimeout, "Uploads.ReadyTimeout", allowInfinite: true);
        Positive(failures, Uploads.ReadyPollInterval, "Uploads.ReadyPollInterval");
        // The bounds the resilience strategies accept: a value outside them would fail later, outside validation.
        Range(failures, AttemptTimeout, nameof(AttemptTimeout), TimeSpan.FromMilliseconds(10), TimeSpan.FromDays(1));
        Range(failures, OperationTimeout, nameof(OperationTimeout), TimeSpan.FromMilliseconds(10), TimeSpan.FromDays(1));
        Range(failures, Retry.BaseDelay, "Retry.BaseDelay", TimeSpan.Zero, TimeSpan.FromDays(1));
        Range(failures, Retry.MaxRetryAfter, "Retry.MaxRetryAfter", TimeSpan.Zero, TimeSpan.FromDays(1));
        // Delays past about 49 days are refused by timers only when they start: bounded here, like the others.
        Range(failures, Reconciliation.Delay, "Reconciliation.Delay", TimeSpan.Zero, TimeSpan.FromDays(1));
        Range(failures, Reconciliation.ClockSkew, "Reconciliation.ClockSkew", TimeSpan.Zero, TimeSpan.FromDays(1));
        Range(failures, Uploads.ReadyTimeout, "Uploads.ReadyTimeout", TimeSpan.Zero, TimeSpan.FromDays(1));
        Range(failures, Uploads.ReadyPollInterval, "Uploads.ReadyPollInterval", TimeSpan.Zero, TimeSpan.FromDays(1));
        if (Retry.MaxAttempts is < 0 or > 100)
        {
            failures.Add($"Retry.MaxAttempts must be between 0 and 100, but was {Retry.MaxAttempts}.");
        }

        if (Reconciliation.Attempts is < 1 or > 20)
        {
            failures.Add($"Reconciliation.Attempts must be between 1 and 20, but was {Reconciliation.Attempts}.");
        }

        if (RequestsPerSecond is { } rps && (double.IsNaN(rps) || rps <= 0 || rps > 10_000))
        {
            failures.Add($"{nameof(RequestsPerSecond)} must be greater than 0 and at most 10000, or null for no limit, but was {rps.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (string.IsNullOrWhiteSpace(Uploads.Service))
        {
            failures.Add("Uploads.Service must not be empty.");
        }
        else if (Internal.Guard.HasControl(Uploads.Service))
        {
            failures.Add("Uploads.Service must not contain control characters such as line breaks.");
        }

        if (TimeProvider is null)
        {
            failures.Add($"{nameof(TimeProvider)} is required.");
        }

        return failures;
    }

    private static void Range(List<string> failures, TimeSpan value, string name, TimeSpan min, TimeSpan max)
    {
        if (value != Timeout.InfiniteTimeSpan && value > TimeSpan.Zero && (value < min || value > max))
        {
            failures.Add($"{name} must be between {min} and {max}{(name.EndsWith("Timeout", StringComparison.Ordinal) ? " (or Timeout.InfiniteTimeSpan)" : string.Empty)}, but was {value}.");
        }
    }

    private static void Positive(List<string> failures, TimeSpan value, string name, bool allowZero = false, bool allowInfinite = false)
    {
        if (allowInfinite && value == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        if (value < TimeSpan.Zero || (!allowZero && value == TimeSpan.Zero))
        {
            failures.Add($"{name} must be {(allowZero ? "zero or more" : "greater than zero")}{(allowInfinite ? " (or Timeout.InfiniteTimeSpan)" : string.Empty)}, but was {value}.");
        }
    }
}
