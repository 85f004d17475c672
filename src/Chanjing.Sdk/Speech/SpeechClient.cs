using System.Text;

namespace Chanjing.Sdk;

/// <summary>
/// Text to speech (<see cref="IChanjingClient.Speech"/>): a text spoken by a public or cloned voice, with its subtitle
/// timeline. A create costs money and Chanjing cannot list speech tasks: a create whose answer was lost is never sent
/// again, and its exception says no reconciliation was possible. Members are virtual, for mocking.
/// </summary>
public class SpeechClient
{
    /// <summary>The longest part <see cref="SplitText"/> makes by default, as Chanjing's own one-click renderer batches.</summary>
    public const int DefaultPartLength = 3900;

    private const string ResumeWith = "client.Speech.WaitAsync";
    private readonly ProductContext? _context;
    private ProductJobKind<SpeechTask>? _kind;

    /// <summary>For mocking frameworks only: every member throws until overridden.</summary>
    protected SpeechClient()
    {
    }

    internal SpeechClient(ProductContext context) => _context = context;

    private ProductContext Context => _context ?? throw new InvalidOperationException("This SpeechClient was created with the protected constructor meant for mocking; override the members you call.");

    private ProductJobKind<SpeechTask> Kind => _kind ??= new ProductJobKind<SpeechTask>(GetAsync, ResumeWith);

    /// <summary>Creates a speech task and returns its id. Checked before anything is sent; never sent twice.</summary>
    /// <param name="request">The speech.</param>
    /// <param name="cancellationToken">Cancels the call. A create cancelled after it was sent may still have made a task.</param>
    /// <returns>The task's id.</returns>
    /// <exception cref="ArgumentException">The request breaks a documented limit (the message names it); nothing was sent.</exception>
    /// <exception cref="ChanjingSubmitOutcomeUnknownException">The answer was lost: a task may exist; it cannot be looked for.</exception>
    public virtual Task<string> CreateAsync(SpeechRequest request, CancellationToken cancellationToken = default)
    {
        var body = SpeechBodies.Create(request);
        return PaidCreate.SendAsync(Context, ChanjingEndpoints.CreateSpeech, body, new ProductReconciliation("speech task", ResumeWith, null), cancellationToken);
    }

    /// <summary>Gets one speech task (<c>audio_task_state</c>).</summary>
    /// <param name="id">The task's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The task as the service reports it now.</returns>
    /// <exception cref="ChanjingNotFoundException">The service says there is no such id.</exception>
    public virtual Task<SpeechTask> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        Guard.Identifier(id, nameof(id));
        // The answer's id field is not documented to repeat task_id: not compared.
        return NotFound.MappedAsync(Context.Api.GetSpeechAsync(id, cancellationToken), id, "speech task", sameId: false);
    }

    /// <summary>
    /// Waits until a speech task finishes and returns it: status 9 with an audio URL and no error; 9 with an error ends
    /// with <see cref="ChanjingTaskFailedException"/>; bounded by <see cref="WaitOptions.Timeout"/>; 1 and 10 keep polling.
    /// </summary>
    /// <param name="id">The task's id.</param>
    /// <param name="options">Poll intervals and deadline; null for the defaults.</param>
    /// <param name="progress">Told of the first observation and of every status change.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>The succeeded task, with its audio and timeline.</returns>
    public virtual Task<SpeechTask> WaitAsync(string id, WaitOptions? options = null, IProgress<SpeechTask>? progress = null, CancellationToken cancellationToken = default)
    {
        options = ProductWait.Check(id, options);
        return ProductWait.WaitAsync(Context, Kind, id, options, progress, pollFirst: true, cancellationToken);
    }

    /// <summary>Creates a speech task (<see cref="CreateAsync"/>), then waits for it (<see cref="WaitAsync"/>).</summary>
    /// <param name="request">The speech.</param>
    /// <param name="options">Poll intervals and deadline; <see cref="WaitOptions.OnSubmitted"/> learns the id before the wait.</param>
    /// <param name="progress">Told of the first observation and of every status change.</param>
    /// <param name="cancellationToken">Cancels the create or the wait.</param>
    /// <returns>The succeeded task.</returns>
    public virtual Task<SpeechTask> GenerateAsync(SpeechRequest request, WaitOptions? options = null, IProgress<SpeechTask>? progress = null, CancellationToken cancellationToken = default) =>
        ProductWait.GenerateAsync(Context, Kind, ct => CreateAsync(request, ct), options, progress, cancellationToken);

    /// <summary>
    /// Voices a script of any length: splits it at sentence ends into parts of at most <see cref="DefaultPartLength"/>
    /// characters (<see cref="SplitText"/>), then makes them one after the other, each created only once the previous
    /// one succeeded, so a failure stops the spending. Every part is checked before the first is sent.
    /// </summary>
    /// <param name="request">The speech; its text may be longer than one task takes. Its other settings apply to every part.</param>
    /// <param name="options">Poll intervals and deadline of each part's wait.</param>
    /// <param name="progress">Told of each part's states.</param>
    /// <param name="cancellationToken">Cancels the creates and waits.</param>
    /// <returns>The succeeded parts, in the script's order.</returns>
    /// <exception cref="ChanjingTaskFailedException">A part failed; its message lists the parts that succeeded before it (already paid).</exception>
    /// <exception cref="ChanjingException">Any other failure after the first part (a lost create answer, a timeout, ...): of the same type, its message also lists the parts that succeeded before it. <see cref="WaitOptions.OnSubmitted"/> learns each part's id as it is created.</exception>
    public virtual async Task<IReadOnlyList<SpeechTask>> GenerateLongAsync(SpeechRequest request, WaitOptions? options = null, IProgress<SpeechTask>? progress = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(request, nameof(request));
        // A part of only blanks (a script's trailing blank lines cut off at a sentence end) has nothing to speak.
        var parts = SplitText(request.Text).Where(part => !string.IsNullOrWhiteSpace(part)).ToArray();
        if (parts.Length == 0)
        {
            SpeechBodies.CheckText(request.Text, "request.Text");
        }

        var requests = parts.Select(part => new SpeechRequest(part, request.VoiceId) { Speed = request.Speed, Pitch = request.Pitch, AigcWatermark = request.AigcWatermark, CallbackUrl = request.CallbackUrl }).ToArray();
        var bodies = requests.Select(SpeechBodies.Create).ToArray();
        (options ?? new WaitOptions()).Validate();
        var done = new List<SpeechTask>(bodies.Length);
        for (var i = 0; i < bodies.Length; i++)
        {
            try
            {
                var id = await PaidCreate.SendAsync(Context, ChanjingEndpoints.CreateSpeech, bodies[i], new ProductReconciliation("speech task", ResumeWith, null), cancellationToken).ConfigureAwait(false);
                // Each part is paid for once created: the caller learns its id at once, as GenerateAsync tells it.
                options?.OnSubmitted?.Invoke(id);
                done.Add(await ProductWait.WaitAsync(Context, Kind, id, options ?? new WaitOptions(), progress, pollFirst: false, cancellationToken).ConfigureAwait(false));
            }
            catch (ChanjingException error) when (done.Count > 0)
            {
                // Whatever stops the run (a failed part, a lost answer, a timeout, ...), the parts already paid for are named.
                throw ChanjingErrors.WithMessage(error, $"Part {i + 1} of {bodies.Length} failed: {error.Message} The parts before it succeeded (and were charged): {string.Join(", ", done.Select(t => t.Id))}; the parts after it were not created.");
            }
        }

        return done;
    }

    /// <summary>
    /// Splits a script into parts of at most <paramref name="maxLength"/> characters, cutting after a sentence end
    /// (。！？!?；; or a line break) where one falls in the part, else after a comma, else at the limit. Nothing is dropped:
    /// the parts joined give the text back.
    /// </summary>
    /// <param name="text">The script.</param>
    /// <param name="maxLength">The longest part, 1 to <see cref="SpeechRequest.MaxTextLength"/>.</param>
    /// <returns>The parts, in order.</returns>
    public static IReadOnlyList<string> SplitText(string text, int maxLength = DefaultPartLength)
    {
        Guard.NotNull(text, nameof(text));
        if (maxLength is < 1 or > SpeechRequest.MaxTextLength)
        {
            throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, $"A part holds 1 to {SpeechRequest.MaxTextLength} characters.");
        }

        var parts = new List<string>();
        var start = 0;
        while (text.Length - start > maxLength)
        {
            var cut = LastBreak(text, start, maxLength, "。！？!?；;\n") ?? LastBreak(text, start, maxLength, "，,、 ") ?? start + maxLength;
            if (char.IsHighSurrogate(text[cut - 1]))
            {
                cut--;
            }

            parts.Add(text.Substring(start, cut - start));
            start = cut;
        }

        if (start < text.Length || parts.Count == 0)
        {
            parts.Add(text.Substring(start));
        }

        return parts;
    }

    /// <summary>Writes a finished task's subtitle timeline as an SRT file (UTF-8), complete or absent.</summary>
    /// <param name="task">A task with its timeline (<see cref="SpeechTask.Subtitles"/>).</param>
    /// <param name="path">The file to write; replaced if it exists.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the file is written.</returns>
    /// <exception cref="ArgumentException">The task has no timeline.</exception>
    public virtual async Task SaveSubtitlesAsync(SpeechTask task, string path, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(task, nameof(task));
        Guard.NotNullOrWhiteSpace(path, nameof(path));
        if (task.Subtitles.Count == 0)
        {
            throw new ArgumentException($"Speech task {task.Id} has no subtitle timeline (status {task.Status}).", nameof(task));
        }

        var temporary = path + ".part-" + Guid.NewGuid().ToString("N").Substring(0, 8);
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(task.ToSrt());
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true))
            {
                await file.WriteAsync(bytes, 0, bytes.Length, cancellationToken).ConfigureAwait(false);
            }

            if (File.Exists(path))
            {
                File.Delete(path);
            }

            File.Move(temporary, path);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private static int? LastBreak(string text, int start, int maxLength, string breaks)
    {
        for (var i = start + maxLength - 1; i > start; i--)
        {
            if (breaks.IndexOf(text[i]) >= 0)
            {
                return i + 1;
            }
        }

        return null;
    }
}
