using System.Text.Json;

namespace Chanjing.Cli.Tests;

/// <summary><c>chanjing models</c>: what it says about each model is what <c>chanjing create</c> does.</summary>
public sealed class ModelsCommandTests
{
    private static readonly Dictionary<string, string[]> OptionsOfField = new(StringComparer.Ordinal)
    {
        ["start_frame"] = ["--start-frame"],
        ["end_frame"] = ["--end-frame"],
        ["ref_img_url"] = ["--image", "--source"],
    };

    [Fact]
    public async Task Models_NoModelOffersAnInputItRefuses()
    {
        using var document = await ModelsAsync();

        foreach (var model in document.RootElement.GetProperty("models").EnumerateArray())
        {
            var inputs = model.GetProperty("inputs").GetString()!;
            foreach (var field in model.GetProperty("forbiddenFields").EnumerateArray().Select(f => f.GetString()!))
            {
                foreach (var option in OptionsOfField.GetValueOrDefault(field, []))
                {
                    Assert.False(inputs.Contains(option, StringComparison.Ordinal), $"{model.GetProperty("code")}: inputs '{inputs}' offer {option}, which it refuses ({field})");
                }
            }
        }
    }

    [Fact]
    public async Task Models_RequiresOnlyWhatCreateDoesNotFillIn_AndNamesTheFilledInValues()
    {
        using var document = await ModelsAsync();
        var models = document.RootElement.GetProperty("models").EnumerateArray().ToDictionary(m => m.GetProperty("code").GetString()!);

        var t2v = models["happyhorse-1.0-t2v"];
        Assert.Empty(t2v.GetProperty("requiredOptions").EnumerateArray());
        Assert.Equal("16:9", t2v.GetProperty("defaults").GetProperty("--aspect-ratio").GetString());
        Assert.Equal("1080", t2v.GetProperty("defaults").GetProperty("--clarity").GetString());
        Assert.Equal("5", t2v.GetProperty("defaults").GetProperty("--duration").GetString());
        Assert.Equal(["--image"], models["happyhorse-1.0-r2v"].GetProperty("requiredOptions").EnumerateArray().Select(o => o.GetString()!));
        Assert.Equal(["--source"], models["happyhorse-1.0-video-edit"].GetProperty("requiredOptions").EnumerateArray().Select(o => o.GetString()!));
        Assert.Equal("2048", models["doubao-seedream-4.0"].GetProperty("defaults").GetProperty("--clarity").GetString());
        foreach (var model in models.Values)
        {
            var defaults = model.GetProperty("defaults").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            Assert.DoesNotContain(model.GetProperty("requiredOptions").EnumerateArray().Select(o => o.GetString()!), defaults.Contains);
        }
    }

    [Fact]
    public async Task Models_Table_RequiresColumnOfATextToVideoModelIsEmpty()
    {
        var result = await CliProcess.RunAsync(null, "models");

        Assert.True(result.ExitCode == 0, result.ToString());
        var row = result.Stdout.Split('\n').Single(l => l.Contains(" happyhorse-1.0-t2v ", StringComparison.Ordinal));
        var cells = row.Split('│').Select(c => c.Trim()).ToArray();
        Assert.Equal("prompt only", cells[3]);
        Assert.Equal("-", cells[4]);
    }

    private static async Task<JsonDocument> ModelsAsync()
    {
        var result = await CliProcess.RunAsync(null, "models", "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonDocument.Parse(result.Stdout);
    }
}

/// <summary>Every known model, created with only the options <c>chanjing models</c> says it requires.</summary>
public sealed class ModelsRequirementsTests(TestEmulator service) : IClassFixture<TestEmulator>
{
    public static TheoryData<string> KnownModels() => [.. Chanjing.Sdk.ChanjingModels.Known.Select(m => m.Code)];

    [Theory]
    [MemberData(nameof(KnownModels))]
    public async Task Create_WithOnlyTheOptionsModelsSaysItRequires_IsAccepted(string model)
    {
        var listing = await CliProcess.RunAsync(null, "models", "--json");
        using var document = JsonDocument.Parse(listing.Stdout);
        var info = document.RootElement.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("code").GetString() == model);
        var arguments = new List<string> { "create", "--model", model, "--prompt", "a lantern by the river", "--no-wait" };
        foreach (var option in info.GetProperty("requiredOptions").EnumerateArray().Select(o => o.GetString()!))
        {
            arguments.Add(option);
            arguments.Add(option == "--source" ? "https://res.chanjing.cc/source.mp4" : "https://res.chanjing.cc/frame.png");
        }

        var result = await CliProcess.RunAsync(service.Environment, [.. arguments]);

        Assert.True(result.ExitCode == 0, $"{string.Join(' ', arguments)}\n{result}");
    }
}
