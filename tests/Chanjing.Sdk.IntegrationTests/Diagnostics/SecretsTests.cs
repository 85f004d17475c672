using Chanjing.Emulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace Chanjing.Sdk.IntegrationTests.Diagnostics;

/// <summary>Issue 12, cases 4 and 5: no token, secret or signed URL in exception text or logs, whatever the body looks like.</summary>
public sealed class SecretsTests
{
    [Theory]
    [InlineData(10)]
    [InlineData(40)]
    [InlineData(70)]
    [InlineData(100)]
    [InlineData(130)]
    public async Task TokenFetch_BodyCutAnywhere_NoTokenInExceptionOrLogs(int bytes)
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        emulator.AddFault(EmulatorEndpoint.AccessToken, EmulatorFault.MalformedAt(bytes), count: 10);
        var logs = new FakeLogCollector();
        var tap = new TapHandler();
        using var client = new ChanjingClient(new HttpClient(tap), Support.Options(emulator, o => o.Retry.MaxAttempts = 1), new FakeLoggerFactoryFor(logs));

        var error = await Assert.ThrowsAnyAsync<ChanjingException>(() => client.GetTaskAsync("any"));

        Assert.NotEmpty(tap.Bodies);
        AssertNoSecret(tap, emulator.SecretKey, error, logs);
    }

    [Fact]
    public async Task TokenFetch_BodyCutInsideTheToken_NoTokenPrefixInExceptionOrLogs()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        emulator.AddFault(EmulatorEndpoint.AccessToken, EmulatorFault.MalformedInside("access_token"), count: 10);
        var logs = new FakeLogCollector();
        var tap = new TapHandler();
        using var client = new ChanjingClient(new HttpClient(tap), Support.Options(emulator, o => o.Retry.MaxAttempts = 1), new FakeLoggerFactoryFor(logs));

        var error = await Assert.ThrowsAnyAsync<ChanjingException>(() => client.GetTaskAsync("any"));

        // The client saw a body cut inside the token: the part of the token it saw appears nowhere.
        Assert.Contains(tap.Bodies, b => b.Contains("\"access_token\"", StringComparison.Ordinal));
        AssertNoSecret(tap, emulator.SecretKey, error, logs);
    }

    [Fact]
    public async Task UploadUrl_BodyCutInsideSignUrl_NoSignatureInExceptionOrLogs()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        emulator.AddFault(EmulatorEndpoint.CreateUploadUrl, EmulatorFault.MalformedInside("sign_url"), count: 10);
        var logs = new FakeLogCollector();
        using var client = new ChanjingClient(new HttpClient(), Support.Options(emulator, o => o.Retry.MaxAttempts = 1), new FakeLoggerFactoryFor(logs));

        var error = await Assert.ThrowsAnyAsync<ChanjingException>(() => client.UploadFileAsync(new MemoryStream(Support.Png(8, 8)), "a.png"));

        var text = Text(error) + string.Join("\n", logs.GetSnapshot().Select(r => r.Message + r.Exception));
        Assert.DoesNotContain("Signature", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("sign_url\":\"http", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccessTokenHeader_AppReplacesHeaderRedaction_NeverInHttpClientLogsOrTheirState()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        var logs = new FakeLogCollector();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(logs)));
        // An app that sets its own redaction rule for every client, and another one for this client.
        services.ConfigureHttpClientDefaults(b => b.RedactLoggedHeaders(_ => false));
        services.AddChanjing(o =>
        {
            o.BaseAddress = emulator.BaseAddress;
            o.AppId = emulator.AppId;
            o.SecretKey = emulator.SecretKey;
        }).HttpClientBuilder.RedactLoggedHeaders(["X-Other"]);
        await using var provider = services.BuildServiceProvider();

        var id = await provider.GetRequiredService<IChanjingClient>().SubmitReferenceVideoAsync(Support.Request());

        Assert.False(string.IsNullOrEmpty(id));
        var factoryOptions = provider.GetRequiredService<IOptionsMonitor<HttpClientFactoryOptions>>().Get("Chanjing");
        Assert.True(factoryOptions.ShouldRedactHeaderValue("access_token"));
        Assert.True(factoryOptions.ShouldRedactHeaderValue("X-Other"));
        // The header is put on the request below IHttpClientFactory's logging handlers, so neither the formatted
        // message nor the structured state of any log record (whose header values are not redacted) holds it.
        var records = logs.GetSnapshot();
        Assert.Contains(records, r => r.Message.Contains("Request Headers", StringComparison.Ordinal));
        Assert.DoesNotContain(records, r => r.Message.Contains("access_token:", StringComparison.Ordinal));
        Assert.DoesNotContain(records, r => r.StructuredState?.Any(s => s.Key == "access_token") == true);
    }

    private static string Text(Exception error) => error.ToString();

    private static void AssertNoSecret(TapHandler tap, string secretKey, Exception error, FakeLogCollector logs)
    {
        var text = Text(error) + "\n" + string.Join("\n", logs.GetSnapshot().Select(r => r.Message + " " + r.Exception));
        Assert.DoesNotContain(secretKey, text, StringComparison.Ordinal);
        foreach (var seen in tap.TokenFragments())
        {
            Assert.DoesNotContain(seen, text, StringComparison.Ordinal);
        }
    }

    /// <summary>Records the token responses exactly as the client received them, to know which token text it saw.</summary>
    private sealed class TapHandler() : DelegatingHandler(new SocketsHttpHandler())
    {
        public List<string> Bodies { get; } = [];

        public IEnumerable<string> TokenFragments() => Bodies
            .Select(b => System.Text.RegularExpressions.Regex.Match(b, "\"access_token\"\\s*:\\s*\"([^\"]*)"))
            .Where(m => m.Success && m.Groups[1].Value.Length >= 6)
            .Select(m => m.Groups[1].Value.Substring(0, 6));

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (request.RequestUri!.AbsolutePath.EndsWith("access_token", StringComparison.Ordinal))
            {
                var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                lock (Bodies)
                {
                    Bodies.Add(System.Text.Encoding.UTF8.GetString(bytes));
                }

                var copy = new ByteArrayContent(bytes);
                foreach (var header in response.Content.Headers)
                {
                    copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }

                response.Content = copy;
            }

            return response;
        }
    }

    private sealed class FakeLoggerFactoryFor(FakeLogCollector logs) : ILoggerFactory
    {
        public void AddProvider(ILoggerProvider provider)
        {
        }

        public ILogger CreateLogger(string categoryName) => new FakeLogger(logs, categoryName);

        public void Dispose()
        {
        }
    }
}
