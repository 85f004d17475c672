namespace Chanjing.Sdk.Tests.TestSupport;

/// <summary>A handler whose responses come from a delegate that sees the request's cancellation token.</summary>
internal sealed class LambdaHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond) : HttpMessageHandler
{
    private readonly Uri _service = new($"https://service-{Guid.NewGuid():N}.test/");
    private readonly SubmitRegistry _submits = SubmitRegistry.CreateForTests();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _count);
        return respond(request, cancellationToken);
    }

    /// <summary>
    /// A client of this handler. Each handler is its own service, with its own registry of submits (the SDK shares one per
    /// process), so the clients of one test share submits in flight and ids returned, and tests running in parallel do
    /// not; <paramref name="configure"/> may set another address.
    /// </summary>
    public ChanjingClient CreateClient(Action<ChanjingOptions>? configure = null, TimeProvider? time = null, TimeSpan? httpTimeout = null) =>
        new(new HttpClient(this) { Timeout = httpTimeout ?? Timeout.InfiniteTimeSpan }, Sut.Options(o => { o.BaseAddress = _service; o.SubmitRegistry = _submits; configure?.Invoke(o); }, time));
}
