using System.Text.RegularExpressions;

namespace Chanjing.Sdk.Tests.Readme;

/// <summary>The C# blocks of README.md and the docs/ pages are exactly the compiled blocks of ReadmeSnippets.cs, and the commands they give exist.</summary>
public sealed partial class ReadmeTests
{
    private static string RepoFile(params string[] parts)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Chanjing.Sdk.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        return Path.Combine([directory!.FullName, .. parts]);
    }

    private static Dictionary<string, string> CompiledSnippets()
    {
        // ReadmeSnippets.cs and its parts (ReadmeSnippets.*.cs), one per product page, and those of Chanjing.Extensions.AI,
        // compiled in its own test project (it references the adapters).
        var sources = Directory.GetFiles(RepoFile("tests", "Chanjing.Sdk.Tests", "Readme"), "ReadmeSnippets*.cs").Order(StringComparer.Ordinal)
            .Append(RepoFile("tests", "Chanjing.Extensions.AI.Tests", "Readme", "AiSnippets.cs"))
            .Select(File.ReadAllText);
        return sources.SelectMany(source => SnippetInSource().Matches(source)).ToDictionary(m => m.Groups["name"].Value, m => Dedent(m.Groups["body"].Value));
    }

    /// <summary>README.md and every page of docs/: what a user reads.</summary>
    private static IEnumerable<string> Pages() =>
        new[] { RepoFile("README.md") }.Concat(Directory.GetFiles(RepoFile("docs"), "*.md").Order(StringComparer.Ordinal)).Select(File.ReadAllText);

    private static Dictionary<string, string> ReadmeSnippets() =>
        Pages().SelectMany(page => SnippetInReadme().Matches(page)).ToDictionary(m => m.Groups["name"].Value, m => Dedent(m.Groups["body"].Value));

    [Fact]
    public void Readme_EveryCSharpBlock_IsACompiledSnippet()
    {
        var blocks = Pages().Sum(page => Regex.Matches(page, "```csharp").Count);

        Assert.Equal(blocks, ReadmeSnippets().Count);
    }

    [Fact]
    public void Readme_IsShortAndEveryLinkedPageExists()
    {
        var readme = File.ReadAllText(RepoFile("README.md"));

        Assert.True(readme.Length <= 16 * 1024, $"README.md is {readme.Length} bytes; keep it under 16 KB and move detail to docs/.");
        foreach (Match link in Regex.Matches(readme, @"\]\((?<path>(docs|src)/[^)#]+)"))
        {
            Assert.True(File.Exists(RepoFile(link.Groups["path"].Value.Split('/'))), $"README links to {link.Groups["path"].Value}, which does not exist");
        }
    }

    [Fact]
    public void Readme_Snippets_MatchTheCompiledSource()
    {
        var compiled = CompiledSnippets();
        var documented = ReadmeSnippets();

        Assert.Equal(compiled.Keys.Order(), documented.Keys.Order());
        foreach (var (name, body) in compiled)
        {
            Assert.True(body == documented[name], $"README snippet '{name}' differs from ReadmeSnippets.cs:\n--- compiled ---\n{body}\n--- README ---\n{documented[name]}");
        }
    }

    [Fact]
    public void Readme_GivesTheTwoNewcomerCommands()
    {
        var readme = File.ReadAllText(RepoFile("README.md"));

        Assert.Contains("dotnet run --project samples/Chanjing.QuickStart", readme, StringComparison.Ordinal);
        Assert.Contains("\ndotnet test\n", readme.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.True(File.Exists(RepoFile("samples", "Chanjing.QuickStart", "Chanjing.QuickStart.csproj")));
        Assert.Contains("dotnet test", File.ReadAllText(RepoFile(".ci", "run")), StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_ConfigurationExample_EveryKeyIsASettingAndEverySettingIsListed()
    {
        var readme = File.ReadAllText(RepoFile("docs", "configuration.md"));
        var json = Regex.Match(readme, "```json\\s*(\\{\\s*\"Chanjing\".*?)```", RegexOptions.Singleline).Groups[1].Value;
        var section = (System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse(json)!["Chanjing"]!;

        // A misspelt key in the README would teach users a setting that is ignored (and now refused at start-up).
        var keys = section.SelectMany(p => p.Value is System.Text.Json.Nodes.JsonObject group ? group.Select(inner => $"{p.Key}:{inner.Key}") : [p.Key]).ToList();
        Assert.Contains("Retry:MaxAttempts", keys);
        Assert.All(keys, key => Assert.Contains(key, Chanjing.Sdk.Internal.DependencyInjection.ChanjingOptionsBinder.Keys));
        Assert.All(Chanjing.Sdk.Internal.DependencyInjection.ChanjingOptionsBinder.Keys, key => Assert.Contains($"`{key}`", readme, StringComparison.Ordinal));
    }

    private static string Dedent(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\n').Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..].TrimEnd() : l.TrimEnd()));
    }

    [GeneratedRegex(@"// begin-snippet: (?<name>[\w-]+)\r?\n(?<body>.*?)\r?\n\s*// end-snippet", RegexOptions.Singleline)]
    private static partial Regex SnippetInSource();

    [GeneratedRegex(@"<!-- snippet: (?<name>[\w-]+) -->\r?\n```csharp\r?\n(?<body>.*?)\r?\n```", RegexOptions.Singleline)]
    private static partial Regex SnippetInReadme();
}
