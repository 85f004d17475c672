using System.Diagnostics;
using System.Globalization;
using Chanjing.Samples;
using Chanjing.Sdk;

// A short Chinese script → a talking-avatar video in ./output/: a public avatar picked by tag, its own voice, subtitles on.
//   dotnet run --project samples/Chanjing.AvatarVideo [-- --text "..." --tag 口播 --output ./output --clone-voice me.wav]
// --clone-voice FILE first clones a voice from a recording (mp3, wav or m4a; the service wants 30 s to 5 min, the
// emulator at least 10 s) and makes the avatar speak with it instead of its own voice.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var script = "大家好，欢迎来到蝉镜。只需要一段文字，数字人就能为你开口说话，还会配上字幕。";
var wantedTag = "口播";
var output = Path.Combine(Environment.CurrentDirectory, "output");
string? cloneFrom = null;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--text": script = args[i + 1]; break;
        case "--tag": wantedTag = args[i + 1]; break;
        case "--output": output = Path.GetFullPath(args[i + 1]); break;
        case "--clone-voice": cloneFrom = Path.GetFullPath(args[i + 1]); break;
        default:
            Console.Error.WriteLine($"error: unknown argument '{args[i]}'. Use --text, --tag, --output, --clone-voice.");
            return 2;
    }
}

try
{
    await using var account = await SampleAccount.CreateAsync();
    Console.WriteLine(account.Description);
    using var client = new ChanjingClient(account.Options);

    // 1. A tag from the dictionary (a digital-human tag, business type 1), then the public avatars that carry it.
    var categories = await client.Avatars.ListTagsAsync(cancel.Token);
    var tags = categories.Where(c => c.BusinessType == 1).SelectMany(c => c.Tags).ToList();
    var tag = tags.FirstOrDefault(t => t.Name == wantedTag) ?? tags.FirstOrDefault();
    var query = new PublicAvatarQuery();
    if (tag is not null)
    {
        query.TagIds.Add(tag.Id);
    }

    PublicAvatar? avatar = null;
    await foreach (var candidate in client.Avatars.ListPublicAsync(query, cancel.Token))
    {
        if (candidate.Figures.Count > 0 && !string.IsNullOrEmpty(candidate.VoiceId))
        {
            avatar = candidate;
            break;
        }
    }

    if (avatar is null)
    {
        Console.Error.WriteLine($"error: no public avatar with a voice carries the tag {tag}.");
        return 1;
    }

    // 2. One of its figures (the service's size for it) and its own voice, or a voice cloned from --clone-voice;
    //    subtitles with Chanjing's default box.
    var figure = avatar.Figures.FirstOrDefault(f => f.Width <= 1080 && f.Height <= 1920) ?? avatar.Figures[0];
    var voiceId = avatar.VoiceId!;
    var voiceName = avatar.VoiceName ?? avatar.VoiceId;
    if (cloneFrom is not null)
    {
        var cloneOptions = new WaitOptions { PollInterval = account.Emulator is null ? TimeSpan.FromSeconds(5) : TimeSpan.FromMilliseconds(500) };
        var voice = await client.Voices.GenerateAsync(new VoiceCloneRequest("AvatarVideo sample voice", MediaSource.FromFile(cloneFrom)), cloneOptions, cancellationToken: cancel.Token);
        Console.WriteLine($"Cloned voice {voice.Id} from {Path.GetFileName(cloneFrom)}.");
        (voiceId, voiceName) = (voice.Id, voice.Id);
    }

    Console.WriteLine($"Tag {tag?.Name ?? "(none)"}: avatar {avatar.Name} ({avatar.Id}), figure {figure}, voice {voiceName}.");
    var request = new AvatarVideoRequest(VideoAvatar.FromFigure(avatar, figure), AvatarVideoAudio.FromText(script, voiceId))
    {
        Subtitles = new AvatarVideoSubtitles(),
    };

    // 3. Create and wait, with the service's percentage; then save the MP4.
    var clock = Stopwatch.StartNew();
    var options = new WaitOptions
    {
        PollInterval = account.Emulator is null ? TimeSpan.FromSeconds(2) : TimeSpan.FromMilliseconds(500),
        OnSubmitted = id => Console.WriteLine($"Created video {id}."),
    };
    var progress = new ConsoleProgress<AvatarVideo>(v => Console.WriteLine($"[{clock.Elapsed:mm\\:ss\\.f}] {v.Status} {v.Progress ?? 0}%"));
    var video = await client.AvatarVideos.GenerateAsync(request, options, progress, cancel.Token);
    Console.WriteLine($"Video URL: {video.VideoUrl}");

    var saved = await client.DownloadOutputsAsync(video, output, cancellationToken: cancel.Token);
    var duration = video.Duration is { } d ? d.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s" : "unknown";
    Console.WriteLine($"Saved {new FileInfo(saved[0]).Length.ToString("N0", CultureInfo.InvariantCulture)} bytes ({duration}) to {saved[0]}");
    return 0;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("error: cancelled.");
    return 2;
}
catch (ChanjingTaskFailedException failed)
{
    Console.Error.WriteLine($"error: the {(failed.Job is CustomVoice ? "voice clone" : "video")} failed: {failed.ServiceMessage}{(failed.IsBillingFailure ? " (top up the Chanjing account)" : string.Empty)}");
    return 1;
}
catch (Exception ex) when (ex is ChanjingException or ArgumentException or IOException)
{
    Console.Error.WriteLine($"error: {ex.Message.ReplaceLineEndings(" ")}");
    return 1;
}
