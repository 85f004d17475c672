using System.CommandLine;
using System.Reflection;
using Chanjing.Cli.Display;
using Chanjing.Cli.Infrastructure;
using Chanjing.Extensions.AI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

// The tools are experimental in Chanjing.Extensions.AI (CHANJINGAI001); this command is where the tool serves them.
#pragma warning disable CHANJINGAI001

namespace Chanjing.Cli.Commands;

/// <summary>
/// <c>chanjing mcp</c>: the tools of <see cref="ChanjingAIExtensions.AsAITools"/> served over MCP on stdio, so an MCP
/// client (an IDE, a desktop assistant) can make videos with the user's CHANJING_* credentials or <c>--emulator</c>.
/// Stdout carries only the protocol: every log line goes to stderr.
/// </summary>
internal static class McpCommand
{
    /// <summary>Builds the command.</summary>
    /// <param name="console">The console (only its error side is written to).</param>
    /// <returns>The command.</returns>
    public static Command Build(CliConsole console)
    {
        var verbose = new Option<bool>("--verbose")
        {
            Description = "Also log the MCP session itself (requests, notifications) to stderr.",
        };
        var command = new Command(
            "mcp",
            "Serve Chanjing's tools to an MCP client over stdio: generate a video from text or images, make a talking-avatar video, " +
            "wait for a task by id, list avatars and voices. Stdout is the protocol; logs go to stderr. Ends when the client closes stdin.")
        {
            verbose,
        };
        command.SetAction(CliApplication.Action(console, "chanjing mcp", async run =>
        {
            using var loggerFactory = LoggerFactory.Create(logging => logging
                .AddProvider(new StderrLoggerProvider(console.Error))
                .SetMinimumLevel(LogLevel.Information)
                .AddFilter("ModelContextProtocol", run.Parse.GetValue(verbose) ? LogLevel.Debug : LogLevel.Warning));
            await using var connection = await run.ConnectAsync().ConfigureAwait(false);
            var tools = connection.Client.AsAITools(new ChanjingAIToolOptions
            {
                LoggerFactory = loggerFactory,
                Polling = connection.WaitOptions,
            });
            var collection = new McpServerPrimitiveCollection<McpServerTool>();
            foreach (var tool in tools.OfType<AIFunction>())
            {
                collection.Add(McpServerTool.Create(tool));
            }

            var options = new McpServerOptions
            {
                ServerInfo = new Implementation { Name = "chanjing", Version = Version() },
                ServerInstructions = "Chanjing makes AI videos and talking-avatar videos. Generating costs money per call: when a result says " +
                    "\"still_running\", call chanjing_wait_for_task with its task_id rather than generating again.",
                ToolCollection = collection,
            };
            var logger = loggerFactory.CreateLogger("Chanjing.Cli.Mcp");
            logger.LogInformation("chanjing mcp: serving {Count} tools over stdio{Target}.", collection.Count, connection.IsEmulator ? " against an in-process emulator" : string.Empty);
            await using var transport = new StdioServerTransport(options, loggerFactory);
            await using var server = McpServer.Create(transport, options, loggerFactory);
            await server.RunAsync(run.CancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static string Version() =>
        typeof(McpCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>Writes log lines to stderr, one per entry (never stdout: that is the protocol).</summary>
    private sealed class StderrLoggerProvider(TextWriter error) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new StderrLogger(error, categoryName);

        public void Dispose()
        {
        }

        private sealed class StderrLogger(TextWriter error, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (!IsEnabled(logLevel))
                {
                    return;
                }

                var line = $"{DateTimeOffset.Now:HH:mm:ss} {Level(logLevel)} {category}: {formatter(state, exception)}";
                lock (error)
                {
                    error.WriteLine(exception is null ? line : line + Environment.NewLine + "  " + exception.GetType().Name + ": " + exception.Message);
                    error.Flush();
                }
            }

            private static string Level(LogLevel level) => level switch
            {
                LogLevel.Trace => "trce",
                LogLevel.Debug => "dbug",
                LogLevel.Information => "info",
                LogLevel.Warning => "warn",
                LogLevel.Error => "fail",
                _ => "crit",
            };
        }
    }
}
