using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chanjing.Emulator.Files;
using Chanjing.Emulator.Http;
using Chanjing.Emulator.Media;

namespace Chanjing.Emulator.Avatars;

/// <summary>A person as GET, the list and the callback report it, and its status as time passes.</summary>
internal sealed partial class CustomisedPersonStore
{
    private (int Status, int Progress, string Reason) Status(CustomisedPerson person)
    {
        if (person.ForcedStatus is { } forced)
        {
            return (forced, forced == 2 ? 100 : 0, person.ForcedReason ?? (forced is 4 or 5 ? SystemErrorReason : string.Empty));
        }

        var age = Now - person.CreatedAt;
        if (age < ProductionTime)
        {
            return (1, (int)Math.Clamp(age / ProductionTime * 100, 0, 99), string.Empty);
        }

        return (person.PlannedStatus, person.PlannedStatus == 2 ? 100 : 0, person.PlannedReason);
    }

    private JsonObject ToJson(CustomisedPerson person)
    {
        var (status, progress, reason) = Status(person);
        var done = status == 2;
        var support4K = person.ResolutionRate == 1;
        return new JsonObject
        {
            ["id"] = person.Id,
            ["name"] = person.Name,
            ["type"] = "person",
            ["pic_url"] = done ? Url(person, ".png") : string.Empty,
            ["preview_url"] = done ? Url(person, ".mp4") : string.Empty,
            ["width"] = done ? person.SourceSize.Width : 0,
            ["height"] = done ? person.SourceSize.Height : 0,
            ["audio_man_id"] = done ? person.VoiceId : string.Empty,
            ["status"] = status,
            ["progress"] = progress,
            ["err_reason"] = reason,
            ["reason"] = reason,
            ["is_open"] = done ? 1 : 0,
            ["create_time"] = person.CreatedAt.ToUnixTimeSeconds(),
            ["support_4k"] = support4K,
            ["width_4k"] = support4K ? 2160 : 0,
            ["height_4k"] = support4K ? 3840 : 0,
        };
    }

    private string Url(CustomisedPerson person, string extension) => new Uri(baseAddress(), $"files/persons/{person.Id}{extension}").AbsoluteUri;
}
