using Spectre.Console;

namespace Chanjing.Cli.Display;

/// <summary>
/// Where a command writes: data on stdout, progress and messages on stderr. A live display (Spectre.Console) is used
/// only when stderr is a terminal; otherwise progress is plain lines, one per event, for logs and CI.
/// </summary>
internal sealed class CliConsole
{
    private readonly object _gate = new();
    private readonly List<string> _held = [];
    private IAnsiConsole? _live;

    private CliConsole(TextWriter output, TextWriter error, bool errorIsTerminal, bool outputIsTerminal)
    {
        Output = output;
        Error = error;
        IsLive = errorIsTerminal && !string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);
        OutputIsTerminal = outputIsTerminal;
        ErrorConsole = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error) });
        OutputConsole = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        if (!outputIsTerminal)
        {
            // Redirected tables are read by people later (logs, files): wide enough not to wrap model codes.
            OutputConsole.Profile.Width = 200;
        }
    }

    /// <summary>stdout: data only (ids, paths, URLs, tables, JSON).</summary>
    public TextWriter Output { get; }

    /// <summary>stderr: progress and messages.</summary>
    public TextWriter Error { get; }

    /// <summary>Whether stderr is a terminal that gets a live display.</summary>
    public bool IsLive { get; }

    /// <summary>Whether stdout is a terminal (then data lines written during a live display wait for its end).</summary>
    public bool OutputIsTerminal { get; }

    /// <summary>The stderr console for live displays.</summary>
    public IAnsiConsole ErrorConsole { get; }

    /// <summary>The stdout console for tables.</summary>
    public IAnsiConsole OutputConsole { get; }

    /// <summary>The process's console.</summary>
    public static CliConsole FromProcess()
    {
        var output = Console.Out;
        var error = Console.Error;
        return new CliConsole(output, error, !Console.IsErrorRedirected, !Console.IsOutputRedirected);
    }

    /// <summary>Marks a live display as running on stderr (or ended, with null, which prints the data lines held meanwhile).</summary>
    /// <param name="console">The console the live display renders to, or null.</param>
    public void SetLive(IAnsiConsole? console)
    {
        lock (_gate)
        {
            _live = console;
            if (console is null && _held.Count > 0)
            {
                _held.ForEach(Output.WriteLine);
                _held.Clear();
                Output.Flush();
            }
        }
    }

    /// <summary>
    /// Writes one line of data to stdout at once; while a live display runs on the same terminal, the line is held
    /// until it ends (a write to stdout would tear the display it redraws in place).
    /// </summary>
    /// <param name="line">The line.</param>
    public void WriteData(string line)
    {
        lock (_gate)
        {
            if (_live is not null && OutputIsTerminal)
            {
                _held.Add(line);
            }
            else
            {
                Output.WriteLine(line);
                Output.Flush();
            }
        }
    }

    /// <summary>Writes one line of progress or a message to stderr (above a running live display).</summary>
    /// <param name="line">The line.</param>
    public void Info(string line)
    {
        lock (_gate)
        {
            if (_live is not null)
            {
                _live.WriteLine(line);
            }
            else
            {
                Error.WriteLine(line);
                Error.Flush();
            }
        }
    }

    /// <summary>Writes an error message to stderr, prefixed with the command's name.</summary>
    /// <param name="command">The command, for example <c>chanjing create</c>.</param>
    /// <param name="message">The message.</param>
    public void Fail(string command, string message) => Info($"{command}: {message}");
}
