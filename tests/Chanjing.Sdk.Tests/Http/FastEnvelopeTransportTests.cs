using System.Net;
using System.Text;

namespace Chanjing.Sdk.Tests.Http;

/// <summary>Issue 28: how HttpTransport uses an endpoint's fast reader: only for a 2xx body, and a decline goes the usual way.</summary>
public sealed class FastEnvelopeTransportTests
{
    private static readonly HttpTransport Transport = new(new Uri("http://127.0.0.1:1/"), guarded: false, TimeProvider.System, clock: null, userAgent: null);
    private static readonly byte[] Envelope = Encoding.UTF8.GetBytes("""{"code":0,"msg":"success","data":"usual"}""");

    [Fact]
    public void TaskAndIdEndpoints_HaveFastReaders()
    {
        Assert.IsType<FastEnvelope<CreationTask>>(ChanjingEndpoints.GetTask.Convert.Target);
        Assert.IsType<FastEnvelope<TaskPage>>(ChanjingEndpoints.ListTasks.Convert.Target);
        Assert.IsType<FastEnvelope<string>>(ChanjingEndpoints.Submit.Convert.Target);
        Assert.IsType<FastEnvelope<string>>(ChanjingEndpoints.CreateAvatarVideo.Convert.Target);
        Assert.IsType<FastEnvelope<AvatarVideo>>(ChanjingEndpoints.GetAvatarVideo.Convert.Target);
        Assert.IsNotType<FastEnvelope<string>>(ChanjingEndpoints.CreateSpeech.Convert.Target); // answers {task_id}
    }

    [Fact]
    public async Task SendOnce_SuccessAccepted_ReturnsTheFastResult()
    {
        var calls = 0;
        var endpoint = Endpoint(accept: true, () => calls++);

        Assert.Equal("fast", await Send(endpoint, HttpStatusCode.OK));
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task SendOnce_SuccessDeclined_ReadsTheUsualWay()
    {
        var calls = 0;
        var endpoint = Endpoint(accept: false, () => calls++);

        Assert.Equal("usual", await Send(endpoint, HttpStatusCode.OK));
        Assert.Equal(1, calls);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.Found)]
    public async Task SendOnce_NotSuccess_NeverAsksTheFastReader(HttpStatusCode status)
    {
        var calls = 0;
        var endpoint = Endpoint(accept: true, () => calls++);

        await Assert.ThrowsAsync<ChanjingException>(() => Send(endpoint, status));
        Assert.Equal(0, calls);
    }

    private static ChanjingEndpoint<string> Endpoint(bool accept, Action called) =>
        new("probe", HttpMethod.Get, "open/v1/probe", RequestKind.Read, authenticated: true, sensitive: false, static r => r.Data.GetString()!, (ReadOnlyMemory<byte> body, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out string result) =>
        {
            called();
            result = accept ? "fast" : null;
            return accept;
        });

    private static async Task<string> Send(ChanjingEndpoint<string> endpoint, HttpStatusCode status)
    {
        using var http = new HttpClient(new FixedResponse(status));
        return await Transport.SendOnceAsync(http, endpoint.Call(), "token", endpoint.Convert, CancellationToken.None);
    }

    private sealed class FixedResponse(HttpStatusCode status) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status) { Content = new ByteArrayContent(Envelope), RequestMessage = request });
    }
}
