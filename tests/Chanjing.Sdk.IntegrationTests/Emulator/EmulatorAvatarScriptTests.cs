using System.Diagnostics;
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
    private const string MirrorRoot = "/work/.mirror";
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(90);

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

    /// <summary>One repository's scripts in a temp dir, a temp HOME with credentials, and an emulator on the system clock.</summary>
    private sealed class ScriptRun : IAsyncDisposable
    {
        private readonly string _root;
        private readonly Dictionary<string, string> _scripts;

        private ScriptRun(string root, ChanjingEmulator emulator, Dictionary<string, string> scripts)
        {
            (_root, Emulator, _scripts) = (root, emulator, scripts);
            Work = Directory.CreateDirectory(Path.Combine(root, "work")).FullName;
        }

        public ChanjingEmulator Emulator { get; }

        public string Work { get; }

        private string Home => Path.Combine(_root, "home");

        public static async Task<ScriptRun> StartAsync(string repository, params string[] skills)
        {
            var mirror = Path.Combine(MirrorRoot, repository == "old" ? "chanjing-ai+chan-skills" : "chanjing-ai+chanjing-content-creation-skills", "repo");
            if (!Directory.Exists(mirror))
            {
                Assert.Skip($"Chanjing's skill repository is not mirrored at {mirror}: its scripts cannot be run.");
            }

            foreach (var tool in new[] { "python3", "git", "tar" })
            {
                if (!await Exists(tool))
                {
                    Assert.Skip($"{tool} is not installed: Chanjing's scripts cannot be extracted and run.");
                }
            }

            var root = Directory.CreateTempSubdirectory("chanjing-scripts-").FullName;
            var paths = repository == "old"
                ? skills.Select(s => $"skills/{s}/scripts").ToArray()
                : [.. skills.Select(s => $"skills/chanjing-content-creation-skill/products/{s}/scripts"), "skills/chanjing-content-creation-skill/common"];
            var archive = Path.Combine(root, "scripts.tar");
            var (gitExit, _, gitErr) = await AvatarHttp.RunAsync("git", ["--git-dir=" + mirror, "archive", "--output=" + archive, "HEAD", .. paths]);
            Assert.True(gitExit == 0, $"git archive failed: {gitErr}");
            var tree = Directory.CreateDirectory(Path.Combine(root, "repo")).FullName;
            var (tarExit, _, tarErr) = await AvatarHttp.RunAsync("tar", "-xf", archive, "-C", tree);
            Assert.True(tarExit == 0, $"tar failed: {tarErr}");

            // The old scripts end in .py; the new ones have no extension. The first skill's script wins a shared name.
            var scripts = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var dir in paths.Where(p => p.EndsWith("/scripts", StringComparison.Ordinal)))
            {
                foreach (var file in Directory.GetFiles(Path.Combine(tree, dir)))
                {
                    var name = Path.GetFileName(file);
                    if (!name.StartsWith('_') && name != "cli_capabilities.py" && (name.EndsWith(".py", StringComparison.Ordinal) || !name.Contains('.', StringComparison.Ordinal)))
                    {
                        scripts.TryAdd(Path.GetFileNameWithoutExtension(name), file);
                    }
                }
            }

            var emulator = await ChanjingEmulator.StartAsync(new ChanjingEmulatorOptions
            {
                QueuedDuration = TimeSpan.FromMilliseconds(200),
                GeneratingDuration = TimeSpan.FromMilliseconds(600),
                FileReadyDelay = TimeSpan.FromMilliseconds(50),
            });
            var config = Directory.CreateDirectory(Path.Combine(root, "home", ".chanjing")).FullName;
            await File.WriteAllTextAsync(Path.Combine(config, "credentials.json"), new JsonObject { ["app_id"] = emulator.AppId, ["secret_key"] = emulator.SecretKey }.ToJsonString());
            return new ScriptRun(root, emulator, scripts);
        }

        /// <summary>Runs a script; it must exit 0. Returns its standard output.</summary>
        public async Task<string> ExpectAsync(string script, params string[] arguments)
        {
            var (exit, output, error) = await RunAsync(script, arguments);
            Assert.True(exit == 0, $"{script} {string.Join(' ', arguments)} exited {exit}:\n{error}\n{output}");
            return output;
        }

        public async Task<(int Exit, string Out, string Err)> RunAsync(string script, params string[] arguments)
        {
            Assert.True(_scripts.TryGetValue(script, out var path), $"no script {script} in {string.Join(", ", _scripts.Keys)}");
            var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Work };
            start.ArgumentList.Add(path!);
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            var baseUrl = Emulator.BaseAddress.AbsoluteUri.TrimEnd('/');
            start.Environment["HOME"] = Home;
            start.Environment["CHANJING_API_BASE"] = baseUrl;
            start.Environment["CHANJING_OPENAPI_BASE_URL"] = baseUrl;
            start.Environment["CHANJING_CONFIG_DIR"] = Path.Combine(Home, ".chanjing");
            start.Environment["CHANJING_OPENAPI_CREDENTIALS_DIR"] = Path.Combine(Home, ".chanjing");
            start.Environment["PYTHONIOENCODING"] = "utf-8";
            start.Environment["NO_PROXY"] = start.Environment["no_proxy"] = "127.0.0.1,localhost";
            foreach (var proxy in new[] { "http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY" })
            {
                start.Environment.Remove(proxy);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var guard = new CancellationTokenSource(ScriptTimeout);
            try
            {
                await process.WaitForExitAsync(guard.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"{script} did not finish within {ScriptTimeout}: {await error}");
            }

            return (process.ExitCode, await output, await error);
        }

        public async ValueTask DisposeAsync()
        {
            await Emulator.DisposeAsync();
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        private static async Task<bool> Exists(string tool)
        {
            try
            {
                var (exit, _, _) = await AvatarHttp.RunAsync(tool, "--version");
                return exit == 0;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }
    }
}
