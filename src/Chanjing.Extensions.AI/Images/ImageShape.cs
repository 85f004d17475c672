using System.Drawing;
using Chanjing.Sdk;

namespace Chanjing.Extensions.AI.Images;

/// <summary>
/// Maps a requested image size to the nearest aspect ratio and clarity a Chanjing image model allows. The ratio is the
/// nearest on a logarithmic scale (so 2:1 is as far from 1:1 as 1:2 is); the clarity is the allowed value nearest the
/// longer side (ties go to the larger, so an image is never smaller than asked when it can be avoided).
/// </summary>
internal static class ImageShape
{
    // chanjing-api.md: Seedream 3.0 documents 1:1/3:4/4:3/9:16/16:9; the other image models document "aspect_ratio"
    // without a list, and these five are the ones every one of them is shown with.
    private static readonly (string Text, double Value)[] Ratios = [("1:1", 1.0), ("3:4", 0.75), ("4:3", 4.0 / 3), ("9:16", 9.0 / 16), ("16:9", 16.0 / 9)];

    private static readonly int[] AllClarities = [1024, 2048, 4096];

    /// <summary>The clarities (longer side in pixels) each image model allows; a model not listed is given all three.</summary>
    private static readonly Dictionary<string, int[]> Clarities = new(StringComparer.Ordinal)
    {
        [ChanjingModels.DoubaoSeedream30TextToImage] = AllClarities,
        [ChanjingModels.DoubaoSeedream40] = AllClarities,
        [ChanjingModels.DoubaoSeedream45] = [2048, 4096],
        [ChanjingModels.KlingV21Image] = [1024, 2048],
    };

    /// <summary>The aspect ratio nearest <paramref name="size"/>.</summary>
    public static AspectRatio NearestRatio(Size size)
    {
        var wanted = Math.Log((double)size.Width / size.Height);
        var best = Ratios[0];
        foreach (var ratio in Ratios)
        {
            if (Math.Abs(Math.Log(ratio.Value) - wanted) < Math.Abs(Math.Log(best.Value) - wanted))
            {
                best = ratio;
            }
        }

        return new AspectRatio(best.Text);
    }

    /// <summary>The clarity the model allows nearest the longer side of <paramref name="size"/>.</summary>
    public static ImageClarity NearestClarity(string modelCode, Size size)
    {
        var allowed = AllowedClarities(modelCode);
        var longer = Math.Max(size.Width, size.Height);
        var best = allowed[0];
        foreach (var clarity in allowed)
        {
            if (Math.Abs(clarity - longer) <= Math.Abs(best - longer))
            {
                best = clarity;
            }
        }

        return new ImageClarity(best);
    }

    /// <summary>The clarity used when the model requires one and no size was asked for: 2048 where allowed.</summary>
    public static ImageClarity DefaultClarity(string modelCode)
    {
        var allowed = AllowedClarities(modelCode);
        return new ImageClarity(Array.IndexOf(allowed, 2048) >= 0 ? 2048 : allowed[0]);
    }

    /// <summary>Checks a requested size: both sides positive.</summary>
    public static void Check(Size size)
    {
        if (size.Width <= 0 || size.Height <= 0)
        {
            throw new ArgumentException($"ImageGenerationOptions.ImageSize must have a positive width and height, but was {size.Width}x{size.Height}.", "options");
        }
    }

    private static int[] AllowedClarities(string modelCode) => Clarities.TryGetValue(modelCode, out var allowed) ? allowed : AllClarities;
}
