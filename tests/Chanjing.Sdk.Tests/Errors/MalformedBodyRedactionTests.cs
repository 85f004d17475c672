using System.Net;
using System.Text.Json.Nodes;
using Chanjing.Sdk.Tests.TestSupport;

namespace Chanjing.Sdk.Tests.Errors;

/// <summary>A malformed body never quotes a signed URL's query in the exception (found by an adversarial review).</summary>
public sealed class MalformedBodyRedactionTests
{
    [Fact]
    public async Task MalformedBody_SignedUrlWithJsonEscapedSlashes_QueryNotInTheException()
    {
        var handler = new LambdaHandler((_, _) => Task.FromResult(Wire.Json("""{"code":0,"msg":"success","data":{"unique_id":"t1","output_url":["https:\/\/cdn.example\/v.mp4?Expires=1&Signature=SECRETSIG""")));
        using var client = handler.CreateClient();

        var error = await Assert.ThrowsAnyAsync<ChanjingException>(() => client.GetTaskAsync("t1"));

        Assert.DoesNotContain("SECRETSIG", error.ToString(), StringComparison.Ordinal);
    }
}
