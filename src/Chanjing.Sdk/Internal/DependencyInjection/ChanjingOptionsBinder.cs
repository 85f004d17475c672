using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Chanjing.Sdk.Internal.DependencyInjection;

/// <summary>
/// Binds <see cref="ChanjingOptions"/> from configuration without reflection (trim- and AOT-safe). A value that
/// cannot be parsed is recorded with its full key and reported by validation when the host starts.
/// </summary>
internal static class ChanjingOptionsBinder
{
    private delegate bool TryParse<T>(string text, out T value);

    /// <summary>
    /// Every configuration key the binder reads, as a path below the section: one per settable option except the two
    /// objects (TokenCache, TimeProvider); the groups' settings are nested (<c>Retry:MaxAttempts</c>).
    /// </summary>
    public static readonly string[] Keys =
    [
        nameof(ChanjingOptions.BaseAddress), nameof(ChanjingOptions.AccessToken), nameof(ChanjingOptions.AppId), nameof(ChanjingOptions.SecretKey),
        nameof(ChanjingOptions.ApplicationId), nameof(ChanjingOptions.TokenRefreshMargin), nameof(ChanjingOptions.AttemptTimeout),
        nameof(ChanjingOptions.OperationTimeout), nameof(ChanjingOptions.RequestsPerSecond),
        "Retry:MaxAttempts", "Retry:BaseDelay", "Retry:MaxRetryAfter",
        "Reconciliation:Enabled", "Reconciliation:ClaimUniqueMatch", "Reconciliation:Attempts", "Reconciliation:Delay", "Reconciliation:ClockSkew",
        "Uploads:Service", "Uploads:ReadyTimeout", "Uploads:ReadyPollInterval",
    ];

    private static readonly string[] Groups = [nameof(ChanjingOptions.Retry), nameof(ChanjingOptions.Reconciliation), nameof(ChanjingOptions.Uploads)];

    public static void Bind(IConfiguration section, ChanjingOptions options)
    {
        ReportUnknownKeys(section, string.Empty, options);

        String(section, nameof(ChanjingOptions.AccessToken), v => options.AccessToken = v);
        String(section, nameof(ChanjingOptions.ApplicationId), v => options.ApplicationId = v);
        String(section, nameof(ChanjingOptions.AppId), v => options.AppId = v);
        String(section, nameof(ChanjingOptions.SecretKey), v => options.SecretKey = v);
        Parse(section, options, nameof(ChanjingOptions.BaseAddress), v => Uri.TryCreate(v, UriKind.Absolute, out var uri) ? uri : null, v => options.BaseAddress = v);
        Time(section, options, nameof(ChanjingOptions.TokenRefreshMargin), v => options.TokenRefreshMargin = v);
        Time(section, options, nameof(ChanjingOptions.AttemptTimeout), v => options.AttemptTimeout = v);
        Time(section, options, nameof(ChanjingOptions.OperationTimeout), v => options.OperationTimeout = v);
        Parse(section, options, nameof(ChanjingOptions.RequestsPerSecond), v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : (double?)null, v => options.RequestsPerSecond = v);

        var retry = options.Retry;
        Parse(section, options, "Retry:MaxAttempts", Int, v => retry.MaxAttempts = v);
        Time(section, options, "Retry:BaseDelay", v => retry.BaseDelay = v);
        Time(section, options, "Retry:MaxRetryAfter", v => retry.MaxRetryAfter = v);

        var reconciliation = options.Reconciliation;
        Parse(section, options, "Reconciliation:Enabled", v => bool.TryParse(v, out var b) ? b : (bool?)null, v => reconciliation.Enabled = v);
        Parse(section, options, "Reconciliation:ClaimUniqueMatch", v => bool.TryParse(v, out var b) ? b : (bool?)null, v => reconciliation.ClaimUniqueMatch = v);
        Parse(section, options, "Reconciliation:Attempts", Int, v => reconciliation.Attempts = v);
        Time(section, options, "Reconciliation:Delay", v => reconciliation.Delay = v);
        Time(section, options, "Reconciliation:ClockSkew", v => reconciliation.ClockSkew = v);

        var uploads = options.Uploads;
        String(section, "Uploads:Service", v => uploads.Service = v);
        Time(section, options, "Uploads:ReadyTimeout", v => uploads.ReadyTimeout = v);
        Time(section, options, "Uploads:ReadyPollInterval", v => uploads.ReadyPollInterval = v);
    }

    private static int? Int(string text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>Where the settings of the flat option list of earlier previews went, for a message that says so.</summary>
    private static readonly Dictionary<string, string> Moved = new(StringComparer.OrdinalIgnoreCase)
    {
        ["MaxRetryAttempts"] = "Retry:MaxAttempts", ["RetryBaseDelay"] = "Retry:BaseDelay", ["MaxRetryAfter"] = "Retry:MaxRetryAfter",
        ["ReconcileUnknownSubmits"] = "Reconciliation:Enabled", ["ReconciliationAttempts"] = "Reconciliation:Attempts",
        ["ReconciliationDelay"] = "Reconciliation:Delay", ["ReconciliationClockSkew"] = "Reconciliation:ClockSkew",
        ["UploadService"] = "Uploads:Service", ["FileReadyTimeout"] = "Uploads:ReadyTimeout", ["FileReadyPollInterval"] = "Uploads:ReadyPollInterval",
    };

    /// <summary>
    /// A key the binder does not read would otherwise be ignored silently and its default used: each one is reported with
    /// its full path, and so is a value of the wrong shape (a group given a single value, a setting given nested keys).
    /// </summary>
    private static void ReportUnknownKeys(IConfiguration section, string prefix, ChanjingOptions options)
    {
        foreach (var child in section.GetChildren())
        {
            var key = prefix + child.Key;
            if (prefix.Length == 0 && Groups.FirstOrDefault(g => string.Equals(g, child.Key, StringComparison.OrdinalIgnoreCase)) is { } group)
            {
                if (!string.IsNullOrEmpty(child.Value))
                {
                    options.BindingErrors.Add($"{child.Path} must be a group of settings ({string.Join(", ", InGroup(group))}), but has the single value '{child.Value}'.");
                }

                ReportUnknownKeys(child, group + ":", options);
            }
            else if (!Keys.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                options.BindingErrors.Add(prefix.Length > 0
                    ? $"{child.Path} is not a Chanjing setting; the settings under {Parent(child)} are {string.Join(", ", InGroup(prefix.TrimEnd(':')))}."
                    : Moved.TryGetValue(child.Key, out var moved)
                        ? $"{child.Path} is not a Chanjing setting any more: it is {moved} now."
                        : $"{child.Path} is not a Chanjing setting; the settings are {string.Join(", ", Keys.Where(k => k.IndexOf(':') < 0))}, and the groups {string.Join(", ", Groups)}.");
            }
            else if (child.GetChildren().Any())
            {
                options.BindingErrors.Add($"{child.Path} must be a single value, but has nested keys ({string.Join(", ", child.GetChildren().Select(c => c.Key))}).");
            }
        }
    }

    private static IEnumerable<string> InGroup(string group) =>
        Keys.Where(k => k.StartsWith(group + ":", StringComparison.Ordinal)).Select(k => k.Substring(group.Length + 1));

    private static string Parent(IConfigurationSection child) => child.Path.Substring(0, child.Path.Length - child.Key.Length - 1);

    private static void String(IConfiguration section, string key, Action<string> set)
    {
        if (section[key] is { } value)
        {
            set(value);
        }
    }

    private static void Time(IConfiguration section, ChanjingOptions options, string key, Action<TimeSpan> set) =>
        Parse(section, options, key, "TimeSpan (for example 00:00:30)", (string v, out TimeSpan t) => TimeSpan.TryParse(v, CultureInfo.InvariantCulture, out t), set);

    private static void Parse<T>(IConfiguration section, ChanjingOptions options, string key, Func<string, T?> parse, Action<T> set)
        where T : struct =>
        Parse(section, options, key, typeof(T).Name, (string v, out T value) =>
        {
            var parsed = parse(v);
            value = parsed.GetValueOrDefault();
            return parsed.HasValue;
        }, set);

    private static void Parse(IConfiguration section, ChanjingOptions options, string key, Func<string, Uri?> parse, Action<Uri> set) =>
        Parse(section, options, key, "absolute URI", (string v, out Uri value) =>
        {
            value = parse(v)!;
            return value is not null;
        }, set);

    private static void Parse<T>(IConfiguration section, ChanjingOptions options, string key, string expected, TryParse<T> parse, Action<T> set)
    {
        if (section[key] is not { } text || text.Length == 0)
        {
            return;
        }

        if (parse(text, out var value))
        {
            set(value);
        }
        else
        {
            options.BindingErrors.Add($"{Path(section, key)} has the value '{text}', which is not a valid {expected}.");
        }
    }

    private static string Path(IConfiguration section, string key) => section is IConfigurationSection s ? s.Path + ":" + key : key;
}
