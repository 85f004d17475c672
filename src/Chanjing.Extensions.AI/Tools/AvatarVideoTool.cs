using System.Text.Json;
using Chanjing.Sdk;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Chanjing.Extensions.AI.Tools;

/// <summary><c>chanjing_make_avatar_video</c>: a public digital human speaks a script (TTS) in a video.</summary>
internal sealed class AvatarVideoTool(IChanjingClient client, ToolSettings settings) : ChanjingToolFunction(
    client,
    settings,
    "chanjing_make_avatar_video",
    "Make a talking-avatar video with Chanjing: a digital human speaks the script in a chosen voice, with subtitles. Waits and returns the video URL. " +
    "Each call starts a new paid task. If the status is \"still_running\", call chanjing_wait_for_task with its task_id and kind \"avatar_video\" instead of calling this again. " +
    "Pick avatar_id and voice_id from chanjing_list_avatars and chanjing_list_voices, or leave them out for the first public avatar speaking in its own voice.",
    $$"""
    {
      "type": "object",
      "properties": {
        "script": { "type": "string", "description": "What the avatar says, at most {{AvatarVideoAudio.MaxTextLength}} characters." },
        "avatar_id": { "type": "string", "description": "A public avatar id from chanjing_list_avatars. Default: the first public avatar." },
        "figure": { "type": "string", "enum": ["whole_body", "sit_body", "circle_view"], "description": "How the avatar is framed, among the figures it has. Default: its first." },
        "voice_id": { "type": "string", "description": "A voice id from chanjing_list_voices. Default: the avatar's own voice." },
        "subtitles": { "type": "boolean", "description": "Burn subtitles of the script into the video. Default true." }
      },
      "required": ["script"],
      "additionalProperties": false
    }
    """)
{
    /// <summary>The result of a finished avatar video.</summary>
    public static JsonElement Result(AvatarVideo video) => ToolResult.Succeeded(
        TaskKinds.AvatarVideo,
        video.Id,
        video.VideoUrl is { } url ? [url] : video.OutputUrls,
        r =>
        {
            if (video.Duration is { } duration)
            {
                r["duration_seconds"] = Math.Round(duration.TotalSeconds, 1);
            }
        });

    protected override async Task<JsonElement> RunAsync(AIFunctionArguments arguments, ILogger logger, CancellationToken cancellationToken)
    {
        var script = ToolArguments.RequiredString(arguments, "script");
        var avatarId = ToolArguments.String(arguments, "avatar_id");
        var figureName = ToolArguments.String(arguments, "figure");
        var subtitles = ToolArguments.Boolean(arguments, "subtitles") ?? true;
        var avatar = await FindAvatarAsync(avatarId, cancellationToken).ConfigureAwait(false);
        var figure = figureName is null
            ? avatar.Figures.FirstOrDefault()
            : avatar.Figures.FirstOrDefault(f => string.Equals(f.Type.Value, figureName, StringComparison.OrdinalIgnoreCase));
        if (figure is null)
        {
            throw new ToolArgumentException(figureName is null
                ? $"Avatar '{avatar.Id}' has no figure to film; choose another avatar_id."
                : $"Avatar '{avatar.Id}' has no '{figureName}' figure; it has: {string.Join(", ", avatar.Figures.Select(f => f.Type.Value))}.");
        }

        var voice = ToolArguments.String(arguments, "voice_id") ?? avatar.VoiceId
            ?? throw new ToolArgumentException($"Avatar '{avatar.Id}' has no voice of its own; pass voice_id (see chanjing_list_voices).");
        var request = new AvatarVideoRequest(VideoAvatar.FromFigure(avatar, figure), AvatarVideoAudio.FromText(script, voice))
        {
            Subtitles = subtitles ? new AvatarVideoSubtitles() : AvatarVideoSubtitles.Hidden,
        };
        return await WaitAsync<AvatarVideo>(
            TaskKinds.AvatarVideo,
            logger,
            (wait, progress) => Client.AvatarVideos.GenerateAsync(request, wait, progress, cancellationToken),
            Result).ConfigureAwait(false);
    }

    private async Task<PublicAvatar> FindAvatarAsync(string? avatarId, CancellationToken cancellationToken)
    {
        await foreach (var avatar in Client.Avatars.ListPublicAsync(null, cancellationToken).ConfigureAwait(false))
        {
            if (avatarId is null || string.Equals(avatar.Id, avatarId, StringComparison.Ordinal))
            {
                return avatar;
            }
        }

        throw new ToolArgumentException(avatarId is null
            ? "The account has no public avatars to choose from."
            : $"There is no public avatar '{avatarId}'; pick an id from chanjing_list_avatars.");
    }
}
