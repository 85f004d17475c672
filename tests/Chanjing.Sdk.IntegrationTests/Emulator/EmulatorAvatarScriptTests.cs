using System.Text.Json.Nodes;
using Chanjing.Emulator;

namespace Chanjing.Sdk.IntegrationTests.Emulator;

/// <summary>
/// Chanjing's own scripts for these products (chanjing-video-compose, chanjing-customised-person), from both of
/// Chanjing's skill repositories, run unmodified with python3 against an in-process emulator. The scripts are
/// extracted from the local mirrors into a temp dir at run time (never copied into this repository); without the
/// mirrors, git, tar or python3 the test skips, saying why.
/// </summary>
public sealed class EmulatorAvatarScriptTests
{
    [Theory]
    [InlineData("old")]
    [InlineData("new")]
    public async Task VideoCompose_ListFigures_Tags_Upload_Create_Poll_Download(string repository)
    {
        await using var run = await ScriptRun.StartAsync(repository, "chanjing-video-compose");
        var emulator = run.Emulator;
        var wav = Path.Combine(run.Work, "speech.wav");
        await File.WriteAllBytesAsync(wav, AvatarHttp.Wav(2.5));

        var figures = await run.ExpectAsync("list_figures", "--source", "common", "--page", "1", "--page-size", "5");
        var fileId = (await run.ExpectAsync("upload_file", "--service", "make_video_audio", "--file", wav, "--poll-interval", "1")).Trim();
        var ttsVideo = (await run.ExpectAsync("create_task", "--person-id", AvatarHttp.Avatar, "--figure-type", "sit_body", "--text", AvatarHttp.Text,
            "--audio-man", AvatarHttp.AvatarVoice, "--subtitle", "show")).Trim();
        var audioVideo = (await run.ExpectAsync("create_task", "--person-id", AvatarHttp.Avatar, "--figure-type", "circle_view", "--audio-file-id", fileId,
            "--screen-width", "720", "--screen-height", "720", "--person-width", "728", "--person-height", "728", "--callback", "http://127.0.0.1:9/cb")).Trim();
        var digits = (await run.ExpectAsync("create_task", "--person-id", AvatarHttp.Avatar, "--figure-type", "sit_body", "--text", "20240601", "--audio-man", AvatarHttp.AvatarVoice)).Trim();
        var url = (await run.ExpectAsync("poll_task", "--id", ttsVideo, "--interval", "1")).Trim();
        var audioJson = JsonNode.Parse(await run.ExpectAsync("poll_task", "--id", audioVideo, "--interval", "1", "--json"))!;
        var failed = await run.RunAsync("poll_task", "--id", digits, "--interval", "1");
        var saved = (await run.ExpectAsync("download_result", "--url", url, "--output", Path.Combine(run.Work, "out", "video.mp4"))).Trim();
        var (streams, errors) = await AvatarHttp.ProbeAsync(await File.ReadAllBytesAsync(saved), ".mp4");

        Assert.Contains("共 12 个形象", figures, StringComparison.Ordinal);
        Assert.Contains(AvatarHttp.Avatar, figures, StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{32}$", fileId);
        Assert.EndsWith(ttsVideo + ".mp4", url, StringComparison.Ordinal);
        Assert.Equal((30, 3), ((int)audioJson["status"]!, (int)audioJson["duration"]!));
        Assert.Equal((1, "任务失败: 不支持纯数字文本"), (failed.Exit, failed.Err.Trim()));
        Assert.Equal(await File.ReadAllBytesAsync(saved), emulator.GetVideoOutputBytes(ttsVideo));
        Assert.Equal(["audio", "video"], streams.Select(s => s.Type).Order());
        Assert.InRange(streams.Single(s => s.Type == "audio").Duration, AvatarHttp.TextSeconds - 0.1, AvatarHttp.TextSeconds + 0.1);
        Assert.Equal(string.Empty, errors);
        var sent = emulator.Journal.Where(r => r.Endpoint == EmulatorEndpoint.CreateVideo).Select(r => JsonNode.Parse(r.Body)!).ToList();
        Assert.Equal(3, sent.Count);
        Assert.Equal((1, "#EDEDED"), ((int)sent[0]["backway"]!, (string)sent[0]["bg_color"]!));
        Assert.Equal(0, emulator.CountRequests(EmulatorEndpoint.Unknown));

        if (repository == "new")
        {
            var tags = JsonNode.Parse(await run.ExpectAsync("list_tag_dict", "--business-type", "1", "--json"))!;
            var filtered = JsonNode.Parse(await run.ExpectAsync("list_figures", "--source", "common", "--fetch-all", "--page-size", "5", "--tag-ids", "102,202", "--json"))!;
            var all = JsonNode.Parse(await run.ExpectAsync("list_figures", "--source", "common", "--fetch-all", "--page-size", "5", "--json"))!;
            Assert.Equal(3, tags["data"]!["list"]!.AsArray().Count);
            Assert.Equal(2, filtered["data"]!["list"]!.AsArray().Count);
            Assert.Equal(12, all["data"]!["list"]!.AsArray().Count);
            Assert.Equal([1, 2, 3], all["pages_fetched"]!.AsArray().Select(p => (int)p!));
        }
    }

    [Theory]
    [InlineData("old")]
    [InlineData("new")]
    public async Task CustomisedPerson_UploadUrl_Upload_Create_Poll_Get_List_Delete(string repository)
    {
        await using var run = await ScriptRun.StartAsync(repository, "chanjing-customised-person", "chanjing-video-compose");
        var emulator = run.Emulator;
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        var source = Path.Combine(run.Work, "source.mp4");
        await File.WriteAllBytesAsync(source, await http.GetByteArrayAsync($"files/assets/avatars/{AvatarHttp.Avatar}_sit_body.mp4"));

        var uploadUrl = JsonNode.Parse(await run.ExpectAsync("get_upload_url", "--name", "source.mp4"))!;
        var fileId = (await run.ExpectAsync("upload_file", "--file", source, "--poll-interval", "1")).Trim();
        var person = (await run.ExpectAsync("create_person", "--name", "脚本测试", "--file-id", fileId)).Trim();
        var unsafePerson = (await run.ExpectAsync("create_person", "--name", "unsafe 形象", "--file-id", fileId, "--train-type", "figure")).Trim();
        var preview = (await run.ExpectAsync("poll_person", "--id", person, "--interval", "1")).Trim();
        var failed = await run.RunAsync("poll_person", "--id", unsafePerson, "--interval", "1");
        var status = (await run.ExpectAsync("get_person", "--id", person, "--field", "status")).Trim();
        var listed = await run.ExpectAsync("list_persons");
        var figures = await run.ExpectAsync("list_figures", "--source", "customised");
        var deleted = (await run.ExpectAsync("delete_person", "--id", person)).Trim();
        var again = await run.RunAsync("delete_person", "--id", person);

        Assert.Equal("customised_person", ((string)uploadUrl["key"]!).Split('/')[3]);
        Assert.Matches("^[0-9a-f]{32}$", fileId);
        Assert.Matches("^C-[0-9a-f]{32}$", person);
        Assert.EndsWith(person + ".mp4", preview, StringComparison.Ordinal);
        Assert.Equal((1, "任务失败: 视频内容安全审核未通过，请更换素材后重试"), (failed.Exit, failed.Err.Trim()));
        Assert.Equal("2", status);
        Assert.Contains($"{person}\t脚本测试\t2\t100\tC-Audio-", listed, StringComparison.Ordinal);
        Assert.Contains(person, figures, StringComparison.Ordinal);
        Assert.Equal(person, deleted);
        Assert.Equal((1, "定制数字人不存在"), (again.Exit, again.Err.Trim()));
        Assert.Equal(0, emulator.CountRequests(EmulatorEndpoint.Unknown));
    }
}
