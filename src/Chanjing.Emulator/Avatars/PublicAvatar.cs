namespace Chanjing.Emulator.Avatars;

/// <summary>One public avatar of the catalogue: its figures (<c>whole_body</c>, <c>sit_body</c>, <c>circle_view</c>), voice and tags.</summary>
internal sealed record PublicAvatar(string Id, string Name, string VoiceId, IReadOnlyList<int> TagIds, IReadOnlyList<string> FigureTypes)
{
    /// <summary>A figure's documented size: 1080x1920 for the body figures, 728x728 for <c>circle_view</c>.</summary>
    public static (int Width, int Height) FigureSize(string type) => type == "circle_view" ? (728, 728) : (1080, 1920);
}
