using System.Text;

namespace Chanjing.Emulator.Media;

/// <summary>
/// A deterministic picture derived from a text (the prompt): a two-colour gradient, diagonal stripes and a disc, all
/// chosen by a hash of the text, so two prompts give visibly different pixels. <paramref name="frame"/> moves the disc.
/// </summary>
internal sealed class Picture(int width, int height, ulong seed, int frame = 0)
{
    private readonly (double R, double G, double B) _from = Colour(seed);
    private readonly (double R, double G, double B) _to = Colour(seed >> 21);
    private readonly (double R, double G, double B) _disc = Colour(~seed >> 7);
    private readonly int _stripePeriod = Math.Max(4, Math.Min(width, height) * (4 + (int)((seed >> 40) % 8)) / 32);
    private readonly bool _stripesRising = ((seed >> 50) & 1) == 1;
    private readonly double _discX = width * (0.2 + (0.6 * ((((seed >> 12) % 1000 / 1000.0) + (frame * 0.15)) % 1.0)));
    private readonly double _discY = height * (0.3 + (0.4 * ((seed >> 30) % 1000 / 1000.0)));
    private readonly double _discRadius = Math.Min(width, height) * 0.22;

    public int Width => width;

    public int Height => height;

    /// <summary>A 64-bit FNV-1a hash of the text, the seed of <see cref="Picture"/>.</summary>
    public static ulong Seed(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * 1099511628211UL);
        }

        return hash;
    }

    public (byte R, byte G, byte B) Rgb(int x, int y)
    {
        x = Math.Clamp(x, 0, width - 1);
        y = Math.Clamp(y, 0, height - 1);
        var t = (x + (double)y) / Math.Max(1, width + height - 2);
        var (r, g, b) = (Mix(_from.R, _to.R, t), Mix(_from.G, _to.G, t), Mix(_from.B, _to.B, t));
        var diagonal = _stripesRising ? x + y : x - y + height;
        if (diagonal / _stripePeriod % 2 == 0)
        {
            (r, g, b) = (r * 0.7, g * 0.7, b * 0.7);
        }

        var dx = x - _discX;
        var dy = y - _discY;
        if ((dx * dx) + (dy * dy) <= _discRadius * _discRadius)
        {
            (r, g, b) = _disc;
        }

        return ((byte)Math.Clamp(r, 0, 255), (byte)Math.Clamp(g, 0, 255), (byte)Math.Clamp(b, 0, 255));
    }

    /// <summary>The picture in BT.601 limited-range Y'CbCr: (Y, Cb, Cr).</summary>
    public (byte Y, byte Cb, byte Cr) Yuv(int x, int y)
    {
        var (r, g, b) = Rgb(x, y);
        var luma = 16 + (((65.738 * r) + (129.057 * g) + (25.064 * b)) / 256);
        var cb = 128 + (((-37.945 * r) - (74.494 * g) + (112.439 * b)) / 256);
        var cr = 128 + (((112.439 * r) - (94.154 * g) - (18.285 * b)) / 256);
        return ((byte)Math.Clamp(Math.Round(luma), 16, 235), (byte)Math.Clamp(Math.Round(cb), 16, 240), (byte)Math.Clamp(Math.Round(cr), 16, 240));
    }

    private static double Mix(double a, double b, double t) => a + ((b - a) * t);

    private static (double R, double G, double B) Colour(ulong bits) => (40 + (bits & 0xFF) % 200, 40 + ((bits >> 8) & 0xFF) % 200, 40 + ((bits >> 16) & 0xFF) % 200);
}
