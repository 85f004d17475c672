namespace Chanjing.Emulator;

/// <summary>How an emulator behaves: credentials, token lifetime, task and file timings, limits.</summary>
public sealed class ChanjingEmulatorOptions
{
    /// <summary>The app id the token endpoint accepts. Default <c>emulator</c>.</summary>
    public string AppId { get; set; } = "emulator";

    /// <summary>The secret key the token endpoint accepts. Default <c>emulator-secret</c>.</summary>
    public string SecretKey { get; set; } = "emulator-secret";

    /// <summary>How long an issued token is valid (its <c>expire_in</c> is issue time + this). Default 24 hours.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a new task stays <c>Queued</c>. Default 1 second.</summary>
    public TimeSpan QueuedDuration { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a task stays <c>Generating</c> before it ends. Default 2 seconds.</summary>
    public TimeSpan GeneratingDuration { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long an uploaded file stays in processing before <c>file_detail</c> reports it ready. Default 500 ms.</summary>
    public TimeSpan FileReadyDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Uploaded files whose name contains this text fail the content-safety check (status 98). Default <c>unsafe</c>.</summary>
    public string ContentSafetyRejectMarker { get; set; } = "unsafe";

    /// <summary>Tasks whose prompt contains this text end as <c>Error</c>. Default <c>[emulator:fail]</c>.</summary>
    public string FailurePromptMarker { get; set; } = "[emulator:fail]";

    /// <summary>Requests a second one token may make before the emulator answers 40001; null (default) for no limit.</summary>
    public int? RequestsPerSecondPerToken { get; set; }

    /// <summary>The size in bytes of each produced video file. Default 64 KiB.</summary>
    public int OutputFileSize { get; set; } = 64 * 1024;

    /// <summary>The clock of tokens, task lifecycles, file processing, delays and rate windows. Default the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Whether the HTTP controls under <c>/_emulator/</c> are served (always on in the standalone emulator). Default false.</summary>
    public bool EnableAdminEndpoints { get; set; }

    /// <summary>The address to listen on. Default <c>http://127.0.0.1:0</c> (a free loopback port).</summary>
    public string Url { get; set; } = "http://127.0.0.1:0";
}
