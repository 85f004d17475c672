namespace Chanjing.Sdk.Internal.Http;

/// <summary>
/// What one SDK call sent. A submit that failed is an unknown outcome only if some attempt's POST may have reached the
/// service and was not proven refused; a submit that never left (rate limiter, token fetch, retry delay) is known.
/// </summary>
internal sealed class SendLedger
{
    private int _unresolved;

    /// <summary>Some attempt may have reached the service without being proven refused.</summary>
    public bool MayHaveCreated => Volatile.Read(ref _unresolved) > 0;

    public void MaySend() => Interlocked.Increment(ref _unresolved);

    public void ProvenNotProcessed() => Interlocked.Decrement(ref _unresolved);
}
