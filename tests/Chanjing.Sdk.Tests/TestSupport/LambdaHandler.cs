namespace Chanjing.Sdk.Tests.TestSupport;

/// <summary>A handler whose responses come from a delegate that sees the request's cancellation token.</summary>
internal sealed class LambdaHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond) : HttpMessageHandler
{
    private readonly Uri _service = new($"https://service-{Guid.NewGuid():N}.test/");
    private int _count;

    public int Count => Volatile.Read(ref _count);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _count);
        return respond(request, cancellationToken);
    }

    /// <summary>
    /// A client of this handler. Each handler is its own service address, so what the SDK shares per service (submits in
    /// flight, ids returned) is shared by the clients of one test and not across tests; <paramref name="configure"/> may
    /// set another address.
    /// </summary>
    public ChanjingClient CreateClient(Action<ChanjingOptions>? configure = null, TimeProvider? time = null, TimeSpan? httpTimeout = null) =>
        new(new HttpClient(this) { Timeout = httpTimeout ?? Timeout.InfiniteTimeSpan }, Sut.Options(o => { o.BaseAddress = _service; configure?.Invoke(o); }, time));
}
