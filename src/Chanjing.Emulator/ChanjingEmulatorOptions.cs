namespace Chanjing.Emulator;

/// <summary>How an emulator behaves: credentials, token lifetime, task and file timings, limits.</summary>
public sealed class ChanjingEmulatorOptions
{
    /// <summary>
    /// The app id the token endpoint accepts. Null (the default): <c>emulator-</c> followed by 8 random hex digits, new
    /// for each emulator started (read it from <see cref="ChanjingEmulator.AppId"/>), so every emulator is its own
    /// account and a token an SDK cached for one that has stopped is never offered to a later one on the same port, even
    /// when both were started from this same options object. The standalone host sets <c>emulator</c>.
    /// </summary>
    public string? AppId { get; set; }

    /// <summary>The secret key the token endpoint accepts. Default <c>emulator-secret</c>.</summary>
    public string SecretKey { get; set; } = "emulator-secret";

    /// <summary>How long an issued token is valid (its <c>expire_in</c> is issue time + this). Default 24 hours.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a new task stays <c>Queued</c>. Default 1 second. A customised avatar stays in production (status 1) and
    /// an avatar video generating (status 10) for this plus <see cref="GeneratingDuration"/>.
    /// </summary>
    public TimeSpan QueuedDuration { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a task stays <c>Generating</c> before it ends. Default 2 seconds.</summary>
    public TimeSpan GeneratingDuration { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long an uploaded file stays in processing before <c>file_detail</c> reports it ready. Default 500 ms.</summary>
    public TimeSpan FileReadyDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Uploaded files whose name contains this text fail the content-safety check (status 98); a customised avatar
    /// whose name contains it fails its review (status 4). Default <c>unsafe</c>.
    /// </summary>
    public string ContentSafetyRejectMarker { get; set; } = "unsafe";

    /// <summary>
    /// Tasks whose prompt contains this text end as <c>Error</c>; a customised avatar whose name contains it ends with
    /// status 5, an avatar video whose text (or audio file name) contains it with status 50. Default <c>[emulator:fail]</c>.
    /// </summary>
    public string FailurePromptMarker { get; set; } = "[emulator:fail]";

    /// <summary>Requests a second one token may make before the emulator answers 40001; null (default) for no limit.</summary>
    public int? RequestsPerSecondPerToken { get; set; }

    /// <summary>
    /// Whether the emulator applies Chanjing's documented per-endpoint limits (<see cref="DocumentedRequestsPerMinute"/>
    /// in any sliding minute, <see cref="DocumentedRequestsPerSecond"/> in any sliding second, on <see cref="TimeProvider"/>),
    /// answering 40001 above them, and the text-to-digital-person reference's one running task at a time for
    /// <c>aigc/photo</c> and for <c>aigc/motion</c> (a second create while one is queued or generating answers 40001).
    /// Default false: no limits.
    /// </summary>
    public bool EnforceDocumentedRateLimits { get; set; }

    /// <summary>
    /// Chanjing's documented request limits (a minute, per account) of the endpoints the emulator serves:
    /// <c>create_upload_url</c> 30 a minute; <c>create_customised_person</c>, <c>create_video</c>,
    /// <c>video_lip_sync/create</c>, <c>aigc/photo</c> and <c>aigc/motion</c> 10 a minute; <c>create_audio_task</c>
    /// 500 a minute; <c>create_customised_audio</c>, <c>customised_audio</c> and <c>list_customised_audio</c> 10 a
    /// minute each. AI creation and the other list and detail endpoints document none.
    /// </summary>
    public static IReadOnlyDictionary<EmulatorEndpoint, int> DocumentedRequestsPerMinute { get; } = new Dictionary<EmulatorEndpoint, int>
    {
        [EmulatorEndpoint.CreateUploadUrl] = 30,
        [EmulatorEndpoint.CreateCustomisedPerson] = 10,
        [EmulatorEndpoint.CreateVideo] = 10,
        [EmulatorEndpoint.CreateSpeechTask] = 500,
        [EmulatorEndpoint.CreateCustomVoice] = 10,
        [EmulatorEndpoint.GetCustomVoice] = 10,
        [EmulatorEndpoint.ListCustomVoices] = 10,
        [EmulatorEndpoint.CreateLipSync] = 10,
        [EmulatorEndpoint.CreateAvatarPhoto] = 10,
        [EmulatorEndpoint.CreateAvatarMotion] = 10,
    };

    /// <summary>Chanjing's documented request limits a second (per account): <c>video_lip_sync/detail</c> and <c>/list</c> 10 a second.</summary>
    public static IReadOnlyDictionary<EmulatorEndpoint, int> DocumentedRequestsPerSecond { get; } = new Dictionary<EmulatorEndpoint, int>
    {
        [EmulatorEndpoint.GetLipSync] = 10,
        [EmulatorEndpoint.ListLipSyncs] = 10,
    };

    /// <summary>
    /// The minimum size in bytes of each produced video file: a smaller video is padded with an MP4 <c>free</c> box,
    /// which players skip (useful to test large downloads). Default 0: the video's own size.
    /// </summary>
    public int OutputFileSize { get; set; }

    /// <summary>
    /// Whether outputs have the requested pixel size (video: <c>clarity</c> is the short side, 1080 = 1920x1080;
    /// image: <c>clarity</c> is the long side). Default false: scaled down to <see cref="ScaledOutputShortSide"/>,
    /// same aspect ratio, to keep files small and tests fast.
    /// </summary>
    public bool UseRequestedResolution { get; set; }

    /// <summary>The short side in pixels of scaled-down outputs (rounded to even). Default 64.</summary>
    public int ScaledOutputShortSide { get; set; } = 64;

    /// <summary>The frame rate of output videos (a new picture each second, repeated in between). Default 4.</summary>
    public int VideoFramesPerSecond { get; set; } = 4;

    /// <summary>Whether completion callbacks may go to URLs that are not loopback. Default false.</summary>
    public bool AllowNonLoopbackCallbacks { get; set; }

    /// <summary>How many times a completion callback is attempted before the emulator gives up. Default 3.</summary>
    public int CallbackMaxAttempts { get; set; } = 3;

    /// <summary>The pause before a callback's retry, times the attempt number, on <see cref="TimeProvider"/>. Default 1 second.</summary>
    public TimeSpan CallbackRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The clock of tokens, task lifecycles, file processing, delays and rate windows. Default the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Whether the HTTP controls under <c>/_emulator/</c> are served (always on in the standalone emulator). Default false.</summary>
    public bool EnableAdminEndpoints { get; set; }

    /// <summary>The address to listen on. Default <c>http://127.0.0.1:0</c> (a free loopback port).</summary>
    public string Url { get; set; } = "http://127.0.0.1:0";
}
