using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;
using Chanjing.Emulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Chanjing.Sdk.IntegrationTests.Diagnostics;

/// <summary>
/// Redaction proven, not assumed (issue 17): a full run through faults, retries, a token refresh, an upload, a download
/// and a reconciliation, with every log record, span, event, tag and measurement captured; none holds the token, the
/// secret key or a signed URL's query string.
/// </summary>
public sealed partial class RedactionProofTests
{
    [Fact]
    public async Task FullRun_EverythingCaptured_NoSecretAnywhere()
    {
        await using var emulator = await ChanjingEmulator.StartAsync(Support.FastEmulator());
        var text = new ConcurrentBag<string>();
        var tokens = new ConcurrentBag<string>();
        var signedQueries = new ConcurrentBag<string>();

        using var activities = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                text.Add(a.DisplayName);
                text.Add(a.StatusDescription ?? string.Empty);
                foreach (var tag in a.TagObjects)
                {
                    text.Add($"{tag.Key}={tag.Value}");
                }

                foreach (var e in a.Events)
                {
                    text.Add(e.Name + string.Join(",", e.Tags.Select(t => $"{t.Key}={t.Value}")));
                }
            },
        };
        ActivitySource.AddActivityListener(activities);
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) => listener.EnableMeasurementEvents(instrument),
        };
        meters.SetMeasurementEventCallback<double>((i, _, tags, _) => Record(i, tags));
        meters.SetMeasurementEventCallback<long>((i, _, tags, _) => Record(i, tags));
        meters.SetMeasurementEventCallback<int>((i, _, tags, _) => Record(i, tags));
        meters.Start();
        var logs = new FakeLogCollector();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(logs)));
        services.AddMetrics();
        services.AddChanjing(o =>
        {
            o.BaseAddress = emulator.BaseAddress;
            o.AppId = emulator.AppId;
            o.SecretKey = emulator.SecretKey;
            o.Retry.BaseDelay = TimeSpan.FromMilliseconds(5);
            o.Reconciliation.Delay = TimeSpan.FromMilliseconds(5);
            o.Uploads.ReadyPollInterval = TimeSpan.FromMilliseconds(20);
        }).HttpClientBuilder.AddHttpMessageHandler(() => new Tap(tokens, signedQueries));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IChanjingClient>();
        var file = Path.Combine(Path.GetTempPath(), $"chanjing-redaction-{Guid.NewGuid():N}.png");
        var output = Path.Combine(Path.GetTempPath(), $"chanjing-redaction-{Guid.NewGuid():N}");
        await File.WriteAllBytesAsync(file, Support.Png(32, 32));
        try
        {
            emulator.AddFault(EmulatorEndpoint.Submit, EmulatorFault.WithCode(40001));
            emulator.AddFault(EmulatorEndpoint.GetTask, EmulatorFault.WithHttpStatus(502));
            emulator.AddFault(EmulatorEndpoint.AccessToken, EmulatorFault.MalformedInside("access_token"));
            var task = await client.GenerateAsync(new ReferenceVideoRequest { Prompt = "redaction run", ReferenceImageUrls = { new Uri(file) } }, Support.FastWait);
            emulator.InvalidateAccessToken(); // the next call gets 10400 and renews
            await client.GetTaskAsync(task.Id);
            emulator.AddFault(EmulatorEndpoint.Submit, EmulatorFault.AbortAfterProcessing()); // answer lost: reconciliation
            var unknown = await Assert.ThrowsAsync<ChanjingSubmitOutcomeUnknownException>(() => client.SubmitAsync(new ImageGenerationRequest { Prompt = "second" }));
            var reconciled = Assert.Single(unknown.CandidateTaskIds);
            await client.DownloadOutputsAsync(task, output);
            await client.GetTaskAsync(reconciled);
        }
        finally
        {
            File.Delete(file);
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }

        foreach (var record in logs.GetSnapshot())
        {
            text.Add(record.Message);
            text.Add(record.Exception?.ToString() ?? string.Empty);
            text.Add(string.Join(",", record.StructuredState?.Select(s => $"{s.Key}={s.Value}") ?? []));
        }

        var all = string.Join("\n", text);
        Assert.NotEmpty(tokens);
        Assert.NotEmpty(signedQueries);
        Assert.Contains("chanjing submit", all, StringComparison.Ordinal);
        Assert.Contains(logs.GetSnapshot(), r => r.Id.Id == 1002); // the token renewal happened
        Assert.DoesNotContain(emulator.SecretKey, all, StringComparison.Ordinal);
        foreach (var token in tokens.Where(t => t.Length >= 8))
        {
            Assert.False(all.Contains(token, StringComparison.Ordinal), "token found in: " + string.Join(" | ", text.Where(t => t.Contains(token, StringComparison.Ordinal)).Take(3)));
        }

        foreach (var query in signedQueries)
        {
            Assert.DoesNotContain(query, all, StringComparison.Ordinal);
        }

        void Record(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            text.Add(instrument.Name);
            foreach (var tag in tags)
            {
                text.Add($"{tag.Key}={tag.Value}");
            }
        }
    }

    [GeneratedRegex("\"access_token\"\\s*:\\s*\"([^\"]+)")]
    private static partial Regex TokenInBody();

    [GeneratedRegex("\"sign_url\"\\s*:\\s*\"[^\"?]*\\?([^\"]+)")]
    private static partial Regex SignedQueryInBody();

    /// <summary>Sees every token and signed-URL query that crossed the wire, so the test knows what must not leak.</summary>
    private sealed class Tap(ConcurrentBag<string> tokens, ConcurrentBag<string> queries) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Headers.TryGetValues("access_token", out var sent))
            {
                foreach (var token in sent)
                {
                    tokens.Add(token);
                }
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Content.Headers.ContentType?.MediaType == "application/json")
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                foreach (Match match in TokenInBody().Matches(body))
                {
                    tokens.Add(match.Groups[1].Value);
                }

                foreach (Match match in SignedQueryInBody().Matches(body))
                {
                    queries.Add(match.Groups[1].Value.Replace("\\u0026", "&", StringComparison.Ordinal));
                }
            }

            return response;
        }
    }
}
