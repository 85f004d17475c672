using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Chanjing.Sdk.Internal;

/// <summary>
/// Binds <see cref="ChanjingOptions"/> from configuration without reflection (trim- and AOT-safe). A value that
/// cannot be parsed is recorded with its full key and reported by validation when the host starts.
/// </summary>
internal static class ChanjingOptionsBinder
{
    private delegate bool TryParse<T>(string text, out T value);

    /// <summary>Every configuration key the binder reads: one per settable option except the two objects (TokenCache, TimeProvider).</summary>
    public static readonly string[] Keys =
    [
        nameof(ChanjingOptions.AccessToken), nameof(ChanjingOptions.AppId), nameof(ChanjingOptions.SecretKey), nameof(ChanjingOptions.ApplicationId),
        nameof(ChanjingOptions.UploadService), nameof(ChanjingOptions.BaseAddress), nameof(ChanjingOptions.TokenRefreshMargin),
        nameof(ChanjingOptions.AttemptTimeout), nameof(ChanjingOptions.OperationTimeout), nameof(ChanjingOptions.RetryBaseDelay),
        nameof(ChanjingOptions.MaxRetryAfter), nameof(ChanjingOptions.ReconciliationDelay), nameof(ChanjingOptions.ReconciliationClockSkew),
        nameof(ChanjingOptions.FileReadyTimeout), nameof(ChanjingOptions.FileReadyPollInterval), nameof(ChanjingOptions.MaxRetryAttempts),
        nameof(ChanjingOptions.ReconciliationAttempts), nameof(ChanjingOptions.RequestsPerSecond), nameof(ChanjingOptions.ReconcileUnknownSubmits),
    ];

    public static void Bind(IConfiguration section, ChanjingOptions options)
    {
        foreach (var child in section.GetChildren())
        {
            // A misspelt key would otherwise be ignored silently and its default used.
            if (!Keys.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                options.BindingErrors.Add($"{child.Path} is not a Chanjing setting; the settings are {string.Join(", ", Keys)}.");
            }
        }

        String(section, nameof(ChanjingOptions.AccessToken), v => options.AccessToken = v);
        String(section, nameof(ChanjingOptions.ApplicationId), v => options.ApplicationId = v);
        String(section, nameof(ChanjingOptions.AppId), v => options.AppId = v);
        String(section, nameof(ChanjingOptions.SecretKey), v => options.SecretKey = v);
        String(section, nameof(ChanjingOptions.UploadService), v => options.UploadService = v);
        Parse(section, options, nameof(ChanjingOptions.BaseAddress), v => Uri.TryCreate(v, UriKind.Absolute, out var uri) ? uri : null, v => options.BaseAddress = v);
        Time(section, options, nameof(ChanjingOptions.TokenRefreshMargin), v => options.TokenRefreshMargin = v);
        Time(section, options, nameof(ChanjingOptions.AttemptTimeout), v => options.AttemptTimeout = v);
        Time(section, options, nameof(ChanjingOptions.OperationTimeout), v => options.OperationTimeout = v);
        Time(section, options, nameof(ChanjingOptions.RetryBaseDelay), v => options.RetryBaseDelay = v);
        Time(section, options, nameof(ChanjingOptions.MaxRetryAfter), v => options.MaxRetryAfter = v);
        Time(section, options, nameof(ChanjingOptions.ReconciliationDelay), v => options.ReconciliationDelay = v);
        Time(section, options, nameof(ChanjingOptions.ReconciliationClockSkew), v => options.ReconciliationClockSkew = v);
        Time(section, options, nameof(ChanjingOptions.FileReadyTimeout), v => options.FileReadyTimeout = v);
        Time(section, options, nameof(ChanjingOptions.FileReadyPollInterval), v => options.FileReadyPollInterval = v);
        Parse(section, options, nameof(ChanjingOptions.MaxRetryAttempts), v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : (int?)null, v => options.MaxRetryAttempts = v);
        Parse(section, options, nameof(ChanjingOptions.ReconciliationAttempts), v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : (int?)null, v => options.ReconciliationAttempts = v);
        Parse(section, options, nameof(ChanjingOptions.RequestsPerSecond), v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : (double?)null, v => options.RequestsPerSecond = v);
        Parse(section, options, nameof(ChanjingOptions.ReconcileUnknownSubmits), v => bool.TryParse(v, out var b) ? b : (bool?)null, v => options.ReconcileUnknownSubmits = v);
    }

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
