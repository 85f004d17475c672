namespace Chanjing.Sdk.Tests.Readme;

/// <summary>The C# blocks of docs/avatar-videos.md and the customised-avatar block of docs/avatars.md, compiled.</summary>
internal static partial class ReadmeSnippets
{
    public static async Task AvatarVideoGenerate(IChanjingClient client)
    {
        // begin-snippet: avatar-video-generate
        // A public avatar in its first framing (the service's size) speaks a script in its own voice, with subtitles.
        PublicAvatar? avatar = null;
        await foreach (var candidate in client.Avatars.ListPublicAsync())
        {
            avatar = candidate;
            break;
        }

        var request = new AvatarVideoRequest(
            VideoAvatar.FromFigure(avatar!, avatar!.Figures[0]),
            AvatarVideoAudio.FromText("大家好，欢迎来到蝉镜。", avatar.VoiceId!))
        {
            Subtitles = new AvatarVideoSubtitles(), // Chanjing's default box and font for the canvas
        };
        var progress = new Progress<AvatarVideo>(v => Console.WriteLine($"{v.Status} {v.Progress}%"));
        AvatarVideo video = await client.AvatarVideos.GenerateAsync(request, progress: progress);
        var files = await client.DownloadOutputsAsync(video, "output");
        Console.WriteLine($"{files[0]}: {video.Duration?.TotalSeconds} s");
        // end-snippet
    }

    public static async Task AvatarVideoCreateThenWait(IChanjingClient client)
    {
        // begin-snippet: avatar-video-create-wait
        // A customised avatar lip-syncs to an audio file (uploaded first) in front of a picture: create now, wait later.
        CustomAvatar mine = await client.Avatars.GetAsync("C-ef91f3a9a2a34a0b8d5e9c2bb8d6d1f0");
        var request = new AvatarVideoRequest(VideoAvatar.FromCustom(mine), AvatarVideoAudio.FromMedia(MediaSource.FromFile("speech.wav")))
        {
            Background = MediaSource.FromFile("studio.png"),
            ComplianceWatermark = true,
        };
        string id = await client.AvatarVideos.CreateAsync(request);

        // Later, perhaps in another process: the id is all a wait needs.
        AvatarVideo video = await client.AvatarVideos.WaitAsync(id, new WaitOptions { Timeout = TimeSpan.FromMinutes(30) });
        // end-snippet
        _ = video;
    }

    public static async Task AvatarVideoFailures(IChanjingClient client, AvatarVideoRequest request)
    {
        // begin-snippet: avatar-video-failures
        try
        {
            await client.AvatarVideos.GenerateAsync(request);
        }
        catch (ChanjingTaskFailedException failed) when (failed.IsBillingFailure)
        {
            Console.WriteLine($"Top up the account: {failed.ServiceMessage}"); // 蝉豆不足扣费失败
        }
        catch (ChanjingTaskFailedException failed)
        {
            var video = (AvatarVideo)failed.Job; // status 4X (the request) or 5X (the service)
            Console.WriteLine($"{video.Id} {video.Status}: {video.ErrorMessage}");
        }
        catch (ChanjingSubmitOutcomeUnknownException unknown)
        {
            // The create's answer was lost: a video may exist. Never create again blindly.
            Console.WriteLine($"Perhaps one of: {string.Join(", ", unknown.CandidateTaskIds)}");
        }
        catch (ChanjingWaitTimeoutException timeout)
        {
            Console.WriteLine($"Still running: resume with AvatarVideos.WaitAsync(\"{timeout.TaskId}\")");
        }
        // end-snippet
    }

    public static async Task CustomAvatars(IChanjingClient client)
    {
        // begin-snippet: avatars-custom
        // A digital human made from a video of a real person (uploaded first with service customised_person).
        CustomAvatar avatar = await client.Avatars.GenerateAsync(
            new CustomAvatarRequest("主播小林", MediaSource.FromFile("presenter.mp4")) { TrainType = "both" },
            new WaitOptions { Timeout = TimeSpan.FromHours(1) });
        Console.WriteLine($"{avatar.Id} {avatar.Width}x{avatar.Height}, cloned voice {avatar.VoiceId}");

        await foreach (var mine in client.Avatars.ListAsync())
        {
            Console.WriteLine($"{mine.Id} {mine.Name} {mine.Status}");
        }

        try
        {
            await client.Avatars.DeleteAsync(avatar.Id);
        }
        catch (ChanjingNotFoundException)
        {
            // Never made, or deleted already.
        }
        // end-snippet
    }
}
