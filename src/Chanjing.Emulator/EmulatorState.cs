using Chanjing.Emulator.AvatarDesign;
using Chanjing.Emulator.Avatars;
using Chanjing.Emulator.AvatarVideos;
using Chanjing.Emulator.Callbacks;
using Chanjing.Emulator.Faults;
using Chanjing.Emulator.Files;
using Chanjing.Emulator.Journal;
using Chanjing.Emulator.LipSync;
using Chanjing.Emulator.Media;
using Chanjing.Emulator.RateLimits;
using Chanjing.Emulator.Speech;
using Chanjing.Emulator.Tasks;
using Chanjing.Emulator.Tokens;
using Chanjing.Emulator.Voices;

namespace Chanjing.Emulator;

/// <summary>
/// Everything the emulated service knows, one part per area: tokens, AI-creation tasks, public voices and avatars,
/// voice clones, customised avatars, avatar videos, speech and lip-sync videos (with their media outputs and callbacks),
/// avatar design, uploaded files, scripted faults and
/// the journal. Each part is thread-safe on its own.
/// </summary>
internal sealed class EmulatorState : IDisposable
{
    public EmulatorState(ChanjingEmulatorOptions options)
    {
        Options = options;
        AppId = options.AppId ?? "emulator-" + Guid.NewGuid().ToString("N").Substring(0, 8);
        Tokens = new TokenRegistry(options, AppId);
        var media = new MediaWriter(options);
        Tasks = new TaskStore(options, () => BaseAddress, media);
        Files = new FileStore(options, () => BaseAddress);
        Voices = new VoiceCatalog(() => BaseAddress);
        PublicAvatars = new PublicAvatarCatalog(() => BaseAddress, media, Voices);
        Persons = new CustomisedPersonStore(options, () => BaseAddress, Files, media);
        CustomVoices = new CustomVoiceStore(options, () => BaseAddress, Files, Persons);
        Videos = new AvatarVideoStore(options, () => BaseAddress, Files, Persons, CustomVoices, media);
        Speech = new SpeechTaskStore(options, () => BaseAddress, CustomVoices);
        LipSyncs = new LipSyncStore(options, () => BaseAddress, Files, CustomVoices, media);
        AvatarDesigns = new AvatarDesignStore(options, () => BaseAddress, media);
        Loras = new LoraStore(options, AvatarDesigns);
        Callbacks = new CallbackDispatcher(options, Journal, Tasks);
        LipSyncs.Ended += (video, envelope) => Callbacks.Send(video.Id, video.Request.Callback!, envelope);
        Persons.Ended += (person, json) => Callbacks.Send(person.Id, person.Callback!, json);
        Videos.Ended += (video, json) => Callbacks.Send(video.Id, video.Request.Callback!, json);
        CustomVoices.Ended += (voice, json) => Callbacks.Send(voice.Id, voice.Callback!, json);
        Speech.Ended += (task, json) => Callbacks.Send(task.Id, task.Callback!, json);
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

    public VoiceCatalog Voices { get; }

    public PublicAvatarCatalog PublicAvatars { get; }

    public CustomisedPersonStore Persons { get; }

    public AvatarVideoStore Videos { get; }

    public CustomVoiceStore CustomVoices { get; }

    public SpeechTaskStore Speech { get; }

    public LipSyncStore LipSyncs { get; }

    public AvatarDesignStore AvatarDesigns { get; }

    public LoraStore Loras { get; }

    public FaultQueue Faults { get; } = new();

    public EndpointRateLimiter RateLimits { get; }

    public RequestJournal Journal { get; } = new();

    public CallbackDispatcher Callbacks { get; }

    public void Dispose()
    {
        Tasks.Dispose();
        Persons.Dispose();
        Videos.Dispose();
        CustomVoices.Dispose();
        Speech.Dispose();
        LipSyncs.Dispose();
        Callbacks.Dispose();
    }
}
