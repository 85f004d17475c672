namespace Chanjing.Cli.Tests;

/// <summary>Help output, bad arguments (exit 2 before any network call) and credentials (exit 5).</summary>
public sealed class HelpAndUsageTests(TestEmulator service) : IClassFixture<TestEmulator>
{
    [Fact]
    public async Task Help_Root_ListsEveryCommandAndTheExitCodes()
    {
        var result = await CliProcess.RunAsync(null, "--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var command in new[] { "create", "task", "upload", "models", "emulator", "--emulator" })
        {
            Assert.Contains(command, result.Stdout, StringComparison.Ordinal);
        }

        Assert.Contains("CHANJING_ACCESS_TOKEN", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("4 wait timed out", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_Create_ListsEveryOption()
    {
        var result = await CliProcess.RunAsync(null, "create", "--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var option in new[] { "--model", "--prompt", "--image", "--start-frame", "--end-frame", "--source", "--aspect-ratio", "--clarity", "--duration", "--count", "--quality", "--field", "--callback", "--no-wait", "--output", "--timeout", "--json", "--emulator" })
        {
            Assert.Contains(option, result.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Help_Task_ListsItsSubcommands()
    {
        var result = await CliProcess.RunAsync(null, "task", "--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var command in new[] { "get", "wait", "download", "list" })
        {
            Assert.Contains(command, result.Stdout, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("--prompt", "create", "--model", "happyhorse-1.0-t2v")]
    [InlineData("missing.png", "create", "--model", "happyhorse-1.0-r2v", "--prompt", "a horse", "--image", "missing.png")]
    [InlineData("ultra", "create", "--model", "happyhorse-1.0-r2v", "--prompt", "a horse", "--quality", "ultra", "--image", "https://example.com/a.png")]
    [InlineData("--wobble", "create", "--model", "happyhorse-1.0-t2v", "--prompt", "a horse", "--wobble")]
    [InlineData("--count", "create", "--model", "doubao-seedream-4.5", "--prompt", "tea", "--count", "9")]
    [InlineData("--count", "create", "--model", "happyhorse-1.0-t2v", "--prompt", "a horse", "--count", "2")]
    [InlineData("--clarity", "create", "--model", "kling-v2-5-turbo-normal", "--prompt", "a horse", "--clarity", "1080")]
    [InlineData("--aspect-ratio", "create", "--model", "happyhorse-1.0-t2v", "--prompt", "a horse", "--aspect-ratio", "wide")]
    [InlineData("--field", "create", "--model", "happyhorse-1.0-t2v", "--prompt", "a horse", "--field", "style=anime")]
    [InlineData("--image", "create", "--model", "happyhorse-1.0-r2v", "--prompt", "a horse")]
    [InlineData("--timeout", "create", "--model", "happyhorse-1.0-t2v", "--prompt", "a horse", "--timeout", "soon")]
    [InlineData("audio", "task", "list", "--type", "audio")]
    [InlineData("--limit", "task", "list", "--limit", "0")]
    [InlineData("id", "task", "wait")]
    [InlineData("nothing.png", "upload", "nothing.png")]
    [InlineData("Required command", "task")]
    public async Task BadArguments_ExitTwoNamingTheProblem_BeforeAnyRequest(string named, params string[] arguments)
    {
        service.Emulator.ClearJournal();

        var result = await CliProcess.RunAsync(service.Environment, arguments);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(named, result.Stderr, StringComparison.Ordinal);
        Assert.Contains("--help", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Empty(service.Emulator.Journal);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("1e12")]
    [InlineData("999999999h")]
    [InlineData("100000000:00:00")]
    [InlineData("200h")]
    public async Task Timeout_NotFiniteOrLongerThanTheLongestWait_ExitsTwoNamingTheOption(string value)
    {
        service.Emulator.ClearJournal();

        var result = await CliProcess.RunAsync(service.Environment, "task", "wait", "abc", "--timeout", value);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--timeout", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("168h", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(service.Emulator.Journal);
    }

    [Theory]
    [InlineData("http://example.com")]
    [InlineData("http://10.1.2.3:8080/")]
    public async Task BaseAddress_PlainHttpToAnotherHost_IsAConfigurationError_ExitTwo(string baseAddress)
    {
        var environment = new Dictionary<string, string> { ["CHANJING_BASE_ADDRESS"] = baseAddress, ["CHANJING_ACCESS_TOKEN"] = "token-1" };

        var result = await CliProcess.RunAsync(environment, "task", "get", "abc", "--json");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("CHANJING_BASE_ADDRESS", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("https", result.Stderr, StringComparison.Ordinal);
        using var document = System.Text.Json.JsonDocument.Parse(result.Stdout);
        Assert.Equal(2, document.RootElement.GetProperty("error").GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public async Task NoCredentials_IsTheFirstThingSaid_BeforeAnyNoticeAboutDefaults()
    {
        var result = await CliProcess.RunInAsync(null, AppContext.BaseDirectory, "create", "--model", "happyhorse-1.0-t2v", "--prompt", "a horse");

        Assert.True(result.ExitCode == 5, result.ToString());
        Assert.StartsWith("chanjing create: No Chanjing credentials", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("using --aspect-ratio", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--clarity", "create", "--model", "kling-v2-5-turbo-normal", "--prompt", "a horse", "--clarity", "1080")]
    [InlineData("--duration", "create", "--model", "happyhorse-1.0-t2v", "--prompt", "a horse", "--duration", "7")]
    [InlineData("--image", "create", "--model", "doubao-seedream-3.0-t2i", "--prompt", "a lantern", "--image", "https://res.chanjing.cc/a.png")]
    public async Task Create_RefusedByTheModelsRules_FailsBeforeSayingSubmitting(string named, params string[] arguments)
    {
        service.Emulator.ClearJournal();

        var result = await CliProcess.RunAsync(service.Environment, arguments);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(named, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Submitting", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("null", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(service.Emulator.Journal);
    }

    [Theory]
    [InlineData("task", "get", "abc")]
    [InlineData("create", "--model", "happyhorse-1.0-t2v", "--prompt", "a horse")]
    [InlineData("upload", "Chanjing.Cli.Tests.dll")]
    public async Task NoCredentials_ExitFiveNamingTheVariables(params string[] arguments)
    {
        var result = await CliProcess.RunInAsync(null, AppContext.BaseDirectory, arguments);

        Assert.True(result.ExitCode == 5, result.ToString());
        foreach (var variable in new[] { "CHANJING_ACCESS_TOKEN", "CHANJING_APP_ID", "CHANJING_SECRET_KEY", "--emulator" })
        {
            Assert.Contains(variable, result.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task WrongSecret_ExitFive_WithoutEchoingIt()
    {
        const string secret = "not-the-secret-3f9a1c";
        var environment = new Dictionary<string, string>
        {
            ["CHANJING_BASE_ADDRESS"] = service.Emulator.BaseAddress.AbsoluteUri,
            ["CHANJING_APP_ID"] = service.Emulator.AppId,
            ["CHANJING_SECRET_KEY"] = secret,
        };

        var result = await CliProcess.RunAsync(environment, "task", "get", "abc", "--json");

        Assert.True(result.ExitCode == 5, result.ToString());
        Assert.DoesNotContain(secret, result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.Contains("CHANJING_SECRET_KEY", result.Stderr, StringComparison.Ordinal);
        using var document = System.Text.Json.JsonDocument.Parse(result.Stdout);
        Assert.Equal(5, document.RootElement.GetProperty("error").GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public async Task AppIdAndSecret_AreUsed_WhenNoTokenIsSet()
    {
        var environment = new Dictionary<string, string>
        {
            ["CHANJING_BASE_ADDRESS"] = service.Emulator.BaseAddress.AbsoluteUri,
            ["CHANJING_APP_ID"] = service.Emulator.AppId,
            ["CHANJING_SECRET_KEY"] = service.Emulator.SecretKey,
        };

        var result = await CliProcess.RunAsync(environment, "task", "list", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain(service.Emulator.SecretKey, result.Stdout + result.Stderr, StringComparison.Ordinal);
    }
}
