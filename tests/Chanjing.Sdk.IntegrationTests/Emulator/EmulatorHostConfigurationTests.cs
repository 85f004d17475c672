using System.Net;
using System.Net.Sockets;
using Chanjing.Emulator;

namespace Chanjing.Sdk.IntegrationTests.Emulator;

/// <summary>Process-wide settings (environment variables, the working directory) that these tests change: nothing else runs meanwhile.</summary>
[CollectionDefinition(nameof(HostConfigurationCollection), DisableParallelization = true)]
public sealed class HostConfigurationCollection;

/// <summary>
/// The in-process emulator listens only where it was told, whatever the host process's configuration says: Kestrel
/// endpoints in environment variables or in an appsettings.json of the working directory are not its settings.
/// </summary>
[Collection(nameof(HostConfigurationCollection))]
public sealed class EmulatorHostConfigurationTests
{
    private const string KestrelUrlVariable = "Kestrel__Endpoints__Http__Url";

    [Fact]
    public async Task StartAsync_KestrelEndpointInEnvironment_ListensOnlyOnLoopback()
    {
        var port = FreePort();
        var before = Environment.GetEnvironmentVariable(KestrelUrlVariable);
        Environment.SetEnvironmentVariable(KestrelUrlVariable, $"http://0.0.0.0:{port}");
        try
        {
            await AssertTwoEmulatorsListenOnLoopbackOnlyAsync(port);
        }
        finally
        {
            Environment.SetEnvironmentVariable(KestrelUrlVariable, before);
        }
    }

    [Fact]
    public async Task StartAsync_AppSettingsWithKestrelInWorkingDirectory_ListensOnlyOnLoopback()
    {
        var port = FreePort();
        var directory = Directory.CreateTempSubdirectory("chanjing-emulator-host-");
        var before = Environment.CurrentDirectory;
        await File.WriteAllTextAsync(Path.Combine(directory.FullName, "appsettings.json"), "{\"Kestrel\":{\"Endpoints\":{\"Http\":{\"Url\":\"http://0.0.0.0:" + port + "\"}}}}");
        Environment.CurrentDirectory = directory.FullName;
        try
        {
            await AssertTwoEmulatorsListenOnLoopbackOnlyAsync(port);
        }
        finally
        {
            Environment.CurrentDirectory = before;
            directory.Delete(recursive: true);
        }
    }

    private static async Task AssertTwoEmulatorsListenOnLoopbackOnlyAsync(int configuredPort)
    {
        await using var first = await ChanjingEmulator.StartAsync();
        await using var second = await ChanjingEmulator.StartAsync();

        foreach (var emulator in new[] { first, second })
        {
            Assert.Equal("127.0.0.1", emulator.BaseAddress.Host);
            Assert.NotEqual(configuredPort, emulator.BaseAddress.Port);
            using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
            using var response = await http.GetAsync("open/v1/no_such_endpoint");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        Assert.NotEqual(first.BaseAddress.Port, second.BaseAddress.Port);

        // Nobody took the port the host's configuration names, on any interface.
        var listener = new TcpListener(IPAddress.Any, configuredPort);
        listener.Start();
        listener.Stop();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
