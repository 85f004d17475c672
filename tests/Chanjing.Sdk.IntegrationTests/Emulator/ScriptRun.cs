using System.Diagnostics;
using System.Text.Json.Nodes;
using Chanjing.Emulator;

namespace Chanjing.Sdk.IntegrationTests.Emulator;

/// <summary>
/// One skill repository's scripts in a temp dir, a temp HOME with credentials, and an emulator on the system clock:
/// Chanjing's own scripts, extracted from the local mirrors at run time (never copied into this repository) and run
/// unmodified with python3; shared by every script test class (avatar, speech, lip-sync and avatar design). Without the
/// mirrors, git, tar or python3 the test skips, saying why.
/// </summary>
internal sealed class ScriptRun : IAsyncDisposable
{
    private const string MirrorRoot = "/work/.mirror";
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(90);

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
