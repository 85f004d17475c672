namespace Chanjing.Sdk;

/// <summary>
/// Chanjing's AI creation API: submit, look up, list and wait for tasks, upload reference images and download
/// results. Implemented by <see cref="ChanjingClient"/>; mock this interface in your own tests.
/// </summary>
public interface IChanjingClient
{
    /// <summary>
    /// Submits a HappyHorse reference-image-to-video task and returns its id. Never submits twice: when the
    /// outcome is unknown the client reconciles, or throws <see cref="ChanjingSubmitOutcomeUnknownException"/>.
    /// </summary>
    /// <param name="request">The task; validated before anything is sent. <c>file:</c> images are uploaded first.</param>
    /// <param name="cancellationToken">Cancels the call. A submit cancelled after it was sent may still have created a task.</param>
    /// <returns>The new task's id (<c>unique_id</c>).</returns>
    Task<string> SubmitReferenceVideoAsync(ReferenceVideoRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Submits an AI-creation task of any model (<see cref="ReferenceVideoRequest"/>, <see cref="ImageToVideoRequest"/>,
    /// <see cref="TextToVideoRequest"/>, <see cref="VideoEditRequest"/>, <see cref="ImageGenerationRequest"/>, or
    /// <see cref="CustomCreationRequest"/>) and returns its id. Never submits twice: when the outcome is unknown the
    /// client reconciles, or throws <see cref="ChanjingSubmitOutcomeUnknownException"/>.
    /// </summary>
    /// <param name="request">The task; validated before anything is sent (the documented rules of known models too). <c>file:</c> URIs are uploaded first.</param>
    /// <param name="cancellationToken">Cancels the call. A submit cancelled after it was sent may still have created a task.</param>
    /// <returns>The new task's id (<c>unique_id</c>).</returns>
    Task<string> SubmitAsync(CreationRequest request, CancellationToken cancellationToken = default);

    /// <summary>Gets one task.</summary>
    /// <param name="taskId">The task id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The task as the service reports it now.</returns>
    Task<CreationTask> GetTaskAsync(string taskId, CancellationToken cancellationToken = default);

    /// <summary>Lists tasks page by page (requests are made as the sequence is enumerated).</summary>
    /// <param name="query">The filters; validated before anything is sent.</param>
    /// <param name="cancellationToken">Cancels the enumeration, between and during pages.</param>
    /// <returns>Every matching task, in the service's order.</returns>
    IAsyncEnumerable<CreationTask> ListTasksAsync(CreationTaskQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Waits until a task succeeds and returns it. Polls with backoff and jitter, tolerates a few transient
    /// failures, never ends on an unknown status, and always ends: by success, by
    /// <see cref="ChanjingTaskFailedException"/>, by <see cref="ChanjingWaitTimeoutException"/> at the deadline, or
    /// by <see cref="OperationCanceledException"/>.
    /// </summary>
    /// <param name="taskId">The task id.</param>
    /// <param name="options">Poll intervals and deadline; null for the defaults.</param>
    /// <param name="progress">Told of the first observation and of every status change.</param>
    /// <param name="cancellationToken">Stops the pause and the request in flight at once.</param>
    /// <returns>The succeeded task, with its outputs.</returns>
    Task<CreationTask> WaitForCompletionAsync(string taskId, WaitOptions? options = null, IProgress<CreationTask>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Submits a reference video task, then waits for it (see <see cref="WaitForCompletionAsync"/>).</summary>
    /// <param name="request">The task.</param>
    /// <param name="options">Poll intervals and deadline; <see cref="WaitOptions.OnSubmitted"/> learns the id before the wait.</param>
    /// <param name="progress">Told of the first observation and of every status change.</param>
    /// <param name="cancellationToken">Cancels the submit or the wait.</param>
    /// <returns>The succeeded task. Every <see cref="ChanjingException"/> thrown after the submit carries <see cref="ChanjingException.TaskId"/>.</returns>
    Task<CreationTask> GenerateReferenceVideoAsync(ReferenceVideoRequest request, WaitOptions? options = null, IProgress<CreationTask>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Submits a task of any model (see <see cref="SubmitAsync"/>), then waits for it (see <see cref="WaitForCompletionAsync"/>).</summary>
    /// <param name="request">The task.</param>
    /// <param name="options">Poll intervals and deadline; <see cref="WaitOptions.OnSubmitted"/> learns the id before the wait.</param>
    /// <param name="progress">Told of the first observation and of every status change.</param>
    /// <param name="cancellationToken">Cancels the submit or the wait.</param>
    /// <returns>The succeeded task, with one output URL per video or image. Every <see cref="ChanjingException"/> thrown after the submit carries <see cref="ChanjingException.TaskId"/>.</returns>
    Task<CreationTask> GenerateAsync(CreationRequest request, WaitOptions? options = null, IProgress<CreationTask>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Waits for many tasks at once through the list endpoint (up to 50 tasks a request) and yields each task
    /// as it reaches a terminal status, success or failure (inspect <see cref="CreationTask.Status"/>).
    /// </summary>
    /// <param name="taskIds">The ids; duplicates are waited once.</param>
    /// <param name="options">Poll intervals and deadline; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The finished tasks, in the order they finish.</returns>
    IAsyncEnumerable<CreationTask> WaitForAllAsync(IEnumerable<string> taskIds, WaitOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Polls a task like <see cref="WaitForCompletionAsync"/> and yields it at the first observation and at each status change, ending after a terminal status (without throwing for a failed task).</summary>
    /// <param name="taskId">The task id.</param>
    /// <param name="options">Poll intervals and deadline; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the watch.</param>
    /// <returns>The task at each status change.</returns>
    IAsyncEnumerable<CreationTask> WatchAsync(string taskId, WaitOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Uploads a local image (or any file) and returns its public URL once the service has made it ready.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The uploaded file.</returns>
    Task<UploadedFile> UploadFileAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Uploads the content of a stream under a file name (whose extension sets the type) and returns its public URL once ready.</summary>
    /// <param name="content">The content, read from its current position. A non-seekable stream cannot be re-sent if the upload fails.</param>
    /// <param name="fileName">The file name, with extension.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The uploaded file.</returns>
    Task<UploadedFile> UploadFileAsync(Stream content, string fileName, CancellationToken cancellationToken = default);

    /// <summary>Downloads a file (for example an output URL) into a stream, resuming with HTTP Range after transient failures where the server allows.</summary>
    /// <param name="url">The absolute http(s) URL.</param>
    /// <param name="destination">Where the bytes are written.</param>
    /// <param name="progress">Told of the bytes written so far.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>The number of bytes written.</returns>
    Task<long> DownloadAsync(Uri url, Stream destination, IProgress<long>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Asks storage (HEAD) how large the file at <paramref name="url"/> is, following its redirects; null when it does not say.</summary>
    /// <param name="url">The absolute http(s) URL.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The size in bytes, or null.</returns>
    Task<long?> GetContentLengthAsync(Uri url, CancellationToken cancellationToken = default);

    /// <summary>Digital humans: the public avatars with their framings, voices and tags, the tag dictionary, and customised avatars.</summary>
    AvatarClient Avatars { get; }

    /// <summary>Avatar videos (合成视频): a digital human speaks a script or an audio file.</summary>
    AvatarVideoClient AvatarVideos { get; }

    /// <summary>Text to speech: a text spoken by a public or cloned voice, with its subtitle timeline.</summary>
    SpeechClient Speech { get; }

    /// <summary>Voices: the public voices, and voice clones (定制声音).</summary>
    VoiceClient Voices { get; }

    /// <summary>Lip-sync (对口型): re-drive the mouth of a video with speech or an audio file.</summary>
    LipSyncClient LipSync { get; }

    /// <summary>Avatar design (文生数字人): pictures from a description, motion from a picture, LoRA models from photos.</summary>
    AvatarDesignClient AvatarDesign { get; }

    /// <summary>
    /// Saves every output of a succeeded job of any product (<see cref="ChanjingJob.OutputUrls"/>) into a directory, each
    /// file complete or absent, with its real extension. An expired signed URL is refreshed once by reading the job again.
    /// </summary>
    /// <param name="job">The succeeded job.</param>
    /// <param name="directory">The directory; created if missing.</param>
    /// <param name="progress">Told of the bytes written so far, per file.</param>
    /// <param name="cancellationToken">Cancels the download; no partial file is left.</param>
    /// <returns>The paths of the saved files.</returns>
    Task<IReadOnlyList<string>> DownloadOutputsAsync(ChanjingJob job, string directory, IProgress<long>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Saves every output of a succeeded task into a directory, each file complete or absent (written to a temporary file, then renamed).</summary>
    /// <param name="task">The succeeded task.</param>
    /// <param name="directory">The directory; created if missing.</param>
    /// <param name="progress">Told of the bytes written so far, per file.</param>
    /// <param name="cancellationToken">Cancels the download; no partial file is left.</param>
    /// <returns>The paths of the saved files.</returns>
    Task<IReadOnlyList<string>> DownloadOutputsAsync(CreationTask task, string directory, IProgress<long>? progress = null, CancellationToken cancellationToken = default);
}
