using System.Diagnostics;

namespace Chanjing.Sdk.IntegrationTests.Reliability;

/// <summary>Issue 13: the fault matrix (operations × faults × client shapes) and the document generated from it.</summary>
public sealed class FaultMatrixTests(ITestOutputHelper output)
{
    private const string UpdateVariable = "CHANJING_UPDATE_RELIABILITY_DOC";

    [Fact]
    public async Task FaultMatrix_EveryCell_KeepsThePromises()
    {
        var clock = Stopwatch.StartNew();
        var outcomes = await FaultMatrix.OutcomesAsync();

        var failures = outcomes.Where(o => o.Violations.Count > 0).Select(o => $"{o.Cell.Id}: {string.Join("; ", o.Violations)}").ToList();
        output.WriteLine($"{outcomes.Count} cells ({FaultMatrix.Operations.Count} operations × {FaultMatrix.Faults.Count} faults × {FaultMatrix.Variants.Count} client shapes), {failures.Count} failing; waited {clock.Elapsed.TotalSeconds:0.0} s for the run.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {outcomes.Count} cells broke a promise:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task ReliabilityDoc_CommittedFile_MatchesThisRun()
    {
        var outcomes = await FaultMatrix.OutcomesAsync();
        var generated = FaultMatrix.RenderDocument(outcomes);
        var path = Path.Combine(RepositoryRoot(), "docs", "reliability.md");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, generated);
            output.WriteLine($"{UpdateVariable}=1: wrote {path}");
            return;
        }

        var committed = File.Exists(path) ? (await File.ReadAllTextAsync(path)).Replace("\r\n", "\n", StringComparison.Ordinal) : "(missing)";
        if (committed != generated)
        {
            var fresh = Path.Combine(AppContext.BaseDirectory, "reliability.generated.md");
            await File.WriteAllTextAsync(fresh, generated);
            var committedLines = committed.Split('\n');
            var generatedLines = generated.Split('\n');
            var differences = Enumerable.Range(0, Math.Max(committedLines.Length, generatedLines.Length))
                .Where(i => i >= committedLines.Length || i >= generatedLines.Length || committedLines[i] != generatedLines[i])
                .Take(10)
                .Select(i => $"line {i + 1}:\n  committed: {(i < committedLines.Length ? committedLines[i] : "(none)")}\n  this run:  {(i < generatedLines.Length ? generatedLines[i] : "(none)")}");
            Assert.Fail($"docs/reliability.md is stale (this run's version: {fresh}). Rerun with {UpdateVariable}=1 to rewrite it, and review the change.\n" + string.Join("\n", differences));
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Chanjing.Sdk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Chanjing.Sdk.sln) was not found above " + AppContext.BaseDirectory);
    }
}
