namespace Chanjing.Emulator;

/// <summary>One request the emulator received (or a callback it sent, <see cref="EmulatorEndpoint.Callback"/>), with secrets redacted.</summary>
/// <param name="Endpoint">The endpoint.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path.</param>
/// <param name="Query">The query string, including '?', or empty.</param>
/// <param name="Body">The body as text (JSON bodies with <c>secret_key</c> redacted; binary bodies and token requests that are not JSON summarized).</param>
/// <param name="AccessToken">Whether an <c>access_token</c> header was sent (the token itself is not kept).</param>
/// <param name="ReceivedAt">When it arrived, on the emulator's clock.</param>
/// <param name="Range">The <c>Range</c> header, if any.</param>
/// <param name="ContentType">The request's <c>Content-Type</c>, if any.</param>
public sealed record EmulatorRequest(EmulatorEndpoint Endpoint, string Method, string Path, string Query, string Body, bool AccessToken, DateTimeOffset ReceivedAt, string? Range, string? ContentType);
