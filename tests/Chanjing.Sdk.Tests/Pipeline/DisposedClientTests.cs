using System.Net;
using Chanjing.Sdk.Tests.TestSupport;

namespace Chanjing.Sdk.Tests.Pipeline;

/// <summary>A disposed client refuses every kind of call with an ObjectDisposedException that names it, before any request.</summary>
public sealed class DisposedClientTests
{
    [Fact]
    public async Task DisposedClient_ApiCallTransferAndTokenFetch_ObjectDisposedExceptionNamingTheClientAndNoRequest()
    {
        var handler = new LambdaHandler((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)));
        var withToken = handler.CreateClient();
        var withKeys = handler.CreateClient(o => { o.AccessToken = null; o.AppId = "app-" + Guid.NewGuid(); o.SecretKey = "secret"; });
        withToken.Dispose();
        withKeys.Dispose();

        var api = await Assert.ThrowsAsync<ObjectDisposedException>(() => withToken.GetTaskAsync("task-1"));
        var transfer = await Assert.ThrowsAsync<ObjectDisposedException>(() => withToken.DownloadAsync(new Uri("https://storage.example/a.mp4"), new MemoryStream()));
        var token = await Assert.ThrowsAsync<ObjectDisposedException>(() => withKeys.GetTaskAsync("task-1"));

        Assert.All(new[] { api, transfer, token }, e => Assert.Equal(nameof(ChanjingClient), e.ObjectName));
        Assert.Equal(0, handler.Count);
    }
}
