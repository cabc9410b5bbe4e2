using System.Buffers.Binary;
using SkiaSharp;

namespace NetworkFunctions.Tests.Unit.Reports;

/// <summary>Checks on PNG bytes: the signature, the size in the IHDR chunk, and whether anything is drawn.</summary>
internal static class Png
{
    static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static bool HasSignature(byte[] png) => png.Length > 24 && png.AsSpan(0, 8).SequenceEqual(Signature);

    /// <summary>Width and height from the IHDR chunk, which must come first.</summary>
    public static (int Width, int Height) Size(byte[] png)
    {
        Assert.True(HasSignature(png), "not a PNG");
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }

    /// <summary>How many distinct colours the decoded image has (a blank image has one).</summary>
    public static int Colours(byte[] png)
    {
        using SKBitmap bitmap = SKBitmap.Decode(png) ?? throw new InvalidOperationException("PNG does not decode");
        var colours = new HashSet<uint>();
        for (int y = 0; y < bitmap.Height; y += 2)
        {
            for (int x = 0; x < bitmap.Width; x += 2)
            {
                colours.Add((uint)bitmap.GetPixel(x, y));
            }
        }

        return colours.Count;
    }

    /// <summary>The share of pixels (sampled) that are not white.</summary>
    public static double Ink(byte[] png)
    {
        using SKBitmap bitmap = SKBitmap.Decode(png) ?? throw new InvalidOperationException("PNG does not decode");
        int ink = 0, all = 0;
        for (int y = 0; y < bitmap.Height; y += 2)
        {
            for (int x = 0; x < bitmap.Width; x += 2)
            {
                all++;
                if (bitmap.GetPixel(x, y) != SKColors.White)
                {
                    ink++;
                }
            }
        }

        return (double)ink / all;
    }

    /// <summary>Whether some pixels look like text or lines in the given colour range (any non-grey colour counts).</summary>
    public static int ColouredPixels(byte[] png)
    {
        using SKBitmap bitmap = SKBitmap.Decode(png) ?? throw new InvalidOperationException("PNG does not decode");
        int count = 0;
        for (int y = 0; y < bitmap.Height; y++)
        {
            for (int x = 0; x < bitmap.Width; x++)
            {
                SKColor c = bitmap.GetPixel(x, y);
                if (Math.Max(Math.Max(c.Red, c.Green), c.Blue) - Math.Min(Math.Min(c.Red, c.Green), c.Blue) > 40)
                {
                    count++;
                }
            }
        }

        return count;
    }
}
