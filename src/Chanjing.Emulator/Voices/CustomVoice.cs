namespace Chanjing.Emulator.Voices;

/// <summary>One cloned voice (定制声音): its request, how it will end, the sample's samples when known, and any status a test forced.</summary>
internal sealed class CustomVoice
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>The model, lower-cased (<c>cicada1.0</c>, <c>cicada3.0</c>, <c>cicada3.0-turbo</c>): the <c>type</c> reported.</summary>
    public required string Model { get; init; }

    public required string Language { get; init; }

    /// <summary>The reference audio's URL (<c>url</c>).</summary>
    public required string SampleUrl { get; init; }

    /// <summary>The reference audio's PCM when it is a 16-bit WAV uploaded to this emulator (the training clip is cut from it).</summary>
    public required Media.PcmAudio? SamplePcm { get; init; }

    public required Uri? Callback { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The status it ends with: 2, or 4 with <see cref="PlannedError"/>.</summary>
    public required int PlannedStatus { get; init; }

    public required string PlannedError { get; init; }

    /// <summary>Whether it expires (3) one production time after it became ready (the name held the expiry marker).</summary>
    public required bool Expires { get; init; }

    public int? ForcedStatus { get; set; }

    public string? ForcedError { get; set; }

    public bool CallbackStarted { get; set; }
}
