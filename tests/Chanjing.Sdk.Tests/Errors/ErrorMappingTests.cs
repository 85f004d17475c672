using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Chanjing.Sdk.Tests.TestSupport;
using RichardSzalay.MockHttp;

namespace Chanjing.Sdk.Tests.Errors;

public sealed class ErrorMappingTests
{
    public static TheoryData<int, Type, bool> Codes() => new()
    {
        { 400, typeof(ChanjingBadRequestException), false },
        { 10400, typeof(ChanjingAuthenticationException), false },
        { 40000, typeof(ChanjingInvalidParameterException), false },
        { 40001, typeof(ChanjingRateLimitException), true },
        { 50000, typeof(ChanjingServerException), true },
        { 12345, typeof(ChanjingException), false },
    };

    [Theory]
    [MemberData(nameof(Codes))]
    public async Task GetTaskAsync_BodyCode_ThrowsMappedTypeWithCodeTraceIdAndMessage(int code, Type expected, bool transient)
    {
        var mock = Sut.StrictMock();
        mock.When("*").Respond(_ => Wire.Json(Wire.Envelope(null, code, "参数错误: unique_id", traceId: "trace-abc")));
        using var client = Sut.CreateSut(mock);

        var error = await Assert.ThrowsAnyAsync<ChanjingException>(() => client.GetTaskAsync("t1"));

        Assert.Equal(expected, error.GetType());
        Assert.Equal(code, error.Code);
        Assert.Equal("trace-abc", error.TraceId);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Equal("参数错误: unique_id", error.ServiceMessage);
        Assert.Equal(transient, error.IsTransient);
        Assert.Contains("参数错误: unique_id", error.Message, StringComparison.Ordinal);
        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetTaskAsync_Http502HtmlPage_ThrowsTransientWithStatusAndOneLineSnippet()
    {
        var mock = Sut.StrictMock();
        mock.When("*").Respond(HttpStatusCode.BadGateway, "text/html", "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\n<center><h1>502 Bad Gateway</h1></center>\n</body>\n</html>");
        using var client = Sut.CreateSut(mock);

        var error = await Assert.ThrowsAsync<ChanjingException>(() => client.GetTaskAsync("t1"));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.True(error.IsTransient);
        Assert.Null(error.Code);
        Assert.Contains("502 Bad Gateway", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, false)]
    [InlineData(HttpStatusCode.RequestTimeout, true)]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    public async Task GetTaskAsync_NonSuccessStatusWithoutEnvelope_TransientOnlyFor408_429_5xx(HttpStatusCode status, bool transient)
    {
        var mock = Sut.StrictMock();
        mock.When("*").Respond(status, "text/plain", "nope");
        using var client = Sut.CreateSut(mock);

        var error = await Assert.ThrowsAsync<ChanjingException>(() => client.GetTaskAsync("t1"));

        Assert.Equal(status, error.StatusCode);
        Assert.Equal(transient, error.IsTransient);
    }

    [Fact]
    public async Task GetTaskAsync_Non2xxWithEnvelopeCode_MapsTheCodeAndKeepsStatus()
    {
        var mock = Sut.StrictMock();
        mock.When("*").Respond(_ => Wire.Json(Wire.Envelope(null, 40000, "bad"), HttpStatusCode.BadRequest));
        using var client = Sut.CreateSut(mock);

        var error = await Assert.ThrowsAsync<ChanjingInvalidParameterException>(() => client.GetTaskAsync("t1"));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    public static TheoryData<string, string> MalformedBodies() => new()
    {
        { "", "empty" },
        { "{\"trace_id\":\"x\",\"code\":0,\"msg\":\"success\",\"data\":{\"unique_id\":", "not valid JSON" },
        { "<html>ok</html>", "not valid JSON" },
        { "[1,2,3]", "not a Chanjing envelope" },
        { "{\"code\":\"zero\"}", "not a Chanjing envelope" },
        { Wire.Envelope(JsonValue.Create(123)), "could not be read" },
        { Wire.Envelope(null), "could not be read" },
        { Wire.Envelope(new JsonObject { ["unique_id"] = "t1", ["output_url"] = 5 }), "could not be read" },
        { Wire.Envelope(new JsonObject { ["unique_id"] = new JsonArray() }), "could not be read" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task GetTaskAsync_MalformedSuccessBody_ThrowsChanjingExceptionNotRawJsonErrors(string body, string expected)
    {
        var mock = Sut.StrictMock();
        mock.When("*").Respond(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        using var client = Sut.CreateSut(mock);

        var error = await Assert.ThrowsAsync<ChanjingException>(() => client.GetTaskAsync("t1"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitReferenceVideoAsync_DataOfWrongType_ThrowsChanjingException()
    {
        var mock = Sut.StrictMock();
        mock.When("*").Respond(_ => Wire.Ok(new JsonObject { ["id"] = 1 }));
        using var client = Sut.CreateSut(mock, o => o.Reconciliation.Enabled = false);

        var error = await Assert.ThrowsAsync<ChanjingSubmitOutcomeUnknownException>(() => client.SubmitReferenceVideoAsync(new ReferenceVideoRequest { Prompt = "p", ReferenceImageUrls = { new Uri("https://x/a.jpg") } }));

        Assert.Contains("could not be read", error.InnerException!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetTaskAsync_NetworkFailure_ThrowsTransientWithOriginalInner()
    {
        var mock = Sut.StrictMock();
        var failure = new HttpRequestException("Connection reset by peer", new SocketException((int)SocketError.ConnectionReset));
        mock.When("*").Throw(failure);
        using var client = Sut.CreateSut(mock);

        var error = await Assert.ThrowsAsync<ChanjingException>(() => client.GetTaskAsync("t1"));

        Assert.True(error.IsTransient);
        Assert.Same(failure, error.InnerException);
        Assert.Null(error.StatusCode);
    }

    [Fact]
    public async Task GetTaskAsync_CallerCancels_ThrowsOperationCanceled()
    {
        var handler = new LambdaHandler(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return Wire.Ok(Wire.Task("t1"));
        });
        using var client = handler.CreateClient();
        using var cts = new CancellationTokenSource();

        var call = client.GetTaskAsync("t1", cts.Token);
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    [Fact]
    public async Task GetTaskAsync_HttpClientTimeoutElapses_ThrowsTransientChanjingException()
    {
        var handler = new LambdaHandler(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return Wire.Ok(Wire.Task("t1"));
        });
        using var client = handler.CreateClient(httpTimeout: TimeSpan.FromMilliseconds(50));

        var error = await Assert.ThrowsAsync<ChanjingException>(() => client.GetTaskAsync("t1"));

        Assert.True(error.IsTransient);
        Assert.Contains("HttpClient.Timeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TaskFailedException_CarriesTaskAndErrorMessage()
    {
        var task = ChanjingModelFactory.CreationTask("t9", CreationTaskStatus.Fail, errorMessage: "任务失败");

        var error = new ChanjingTaskFailedException(task);

        Assert.Same(task, error.Task);
        Assert.Equal("t9", error.TaskId);
        Assert.Contains("任务失败", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WaitTimeoutException_MessageSaysTaskMayStillRunAndHowToResume()
    {
        var error = new ChanjingWaitTimeoutException("t1", null, TimeSpan.FromMinutes(20));

        Assert.Equal("t1", error.TaskId);
        Assert.Contains("may still be running", error.Message, StringComparison.Ordinal);
        Assert.Contains("WaitForCompletionAsync(\"t1\")", error.Message, StringComparison.Ordinal);
    }
}
