using System.Text.Json.Nodes;
using Chanjing.Emulator;

namespace Chanjing.Sdk.IntegrationTests.Emulator;

/// <summary>
/// Chanjing's own lip-sync (chanjing-avatar) and text-to-digital-person scripts, from both of Chanjing's skill
/// repositories, run unmodified with python3 against an in-process emulator (see <see cref="ScriptRun"/>).
/// </summary>
public sealed class EmulatorLipSyncScriptTests
{
    [Theory]
    [InlineData("old")]
    [InlineData("new")]
    public async Task Avatar_UploadUrl_Upload_Create_Poll_LipSyncedMp4HasBothStreams(string repository)
    {
        await using var run = await ScriptRun.StartAsync(repository, "chanjing-avatar");
        var emulator = run.Emulator;
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        var video = Path.Combine(run.Work, "talk.mp4");
        var wav = Path.Combine(run.Work, "voice.wav");
        await File.WriteAllBytesAsync(video, await http.GetByteArrayAsync($"files/assets/avatars/{AvatarHttp.Avatar}_sit_body.mp4"));
        await File.WriteAllBytesAsync(wav, AvatarHttp.Wav(2.5));

        var uploadUrl = JsonNode.Parse(await run.ExpectAsync("get_upload_url", "--service", "lip_sync_video", "--name", "talk.mp4"))!;
        var videoId = (await run.ExpectAsync("upload_file", "--service", "lip_sync_video", "--file", video, "--poll-interval", "1")).Trim();
        var audioId = (await run.ExpectAsync("upload_file", "--service", "lip_sync_audio", "--file", wav, "--poll-interval", "1")).Trim();
        var ttsTask = (await run.ExpectAsync("create_task", "--video-file-id", videoId, "--text", AvatarHttp.Text, "--audio-man-id", AvatarHttp.AvatarVoice)).Trim();
        var audioTask = (await run.ExpectAsync("create_task", "--video-file-id", videoId, "--audio-file-id", audioId, "--model", repository == "new" ? "2" : "1",
            "--callback", "http://127.0.0.1:9/cb")).Trim();
        var digits = (await run.ExpectAsync("create_task", "--video-file-id", videoId, "--text", "20240601", "--audio-man-id", AvatarHttp.AvatarVoice)).Trim();
        var refused = await run.RunAsync("create_task", "--video-file-id", audioId, "--audio-file-id", audioId);
        var ttsUrl = (await run.ExpectAsync("poll_task", "--id", ttsTask, "--interval", "1")).Trim();
        var audioUrl = (await run.ExpectAsync("poll_task", "--id", audioTask, "--interval", "1")).Trim();
        var failed = await run.RunAsync("poll_task", "--id", digits, "--interval", "1");
        var (ttsStreams, ttsErrors) = await AvatarHttp.ProbeAsync(await http.GetByteArrayAsync(ttsUrl), ".mp4");
        var (audioStreams, _) = await AvatarHttp.ProbeAsync(await http.GetByteArrayAsync(audioUrl), ".mp4");

        Assert.Equal(("lip_sync_video", "video/mp4"), (((string)uploadUrl["key"]!).Split('/')[3], (string)uploadUrl["mime_type"]!));
        Assert.Matches("^[0-9a-f]{32}$", videoId);
        Assert.EndsWith(ttsTask + ".mp4", ttsUrl, StringComparison.Ordinal);
        Assert.Equal(["audio", "video"], ttsStreams.Select(st => st.Type).Order());
        Assert.InRange(ttsStreams.Single(st => st.Type == "audio").Duration, AvatarHttp.TextSeconds - 0.05, AvatarHttp.TextSeconds + 0.05);
        Assert.Equal(string.Empty, ttsErrors);
        Assert.Equal(2.5, audioStreams.Single(st => st.Type == "audio").Duration, 3);
        Assert.Equal((1, "任务失败: 不支持纯数字文本"), (failed.Exit, failed.Err.Trim()));
        Assert.Equal(1, refused.Exit);
        Assert.Contains("文件用途错误", refused.Err, StringComparison.Ordinal);
        Assert.Equal(await http.GetByteArrayAsync(ttsUrl), emulator.GetLipSyncOutputBytes(ttsTask));
        var sent = emulator.Journal.Where(r => r.Endpoint == EmulatorEndpoint.CreateLipSync).Select(r => JsonNode.Parse(r.Body)!).ToList();
        Assert.Equal(4, sent.Count);
        Assert.Equal(AvatarHttp.Text, (string)sent[0]["tts_config"]!["text"]![0]!);
        Assert.Equal(3, emulator.LipSyncCount);
        Assert.Equal(0, emulator.CountRequests(EmulatorEndpoint.Unknown));
    }

    [Theory]
    [InlineData("old")]
    [InlineData("new")]
    public async Task TextToDigitalPerson_Photo_Motion_List_Lora_Get_Poll_Download(string repository)
    {
        await using var run = await ScriptRun.StartAsync(repository, "chanjing-text-to-digital-person");
        var emulator = run.Emulator;

        var photo = (await run.ExpectAsync("create_photo_task", "--age", "Young adult", "--gender", "Female", "--number-of-images", "2", "--aspect-ratio", "1",
            "--industry", "教育培训", "--background", "现代直播间背景", "--detail", "短发，职业装", "--talking-pose", "站立讲解", "--origin", "Chinese")).Trim();
        var urls = JsonNode.Parse(await run.ExpectAsync("poll_photo_task", "--unique-id", photo, "--interval", "1", "--all-urls"))!.AsArray();
        var first = (await run.ExpectAsync("get_photo_task", "--unique-id", photo, "--first-output")).Trim();
        var status = (await run.ExpectAsync("get_photo_task", "--unique-id", photo, "--field", "progress_desc")).Trim();
        var motion = (await run.ExpectAsync("create_motion_task", "--photo-unique-id", photo, "--photo-path", first, "--emotion", "微笑", "--gesture")).Trim();
        var video = (await run.ExpectAsync("poll_motion_task", "--unique-id", motion, "--interval", "1")).Trim();
        var motionJson = JsonNode.Parse(await run.ExpectAsync("get_motion_task", "--unique-id", motion))!;
        var motionFirst = (await run.ExpectAsync("get_motion_task", "--unique-id", motion, "--first-output")).Trim();
        var rows = (await run.ExpectAsync("list_tasks")).Trim().Split('\n');
        var listed = JsonNode.Parse(await run.ExpectAsync("list_tasks", "--json", "--page", "2", "--page-size", "1"))!.AsArray();
        var lora = (await run.ExpectAsync("create_lora_task", ["--name", "我的LoRA", .. Enumerable.Range(1, 5).SelectMany(i => new[] { "--photo-url", $"https://example.com/{i}.jpg" })])).Trim();
        var loraPhoto = (await run.ExpectAsync("poll_lora_task", "--lora-id", lora, "--interval", "1")).Trim();
        var loraStatus = (await run.ExpectAsync("get_lora_task", "--lora-id", lora, "--field", "status")).Trim();
        var loraPicture = (await run.ExpectAsync("poll_photo_task", "--unique-id", loraPhoto, "--interval", "1")).Trim();
        var failing = (await run.ExpectAsync("create_photo_task", "--age", "Adult", "--gender", "Male", "--number-of-images", "1", "--detail", "[emulator:fail]")).Trim();
        var failed = await run.RunAsync("poll_photo_task", "--unique-id", failing, "--interval", "1");
        var savedVideo = (await run.ExpectAsync("download_result", "--url", video, "--output", Path.Combine(run.Work, "out", "motion.mp4"))).Trim();
        var savedPng = (await run.ExpectAsync("download_result", "--url", first)).Trim();
        var videoProbe = await EmulatorMediaProbe.RunAsync(await File.ReadAllBytesAsync(savedVideo), ".mp4");
        var pngProbe = (await AvatarHttp.ProbeAsync(await File.ReadAllBytesAsync(Path.Combine(run.Work, savedPng)), ".png")).Streams.Single();

        Assert.Equal(2, urls.Count);
        Assert.Equal(((string)urls[0]!, "Success"), (first, status));
        Assert.Equal((2, "Success", video), ((int)motionJson["type"]!, (string)motionJson["progress_desc"]!, motionFirst));
        Assert.Equal([$"{motion}\t2\tSuccess\t0\t{video}", $"{photo}\t1\tSuccess\t0\t{first}"], rows);
        Assert.Equal([photo], listed.Select(t => (string)t!["unique_id"]!));
        Assert.Equal(("Success", "Success"), (loraStatus, (string)JsonNode.Parse(await run.ExpectAsync("get_photo_task", "--unique-id", loraPhoto))!["progress_desc"]!));
        Assert.EndsWith(loraPhoto + "_0.png", loraPicture, StringComparison.Ordinal);
        Assert.Equal((1, "任务失败: 生成失败，请稍后重试"), (failed.Exit, failed.Err.Trim()));
        Assert.Equal(("h264", 114, 64, string.Empty), (videoProbe.Codec, videoProbe.Width, videoProbe.Height, videoProbe.DecodeErrors));
        Assert.Equal(("png", 114, 64), (pngProbe.Codec, pngProbe.Width, pngProbe.Height));
        Assert.Equal(Path.Combine("outputs", "text-to-digital-person", photo + "_0.png"), savedPng);
        Assert.Equal(await File.ReadAllBytesAsync(savedVideo), emulator.GetAvatarDesignOutputBytes(motion));
        Assert.Equal(1, emulator.CountRequests(EmulatorEndpoint.CreateLora));
        Assert.Equal(0, emulator.CountRequests(EmulatorEndpoint.Unknown));
    }
}
