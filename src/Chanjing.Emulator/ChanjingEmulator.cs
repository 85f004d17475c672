using Chanjing.Emulator.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Chanjing.Emulator;

/// <summary>
/// A local Chanjing Open API on Kestrel (loopback): access tokens, AI creation tasks for every documented model (with
/// real PNG and MP4 outputs), uploads and downloads, completion callbacks, with scriptable faults and a request journal.
/// Start one per test with <see cref="StartAsync"/>.
/// </summary>
public sealed partial class ChanjingEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorState _state;

    private ChanjingEmulator(WebApplication app, EmulatorState state)
    {
        _app = app;
        _state = state;
        _state.Callbacks.Attempted += delivery => CallbackAttempted?.Invoke(this, delivery);
    }

    /// <summary>Raised after each attempt to deliver a completion callback (on a background thread).</summary>
    public event EventHandler<EmulatorCallbackDelivery>? CallbackAttempted;

    /// <summary>The address to give <c>ChanjingOptions.BaseAddress</c>, for example <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress => _state.BaseAddress;

    /// <summary>The app id the emulator accepts: <see cref="ChanjingEmulatorOptions.AppId"/>, or, when that is null, one chosen for this emulator alone.</summary>
    public string AppId => _state.AppId;

    /// <summary>The secret key the emulator accepts.</summary>
    public string SecretKey => _state.Options.SecretKey;

    /// <summary>The emulator's settings (changes to timings apply to later requests).</summary>
    public ChanjingEmulatorOptions Options => _state.Options;

    /// <summary>Every request received so far (and every callback sent), oldest first, secrets redacted.</summary>
    public IReadOnlyList<EmulatorRequest> Journal => _state.Journal.Requests();

    /// <summary>Every attempt to deliver a completion callback so far, oldest first.</summary>
    public IReadOnlyList<EmulatorCallbackDelivery> CallbackDeliveries => _state.Journal.Deliveries();

    /// <summary>How many tokens the token endpoint has issued.</summary>
    public int TokensIssued => _state.Tokens.Issued;

    /// <summary>How many tasks exist.</summary>
    public int TaskCount => _state.Tasks.Count;

    /// <summary>The model codes the submit endpoint accepts (see the emulator's README for each model's rules).</summary>
    public static IReadOnlyList<string> KnownModelCodes { get; } = [.. Models.ModelCatalog.All.Select(m => m.Code)];

    /// <summary>Starts an emulator on a free loopback port (or <see cref="ChanjingEmulatorOptions.Url"/>).</summary>
    /// <param name="options">The settings; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop it.</returns>
    public static async Task<ChanjingEmulator> StartAsync(ChanjingEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ChanjingEmulatorOptions();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production, ApplicationName = typeof(ChanjingEmulator).Assembly.GetName().Name });

        // The host process's configuration (Kestrel__Endpoints__* variables, an appsettings.json in the working directory,
        // ASPNETCORE_* settings) is not the emulator's: with it Kestrel would listen where the host says, not on options.Url.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(options.Url);
        var app = Build(builder, options, out var state);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            state.BaseAddress = EmulatorAddress.Discover(app);
            return new ChanjingEmulator(app, state);
        }
        catch
        {
            state.Dispose();
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Applies <paramref name="fault"/> to the next <paramref name="count"/> requests of <paramref name="endpoint"/>.</summary>
    /// <param name="endpoint">The endpoint, or <see cref="EmulatorEndpoint.Any"/>.</param>
    /// <param name="fault">The fault.</param>
    /// <param name="count">How many requests it affects.</param>
    public void AddFault(EmulatorEndpoint endpoint, EmulatorFault fault, int count = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        _state.Faults.Add(endpoint, fault, count);
    }

    /// <summary>Forces a task's status (for example <c>Error</c>, <c>Fail</c>, or an unknown value such as <c>Cancelled</c>).</summary>
    /// <param name="taskId">The task id.</param>
    /// <param name="status">The <c>progress_desc</c> to report from now on.</param>
    /// <param name="errorMessage">The <c>err_msg</c> to report.</param>
    public void SetTaskStatus(string taskId, string status, string? errorMessage = null) => _state.Tasks.SetOutcome(taskId, status, errorMessage);

    /// <summary>
    /// Forces an avatar video's status from now on: for example 50 (a service error) or 40 with
    /// <c>蝉豆不足扣费失败</c>; 30 makes it succeed at once.
    /// </summary>
    /// <param name="videoId">The video id <c>create_video</c> answered.</param>
    /// <param name="status">The <c>status</c> to report (10 generating, 30 success, 4X / 5X failures).</param>
    /// <param name="message">The <c>msg</c> to report (null: a generic service error for a failure, empty otherwise).</param>
    public void SetVideoStatus(string videoId, int status, string? message = null) => _state.Videos.SetStatus(videoId, status, message);

    /// <summary>Forces a customised avatar's status from now on: for example 4 (failed) or 5 (system error); 2 makes it succeed at once.</summary>
    /// <param name="personId">The <c>C-…</c> id <c>create_customised_person</c> answered.</param>
    /// <param name="status">The <c>status</c> to report (1 in production, 2 success, 4 failed, 5 system error).</param>
    /// <param name="reason">The <c>err_reason</c> to report (null: a generic system error for a failure).</param>
    public void SetCustomisedPersonStatus(string personId, int status, string? reason = null) => _state.Persons.SetStatus(personId, status, reason);

    /// <summary>How many avatar videos <c>create_video</c> has accepted.</summary>
    public int VideoCount => _state.Videos.Count;

    /// <summary>The bytes the emulator serves for a finished avatar video: the MP4, its PNG cover or its subtitle timeline.</summary>
    /// <param name="videoId">The video id.</param>
    /// <param name="extension"><c>.mp4</c> (the default), <c>.png</c> or <c>.json</c>.</param>
    /// <returns>The file content.</returns>
    public byte[] GetVideoOutputBytes(string videoId, string extension = ".mp4") => _state.Videos.OutputBytes(videoId, extension);

    /// <summary>
    /// Forces a TTS task's status from now on: 9 with an error message makes it fail, 9 without one succeed at once;
    /// 10 (the generating value one source documents) or 1 keep it generating.
    /// </summary>
    /// <param name="taskId">The <c>task_id</c> <c>create_audio_task</c> answered.</param>
    /// <param name="status">The <c>status</c> to report.</param>
    /// <param name="errorMessage">The <c>errMsg</c> to report (null: none).</param>
    public void SetSpeechTaskStatus(string taskId, int status, string? errorMessage = null) => _state.Speech.SetStatus(taskId, status, errorMessage);

    /// <summary>The WAV the emulator serves for a TTS task that has succeeded (<c>full.url</c>).</summary>
    /// <param name="taskId">The task id.</param>
    /// <returns>The file content.</returns>
    public byte[] GetSpeechOutputBytes(string taskId) => _state.Speech.OutputBytes(taskId);

    /// <summary>Forces a cloned voice's status from now on: for example 3 (expired), 4 (failed) or 99 (deleted); 2 makes it ready at once.</summary>
    /// <param name="voiceId">The <c>C-Audio-…</c> id <c>create_customised_audio</c> answered.</param>
    /// <param name="status">The <c>status</c> to report (0 queued, 1 in production, 2 ready, 3 expired, 4 failed, 99 deleted).</param>
    /// <param name="errorMessage">The <c>err_msg</c> to report (null: a generic message for 3 and 4, empty otherwise).</param>
    public void SetCustomVoiceStatus(string voiceId, int status, string? errorMessage = null) => _state.CustomVoices.SetStatus(voiceId, status, errorMessage);

    /// <summary>Forces what <c>file_detail</c> reports for an upload, for example 99 (deleted) or 100 (cleaned up).</summary>
    /// <param name="fileId">The <c>file_id</c> from <c>create_upload_url</c>.</param>
    /// <param name="status">The status to report from now on.</param>
    public void SetFileStatus(string fileId, int status) => _state.Files.SetStatus(fileId, status);

    /// <summary>Invalidates the current access token, as another process fetching a token would.</summary>
    public void InvalidateAccessToken() => _state.Tokens.Invalidate();

    /// <summary>The bytes the emulator serves as a task's (first) output: the video, or the first image.</summary>
    /// <param name="taskId">The task id.</param>
    /// <returns>The file content.</returns>
    public byte[] GetOutputBytes(string taskId) => _state.Tasks.OutputBytes(taskId, 0);

    /// <summary>The bytes of one of a task's outputs, in <c>output_url</c> order (an image task has <c>number_of_images</c>).</summary>
    /// <param name="taskId">The task id.</param>
    /// <param name="index">The 0-based output index.</param>
    /// <returns>The file content.</returns>
    public byte[] GetOutputBytes(string taskId, int index) => _state.Tasks.OutputBytes(taskId, index);

    /// <summary>Forgets the journal and the callback deliveries (tasks, files and tokens are kept).</summary>
    public void ClearJournal() => _state.Journal.Clear();

    /// <summary>How many journaled requests reached <paramref name="endpoint"/>.</summary>
    /// <param name="endpoint">The endpoint.</param>
    /// <returns>The count.</returns>
    public int CountRequests(EmulatorEndpoint endpoint) => Journal.Count(r => r.Endpoint == endpoint);

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        _state.Dispose();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Builds the app of either host: the request body limit, the state and the endpoints.</summary>
    internal static WebApplication Build(WebApplicationBuilder builder, ChanjingEmulatorOptions options, out EmulatorState state)
    {
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 64L * 1024 * 1024);
        var app = builder.Build();
        state = new EmulatorState(options);

        // The Date header follows the emulator's clock (Kestrel adds the real time only when none is set), so a client
        // that measures the server's clock offset measures the one the emulator's tokens and tasks run on.
        app.Use((context, next) =>
        {
            context.Response.Headers.Date = options.TimeProvider.GetUtcNow().ToString("r", System.Globalization.CultureInfo.InvariantCulture);
            return next(context);
        });
        ServiceEndpoints.Map(app, state, options.EnableAdminEndpoints);
        return app;
    }
}
