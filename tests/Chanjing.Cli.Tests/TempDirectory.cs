namespace Chanjing.Cli.Tests;

/// <summary>A directory deleted at the end of a test, and a real PNG to give as a local image.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "chanjing-cli-" + Guid.NewGuid().ToString("N"));

    public TempDirectory() => Directory.CreateDirectory(Path);

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string[] Files(string sub) => Directory.Exists(File(sub)) ? Directory.GetFiles(File(sub)) : [];

    public string WritePng(string name)
    {
        var path = File(name);
        System.IO.File.WriteAllBytes(path, Png(64, 48));
        return path;
    }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }

    private static byte[] Png(int width, int height) => Chanjing.Sdk.TestShared.TestImages.Png(width, height);

}
