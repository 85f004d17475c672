namespace Chanjing.Sdk.Internal.Http;

/// <summary>One call to the service.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="PathAndQuery">The path relative to the base address, with its query.</param>
/// <param name="JsonBody">The UTF-8 JSON body, if any.</param>
/// <param name="Kind">Which retry rules apply.</param>
/// <param name="Authenticated">Whether the <c>access_token</c> header is sent.</param>
/// <param name="Operation">The name used in messages, logs and traces.</param>
/// <param name="Sensitive">The response carries credentials (a token, a signed URL): no excerpt of its body may reach a message.</param>
internal sealed record ChanjingRequest(HttpMethod Method, string PathAndQuery, byte[]? JsonBody, RequestKind Kind, bool Authenticated, string Operation, bool Sensitive = false);
