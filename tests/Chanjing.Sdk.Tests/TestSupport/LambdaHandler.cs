namespace Chanjing.Sdk.Tests.TestSupport;

/// <summary>A handler whose responses come from a delegate that sees the request's cancellation token.</summary>
internal sealed class LambdaHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond) : HttpMessageHandler
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _count);
        return respond(request, cancellationToken);
    }

    public ChanjingClient CreateClient(Action<ChanjingOptions>? configure = null, TimeProvider? time = null, TimeSpan? httpTimeout = null) =>
        new(new HttpClient(this) { Timeout = httpTimeout ?? Timeout.InfiniteTimeSpan }, Sut.Options(configure, time));
}
