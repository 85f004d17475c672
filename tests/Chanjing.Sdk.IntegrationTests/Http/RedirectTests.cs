using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace Chanjing.Sdk.IntegrationTests.Http;

/// <summary>The access token never follows a redirect to another host; downloads still follow storage redirects.</summary>
public sealed class RedirectTests
{
    [Fact]
    public async Task ApiRedirect_OwnedClient_NotFollowedAndTheTokenNeverReachesTheOtherHost()
    {
        await using var collector = RawServer.Start(_ => "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        await using var api = RawServer.Start(_ => $"HTTP/1.1 302 Found\r\nLocation: {collector.Address}collect\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        using var client = new ChanjingClient(new ChanjingOptions { BaseAddress = api.Address, AccessToken = "SECRET-TOKEN", Retry = { MaxAttempts = 0 } });

        var error = await Assert.ThrowsAsync<ChanjingException>(() => client.GetTaskAsync("t1"));

        Assert.False(error.IsTransient);
        Assert.Contains("redirect", error.Message, StringComparison.Ordinal);
        Assert.Empty(collector.Requests);
    }

    [Fact]
    public async Task ApiRedirect_DiClient_NotFollowedAndTheTokenNeverReachesTheOtherHost()
    {
        await using var collector = RawServer.Start(_ => "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        await using var api = RawServer.Start(_ => $"HTTP/1.1 307 Temporary Redirect\r\nLocation: {collector.Address}collect\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        var services = new ServiceCollection();
        services.AddChanjing(o =>
        {
            o.BaseAddress = api.Address;
            o.AccessToken = "SECRET-TOKEN";
            o.Retry.MaxAttempts = 0;
        });
        await using var provider = services.BuildServiceProvider();

        await Assert.ThrowsAsync<ChanjingException>(() => provider.GetRequiredService<IChanjingClient>().GetTaskAsync("t1"));

        Assert.Empty(collector.Requests);
        Assert.Contains(api.Requests, r => r.Contains("access_token: SECRET-TOKEN", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ApiRedirect_CallersHttpClientFollowsIt_TheOtherHostsAnswerIsRefused()
    {
        await using var collector = RawServer.Start(_ => "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 78\r\nConnection: close\r\n\r\n{\"code\":0,\"msg\":\"success\",\"data\":{\"unique_id\":\"t1\",\"progress_desc\":\"Success\"}}");
        await using var api = RawServer.Start(_ => $"HTTP/1.1 307 Temporary Redirect\r\nLocation: {collector.Address}steal\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        // A caller's HttpClient follows redirects unless told not to; the SDK cannot reach into it.
        using var http = new HttpClient();
        using var client = new ChanjingClient(http, new ChanjingOptions { BaseAddress = api.Address, AccessToken = "SECRET-TOKEN", Retry = { MaxAttempts = 0 } });

        var error = await Assert.ThrowsAsync<ChanjingException>(() => client.GetTaskAsync("t1"));

        Assert.False(error.IsTransient);
        Assert.Contains("AllowAutoRedirect = false", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-TOKEN", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DownloadRedirect_FollowedByTheSdkItself()
    {
        var bytes = Enumerable.Range(0, 5000).Select(i => (byte)i).ToArray();
        await using var storage = RawServer.Start(_ => $"HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n", bytes);
        await using var cdn = RawServer.Start(_ => $"HTTP/1.1 302 Found\r\nLocation: {storage.Address}real.mp4\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        using var client = new ChanjingClient(new ChanjingOptions { BaseAddress = cdn.Address, AccessToken = "SECRET-TOKEN" });
        using var destination = new MemoryStream();

        var written = await client.DownloadAsync(new Uri(cdn.Address, "video.mp4"), destination);

        Assert.Equal(bytes.Length, written);
        Assert.Equal(bytes, destination.ToArray());
        Assert.Single(storage.Requests);
        Assert.DoesNotContain(storage.Requests, r => r.Contains("SECRET-TOKEN", StringComparison.Ordinal));
    }

    /// <summary>A loopback HTTP/1.1 server that records each request head and answers with a canned response.</summary>
    private sealed class RawServer : IAsyncDisposable
    {
        private readonly TcpListener _listener;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;

        private RawServer(Func<string, string> answer, byte[]? body)
        {
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start();
            Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
            _loop = Task.Run(async () =>
            {
                try
                {
                    while (!_stop.IsCancellationRequested)
                    {
                        using var connection = await _listener.AcceptTcpClientAsync(_stop.Token);
                        var stream = connection.GetStream();
                        var head = new StringBuilder();
                        var buffer = new byte[1];
                        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(buffer, _stop.Token) == 1)
                        {
                            head.Append((char)buffer[0]);
                        }

                        lock (Requests)
                        {
                            Requests.Add(head.ToString());
                        }

                        await stream.WriteAsync(Encoding.ASCII.GetBytes(answer(head.ToString())), _stop.Token);
                        if (body is not null)
                        {
                            await stream.WriteAsync(body, _stop.Token);
                        }
                    }
                }
                catch (Exception e) when (_stop.IsCancellationRequested && e is OperationCanceledException or SocketException or ObjectDisposedException or InvalidOperationException or IOException)
                {
                    // Stopped: depending on where the loop was when DisposeAsync ran, the stopped listener or
                    // connection answers with any of these. Anything before the stop still fails the test.
                }
            });
        }

        public Uri Address { get; }

        public List<string> Requests { get; } = [];

        public static RawServer Start(Func<string, string> answer, byte[]? body = null) => new(answer, body);

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            await _loop.WaitAsync(TimeSpan.FromSeconds(10));
            _stop.Dispose();
        }
    }
}
