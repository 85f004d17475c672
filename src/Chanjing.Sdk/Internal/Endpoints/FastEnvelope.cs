using System.Diagnostics.CodeAnalysis;

namespace Chanjing.Sdk.Internal.Endpoints;

/// <summary>
/// Reads the whole body of a 2xx response in one pass, without a <see cref="System.Text.Json.JsonDocument"/>, or declines
/// (returns false) for anything it is not sure of. Declining is always safe: the caller then reads the body the usual way,
/// which gives the same result or the typed error. It never throws.
/// </summary>
internal delegate bool FastEnvelopeReader<T>(ReadOnlyMemory<byte> body, [MaybeNullWhen(false)] out T result);

/// <summary>
/// An endpoint's converter that also carries its fast reader. <see cref="ChanjingEndpoint{T}.Convert"/> is bound to
/// <see cref="Convert"/> of one of these, so the transport finds the fast reader as the delegate's target without any
/// other parameter; a converter that is not one of these (a test's own lambda) simply has no fast path.
/// </summary>
internal sealed class FastEnvelope<T>(Func<ServiceResponse, T> convert, FastEnvelopeReader<T> fast)
{
    /// <summary>Converts a successful envelope that went the usual way.</summary>
    public T Convert(ServiceResponse response) => convert(response);

    /// <summary>Reads a 2xx body directly, or declines.</summary>
    public bool TryRead(ReadOnlyMemory<byte> body, [MaybeNullWhen(false)] out T result) => fast(body, out result);
}
