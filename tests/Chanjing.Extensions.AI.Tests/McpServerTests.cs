using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Chanjing.Extensions.AI.Tests;

/// <summary><c>chanjing mcp --emulator</c> run as a process, as an MCP host runs it, and driven by the MCP SDK's own client.</summary>
public sealed class McpServerTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

    /// <summary>The tool's entry assembly, built next to this test project in the same configuration.</summary>
    private static string ToolPath()
    {
        var configuration = typeof(McpServerTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var path = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Chanjing.Cli", "bin", configuration, "net10.0", "chanjing.dll"));
        Assert.True(File.Exists(path), $"The tool was not built at {path}.");
        return path;
    }

    private static string Text(CallToolResult result) => string.Concat(result.Content.OfType<TextContentBlock>().Select(b => b.Text));

    [Fact]
    public async Task McpEmulator_ClientListsAndCallsTheTools_VideoUrlReturnedAndLogsOnStderrOnly()
    {
        using var bound = new CancellationTokenSource(Bound);
        var stderr = new ConcurrentQueue<string>();
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "chanjing",
            Command = "dotnet",
            Arguments = [ToolPath(), "mcp", "--emulator"],
            WorkingDirectory = Path.GetTempPath(),
            // The emulator only: the user's credentials, if this machine has any, are not used.
            EnvironmentVariables = new Dictionary<string, string?>
            {
                ["CHANJING_ACCESS_TOKEN"] = null,
                ["CHANJING_APP_ID"] = null,
                ["CHANJING_SECRET_KEY"] = null,
                ["CHANJING_BASE_ADDRESS"] = null,
            },
            StandardErrorLines = stderr.Enqueue,
            ShutdownTimeout = TimeSpan.FromSeconds(10),
        });

        await using (var client = await McpClient.CreateAsync(transport, cancellationToken: bound.Token))
        {
            var tools = await client.ListToolsAsync(cancellationToken: bound.Token);

            Assert.Equal(
                ["chanjing_generate_video", "chanjing_list_avatars", "chanjing_list_voices", "chanjing_make_avatar_video", "chanjing_wait_for_task"],
                tools.Select(t => t.Name).Order(StringComparer.Ordinal));
            Assert.All(tools, t => Assert.Equal("object", t.JsonSchema.GetProperty("type").GetString()));
            Assert.Equal("chanjing", client.ServerInfo?.Name);

            var video = await client.CallToolAsync("chanjing_generate_video", new Dictionary<string, object?> { ["prompt"] = "a horse on the grassland" }, cancellationToken: bound.Token);
            var videoJson = JsonDocument.Parse(Text(video)).RootElement;
            Assert.NotEqual(true, video.IsError);
            Assert.Equal("succeeded", videoJson.GetProperty("status").GetString());
            Assert.Matches("^http://127\\.0\\.0\\.1:\\d+/.+\\.mp4$", videoJson.GetProperty("video_url").GetString());

            var waited = await client.CallToolAsync("chanjing_wait_for_task", new Dictionary<string, object?> { ["task_id"] = videoJson.GetProperty("task_id").GetString() }, cancellationToken: bound.Token);
            Assert.Equal(videoJson.GetProperty("video_url").GetString(), JsonDocument.Parse(Text(waited)).RootElement.GetProperty("video_url").GetString());

            var voices = await client.CallToolAsync("chanjing_list_voices", new Dictionary<string, object?> { ["limit"] = 1 }, cancellationToken: bound.Token);
            Assert.Single(JsonDocument.Parse(Text(voices)).RootElement.GetProperty("voices").EnumerateArray());

            var invalid = await client.CallToolAsync("chanjing_generate_video", new Dictionary<string, object?> { ["aspect_ratio"] = "16:9" }, cancellationToken: bound.Token);
            Assert.Equal("invalid_arguments", JsonDocument.Parse(Text(invalid)).RootElement.GetProperty("status").GetString());
        }

        Assert.Contains(stderr, l => l.Contains("serving 5 tools", StringComparison.Ordinal));
        Assert.Contains(stderr, l => l.Contains("chanjing_generate_video: Chanjing task", StringComparison.Ordinal) && l.Contains("submitted", StringComparison.Ordinal));
    }
}
