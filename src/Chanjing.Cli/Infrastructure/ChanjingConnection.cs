using Chanjing.Emulator;
using Chanjing.Sdk;

namespace Chanjing.Cli.Infrastructure;

/// <summary>
/// The client a command talks through: the service named by the CHANJING_* environment variables, or, with
/// <c>--emulator</c>, an emulator started in this process (gone when the command ends).
/// </summary>
internal sealed class ChanjingConnection : IAsyncDisposable
{
    private const string TokenVariable = "CHANJING_ACCESS_TOKEN";
    private const string AppIdVariable = "CHANJING_APP_ID";
    private const string SecretKeyVariable = "CHANJING_SECRET_KEY";
    private const string BaseAddressVariable = "CHANJING_BASE_ADDRESS";

    private readonly HttpClient _http;
    private readonly FirstRequestHandler _firstRequest;
    private readonly ChanjingClient _client;
    private readonly ChanjingEmulator? _emulator;

    private ChanjingConnection(ChanjingOptions options, ChanjingEmulator? emulator, WaitOptions waitOptions)
    {
        // As the client's own HttpClient (no automatic redirects: they would carry the access_token elsewhere; the
        // SDK owns the timeouts), plus a hook that sees the first request go out.
        _firstRequest = new FirstRequestHandler(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = System.Net.DecompressionMethods.All,
            AllowAutoRedirect = false,
        });
        _http = new HttpClient(_firstRequest) { Timeout = Timeout.InfiniteTimeSpan };
        try
        {
            _client = new ChanjingClient(_http, options);
        }
        catch
        {
            _http.Dispose();
            throw;
        }

        _emulator = emulator;
        WaitOptions = waitOptions;
    }

    /// <summary>The client.</summary>
    public IChanjingClient Client => _client;

    /// <summary>Whether the commands run against an in-process emulator (resume hints then do not apply).</summary>
    public bool IsEmulator => _emulator is not null;

    /// <summary>How waits poll (quicker against the emulator); the caller sets the timeout.</summary>
    public WaitOptions WaitOptions { get; }

    /// <summary>
    /// Reads the options from the environment, without any network call. Throws <see cref="CredentialsMissingException"/>
    /// when none are set and <see cref="UsageException"/> when CHANJING_BASE_ADDRESS is not an absolute http(s) URL, or
    /// is plain http to a host that is not loopback.
    /// </summary>
    public static ChanjingOptions OptionsFromEnvironment()
    {
        var token = Variable(TokenVariable);
        var appId = Variable(AppIdVariable);
        var secret = Variable(SecretKeyVariable);
        if (token is null && (appId is null || secret is null))
        {
            throw new CredentialsMissingException();
        }

        var baseAddress = ChanjingOptions.DefaultBaseAddress;
        if (Variable(BaseAddressVariable) is { } text)
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
            {
                throw new UsageException($"{BaseAddressVariable} must be an absolute http(s) URL, such as https://open-api.chanjing.cc.");
            }

            if (parsed.Scheme == Uri.UriSchemeHttp && !parsed.IsLoopback)
            {
                // The access token (and the app's secret) would cross the network in clear text.
                throw new UsageException($"{BaseAddressVariable} must use https for a host that is not this machine (plain http is allowed only for a loopback address such as http://127.0.0.1:5080/), but was '{text}'.");
            }

            baseAddress = parsed;
        }

        return new ChanjingOptions
        {
            BaseAddress = baseAddress,
            AccessToken = token,
            AppId = token is null ? appId : null,
            SecretKey = token is null ? secret : null,
        };
    }

    /// <summary>Opens a connection: checks the environment first (so a missing variable costs no network call).</summary>
    /// <param name="useEmulator">Whether to start an in-process emulator instead.</param>
    /// <param name="cancellationToken">Cancels the emulator's start.</param>
    /// <returns>The connection; dispose it to stop the emulator.</returns>
    public static async Task<ChanjingConnection> OpenAsync(bool useEmulator, CancellationToken cancellationToken)
    {
        if (!useEmulator)
        {
            return new ChanjingConnection(OptionsFromEnvironment(), null, new WaitOptions());
        }

        var emulator = await ChanjingEmulator.StartAsync(
            new ChanjingEmulatorOptions
            {
                QueuedDuration = TimeSpan.FromSeconds(1),
                GeneratingDuration = TimeSpan.FromSeconds(3),
                FileReadyDelay = TimeSpan.FromMilliseconds(300),
            },
            cancellationToken).ConfigureAwait(false);
        var options = new ChanjingOptions
        {
            BaseAddress = emulator.BaseAddress,
            AppId = emulator.AppId,
            SecretKey = emulator.SecretKey,
            Uploads = { ReadyPollInterval = TimeSpan.FromMilliseconds(250) },
        };
        var wait = new WaitOptions { PollInterval = TimeSpan.FromMilliseconds(500), MaxPollInterval = TimeSpan.FromSeconds(1) };
        return new ChanjingConnection(options, emulator, wait);
    }

    /// <summary>
    /// Runs <paramref name="action"/> once, when the client sends its next request (a token fetch, an upload or the
    /// submit itself): a message about that work is then said when it starts, after the client's own checks passed.
    /// </summary>
    /// <param name="action">What to do; replaces an action not yet run.</param>
    public void BeforeNextRequest(Action action) => _firstRequest.Arm(action);

    /// <summary>The wait options with a deadline.</summary>
    /// <param name="timeout">The deadline of the wait.</param>
    /// <returns>New options.</returns>
    public WaitOptions WaitWithTimeout(TimeSpan timeout) => new()
    {
        PollInterval = WaitOptions.PollInterval,
        MaxPollInterval = WaitOptions.MaxPollInterval,
        Timeout = timeout,
    };

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        _http.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>Runs an armed action before the request that follows.</summary>
    private sealed class FirstRequestHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private Action? _armed;

        public void Arm(Action action) => Volatile.Write(ref _armed, action);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Exchange(ref _armed, null)?.Invoke();
            return base.SendAsync(request, cancellationToken);
        }
    }
}
