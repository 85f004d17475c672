using System.Net;

namespace Chanjing.Sdk.Tests.Reliability;

/// <summary>Defects the fuzzing of issue 13 found, one regression test each.</summary>
public sealed class ResponseReaderRegressionTests
{
    [Theory]
    [InlineData("{\"trace_id\":\"ab\u00c3(cd\",\"code\":0,\"msg\":\"success\",\"data\":\"id\"}")]
    [InlineData("{\"trace_id\":\"abcd\",\"code\":40000,\"msg\":\"bad \u00ff\u00fe text\",\"data\":null}")]
    public void Read_InvalidUtf8InsideEnvelopeString_ThrowsMalformedChanjingException(string latin1)
    {
        // Latin-1 code points map to single bytes: C3 28 and FF FE are invalid UTF-8 inside a JSON string.
        var body = System.Text.Encoding.Latin1.GetBytes(latin1);

        var error = Assert.ThrowsAny<ChanjingException>(() => ResponseReader.Read(HttpStatusCode.OK, null, body));

        Assert.True(error.IsTransient);
        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
    }
}
