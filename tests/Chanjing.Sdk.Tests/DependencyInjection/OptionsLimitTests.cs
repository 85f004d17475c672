using System.Net;
using System.Text.Json.Nodes;
using Chanjing.Sdk.Tests.TestSupport;

namespace Chanjing.Sdk.Tests.DependencyInjection;

/// <summary>Options outside what the resilience strategies accept are refused naming the setting (found by an adversarial review).</summary>
public sealed class OptionsLimitTests
{
    [Theory]
    [InlineData("OperationTimeout")]
    [InlineData("AttemptTimeout")]
    [InlineData("Retry.BaseDelay")]
    public void Options_OutsideWhatTheResilienceStrategiesAccept_OptionsValidationExceptionNamingIt(string setting)
    {
        var options = new ChanjingOptions { AccessToken = "t" };
        switch (setting)
        {
            case "OperationTimeout": options.OperationTimeout = TimeSpan.FromHours(25); break;
            case "AttemptTimeout": options.AttemptTimeout = TimeSpan.FromMilliseconds(5); break;
            default: options.Retry.BaseDelay = TimeSpan.FromDays(2); break;
        }

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => new ChanjingClient(new HttpClient(), options));

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }
}
