namespace Chanjing.Emulator.Voices;

/// <summary>One public voice of the catalogue.</summary>
internal sealed record PublicVoice(string Id, string Name, string Gender, string Lang, string Description, int Grade);
