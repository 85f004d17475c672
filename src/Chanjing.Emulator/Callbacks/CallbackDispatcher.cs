using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Chanjing.Emulator.Http;
using Chanjing.Emulator.Journal;
using Chanjing.Emulator.Tasks;

namespace Chanjing.Emulator.Callbacks;

/// <summary>
/// Sends the completion callback of a job that carried a <c>callback</c> URL: for an AI-creation task a POST of the same
/// JSON that GET answers for it, for a customised avatar or an avatar video the bare object (GET's <c>data</c>), for a lip-sync video the full envelope, retried up to <see cref="ChanjingEmulatorOptions.CallbackMaxAttempts"/> times on a non-2xx answer or a
/// failed connection, <see cref="ChanjingEmulatorOptions.CallbackRetryDelay"/> (times the attempt) apart on the
/// emulator's clock. Only loopback URLs are called unless <see cref="ChanjingEmulatorOptions.AllowNonLoopbackCallbacks"/>.
/// Each attempt is journaled (a <see cref="EmulatorEndpoint.Callback"/> entry and an <see cref="EmulatorCallbackDelivery"/>).
/// </summary>
internal sealed class CallbackDispatcher : IDisposable
{
    private readonly ChanjingEmulatorOptions _options;
    private readonly RequestJournal _journal;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly CancellationTokenSource _stopping = new();

    public CallbackDispatcher(ChanjingEmulatorOptions options, RequestJournal journal, TaskStore tasks)
    {
        (_options, _journal) = (options, journal);
        // An AI-creation callback is the body GET answers: the envelope with the task as data.
        tasks.TaskEnded += (task, json) => _ = DeliverAsync(task.UniqueId, task.Request.Callback!, Encoding.UTF8.GetString(EmulatorResponse.Ok(json).Body));
    }

    /// <summary>Raised after each attempt, with its outcome.</summary>
    public event Action<EmulatorCallbackDelivery>? Attempted;

    /// <summary>
    /// Delivers <paramref name="body"/> as it is (the bare object of customised avatars and avatar videos, the envelope
    /// a lip-sync store built) for the job <paramref name="id"/>, in the background.
    /// </summary>
    public void Send(string id, Uri url, JsonNode body) => _ = DeliverAsync(id, url, EmulatorResponse.Text(body));

    public void Dispose()
    {
        // The token source is not disposed: deliveries still in flight observe it after this.
        _stopping.Cancel();
        _http.Dispose();
    }

    private async Task DeliverAsync(string taskId, Uri url, string body)
    {
        var time = _options.TimeProvider;
        if (!_options.AllowNonLoopbackCallbacks && !IsLoopback(url))
        {
            Report(new EmulatorCallbackDelivery(taskId, url, 0, null, "not sent: only loopback callback URLs are called unless AllowNonLoopbackCallbacks is set", time.GetUtcNow()));
            return;
        }

        var attempts = Math.Max(1, _options.CallbackMaxAttempts);
        for (var attempt = 1; attempt <= attempts && !_stopping.IsCancellationRequested; attempt++)
        {
            _journal.Record(new EmulatorRequest(EmulatorEndpoint.Callback, "POST", url.AbsolutePath, url.Query, body, false, time.GetUtcNow(), null, "application/json"));
            int? status = null;
            string? error = null;
            try
            {
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                using var response = await _http.PostAsync(url, content, _stopping.Token).ConfigureAwait(false);
                status = (int)response.StatusCode;
                error = response.IsSuccessStatusCode ? null : $"HTTP {status}";
            }
            catch (HttpRequestException e)
            {
                error = e.Message;
            }
            catch (TaskCanceledException) when (!_stopping.IsCancellationRequested)
            {
                error = "timed out";
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }

            // The retry is scheduled before the attempt is reported, so a test that advances a fake clock on the report
            // always moves it past the retry.
            var retry = error is null || attempt == attempts ? null : Task.Delay(_options.CallbackRetryDelay * attempt, time, _stopping.Token);
            Report(new EmulatorCallbackDelivery(taskId, url, attempt, status, error, time.GetUtcNow()));
            if (retry is null)
            {
                return;
            }

            try
            {
                await retry.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void Report(EmulatorCallbackDelivery delivery)
    {
        _journal.Record(delivery);
        Attempted?.Invoke(delivery);
    }

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
