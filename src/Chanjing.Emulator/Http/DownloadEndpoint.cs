using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Chanjing.Emulator.Http;

/// <summary>
/// GET and HEAD of produced outputs (<c>files/outputs/</c> AI creation, <c>files/videos/</c> avatar videos,
/// <c>files/persons/</c> customised avatars, <c>files/speech/</c> TTS audio, <c>files/voices/</c> cloned voices' training
/// clips, <c>files/lipsync/</c> lip-sync videos, <c>files/aigc/</c> avatar design), public assets (<c>files/assets/avatars/</c>, <c>files/assets/voices/</c>)
/// and uploaded files (<c>files/uploads/</c>), with single byte ranges.
/// </summary>
internal static class DownloadEndpoint
{
    public static EmulatorResponse Serve(HttpRequest request, EmulatorState state)
    {
        var path = request.Path.Value!;
        var file = path.StartsWith("/files/outputs/", StringComparison.Ordinal) ? state.Tasks.Output(path["/files/outputs/".Length..])
            : path.StartsWith("/files/uploads/", StringComparison.Ordinal) ? state.Files.Content(path["/files/uploads/".Length..])
            : path.StartsWith("/files/videos/", StringComparison.Ordinal) ? state.Videos.Output(path["/files/videos/".Length..])
            : path.StartsWith("/files/lipsync/", StringComparison.Ordinal) ? state.LipSyncs.Output(path["/files/lipsync/".Length..])
            : path.StartsWith("/files/aigc/", StringComparison.Ordinal) ? state.AvatarDesigns.Output(path["/files/aigc/".Length..])
            : path.StartsWith("/files/persons/", StringComparison.Ordinal) ? state.Persons.Output(path["/files/persons/".Length..])
            : path.StartsWith("/files/speech/", StringComparison.Ordinal) ? state.Speech.Output(path["/files/speech/".Length..])
            : path.StartsWith("/files/voices/", StringComparison.Ordinal) ? state.CustomVoices.Clip(path["/files/voices/".Length..])
            : path.StartsWith("/files/assets/avatars/", StringComparison.Ordinal) ? state.PublicAvatars.Asset(path["/files/assets/avatars/".Length..])
            : path.StartsWith("/files/assets/voices/", StringComparison.Ordinal) ? state.Voices.Sample(path["/files/assets/voices/".Length..])
            : null;
        if (file is not var (content, contentType))
        {
            return new EmulatorResponse(404, "application/xml", "<Error><Code>NoSuchKey</Code></Error>"u8.ToArray());
        }

        var headers = new Dictionary<string, string> { ["Accept-Ranges"] = "bytes" };
        var range = request.Headers.Range.ToString();
        if (range.StartsWith("bytes=", StringComparison.Ordinal))
        {
            var parts = range["bytes=".Length..].Split('-');
            if (long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start))
            {
                var end = parts.Length > 1 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var e) ? Math.Min(e, content.Length - 1) : content.Length - 1;
                if (start >= content.Length || end < start)
                {
                    headers["Content-Range"] = $"bytes */{content.Length}";
                    return new EmulatorResponse(416, "text/plain", [], headers);
                }

                headers["Content-Range"] = $"bytes {start}-{end}/{content.Length}";
                return new EmulatorResponse(206, contentType, content.AsSpan((int)start, (int)(end - start + 1)).ToArray(), headers);
            }
        }

        return new EmulatorResponse(200, contentType, content, headers);
    }
}
