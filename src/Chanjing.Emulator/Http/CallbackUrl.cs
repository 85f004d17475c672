using System.Text.Json;
using System.Text.Json.Nodes;

namespace Chanjing.Emulator.Http;

/// <summary>The optional <c>callback</c> of a create body: absent, null or empty, or an absolute http(s) URL.</summary>
internal static class CallbackUrl
{
    public static bool TryParse(JsonNode? node, out Uri? url)
    {
        url = null;
        if (node is null || (node.GetValueKind() == JsonValueKind.String && ((string)node!).Length == 0))
        {
            return true;
        }

        return node.GetValueKind() == JsonValueKind.String
            && Uri.TryCreate((string)node!, UriKind.Absolute, out url)
            && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);
    }
}
