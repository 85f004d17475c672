using RichardSzalay.MockHttp;

namespace Chanjing.Sdk.Tests.TestSupport;

/// <summary>Creates a client over MockHttp. Retries are off unless a test turns them on, so each test sees its own requests.</summary>
internal static class Sut
{
    public const string Token = "fixed-test-token";

    public static ChanjingOptions Options(Action<ChanjingOptions>? configure = null, TimeProvider? time = null)
    {
        var options = new ChanjingOptions
        {
            AccessToken = Token,
            Retry = { MaxAttempts = 0, BaseDelay = TimeSpan.FromMilliseconds(1) },
            AttemptTimeout = Timeout.InfiniteTimeSpan,
            OperationTimeout = Timeout.InfiniteTimeSpan,
            TimeProvider = time ?? TimeProvider.System,
        };
        configure?.Invoke(options);
        return options;
    }

    public static ChanjingClient CreateSut(MockHttpMessageHandler mock, Action<ChanjingOptions>? configure = null, TimeProvider? time = null) =>
        new(mock.ToHttpClient(), Options(configure, time));

    public static MockHttpMessageHandler StrictMock()
    {
        var mock = new MockHttpMessageHandler();
        mock.Fallback.Throw(new InvalidOperationException("Unexpected request"));
        return mock;
    }
}
