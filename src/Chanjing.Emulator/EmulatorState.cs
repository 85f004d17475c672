using Chanjing.Emulator.Callbacks;
using Chanjing.Emulator.Faults;
using Chanjing.Emulator.Files;
using Chanjing.Emulator.Journal;
using Chanjing.Emulator.Media;
using Chanjing.Emulator.RateLimits;
using Chanjing.Emulator.Tasks;
using Chanjing.Emulator.Tokens;

namespace Chanjing.Emulator;

/// <summary>
/// Everything the emulated service knows, one part per area: tokens, tasks (with their media outputs and callbacks),
/// uploaded files, scripted faults and the journal. Each part is thread-safe on its own.
/// </summary>
internal sealed class EmulatorState : IDisposable
{
    public EmulatorState(ChanjingEmulatorOptions options)
    {
        Options = options;
        AppId = options.AppId ?? "emulator-" + Guid.NewGuid().ToString("N").Substring(0, 8);
        Tokens = new TokenRegistry(options, AppId);
        Tasks = new TaskStore(options, () => BaseAddress, new MediaWriter(options));
        Files = new FileStore(options, () => BaseAddress);
        Callbacks = new CallbackDispatcher(options, Journal, Tasks);
        RateLimits = new EndpointRateLimiter(options);
    }

    public ChanjingEmulatorOptions Options { get; }

    /// <summary>The app id this emulator accepts: the configured one, or one of its own chosen at start.</summary>
    public string AppId { get; }

    /// <summary>The address in the URLs the emulator hands out; set once the server listens.</summary>
    public Uri BaseAddress { get; set; } = new("http://127.0.0.1/");

    public TokenRegistry Tokens { get; }

    public TaskStore Tasks { get; }

    public FileStore Files { get; }

    public FaultQueue Faults { get; } = new();

    public EndpointRateLimiter RateLimits { get; }

    public RequestJournal Journal { get; } = new();

    public CallbackDispatcher Callbacks { get; }

    public void Dispose()
    {
        Tasks.Dispose();
        Callbacks.Dispose();
    }
}
