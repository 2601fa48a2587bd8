using SkiaSharp;

namespace ProctorWise.LoadGenerator.Frames;

/// <summary>
/// Webcam-sized JPEGs drawn in memory. A few variants differ by a few pixels, as a real camera's frames
/// do; the server decodes and analyses whatever it gets, so the content only has to be plausible.
/// </summary>
internal static class FrameFactory
{
    public const int Width = 320;
    public const int Height = 240;
    private const int Variants = 4;
    private const int JpegQuality = 80;

    public static IReadOnlyList<byte[]> Create(FrameKind kind, string photoPath)
    {
        using var photo = kind is FrameKind.Photo or FrameKind.Still ? LoadPhoto(photoPath) : null;
        var variants = kind == FrameKind.Still ? 2 * Variants : Variants;
        var frames = new List<byte[]>(variants);
        for (var variant = 0; variant < variants; variant++)
        {
            using var surface = SKSurface.Create(new SKImageInfo(Width, Height)) ?? throw new InvalidOperationException("SkiaSharp could not create a surface.");
            var canvas = surface.Canvas;
            switch (kind)
            {
                case FrameKind.Photo:
                    DrawPhoto(canvas, photo!, variant);
                    break;
                case FrameKind.Still:
                    DrawPhoto(canvas, photo!, 0);
                    break;
                case FrameKind.Blob:
                    DrawBlob(canvas, variant);
                    break;
                default:
                    canvas.Clear(new SKColor(128, 128, (byte)(128 + variant)));
                    break;
            }

            using var image = surface.Snapshot();
            frames.Add(kind == FrameKind.Still ? NoisyJpeg(image, variant) : Jpeg(image));
        }

        return frames;
    }

    private static byte[] Jpeg(SKImage image)
    {
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, JpegQuality);
        return data.ToArray();
    }

    /// <summary>Sensor noise: every channel of every pixel moved by up to ±4 levels (seeded per variant, so runs repeat).</summary>
    private static byte[] NoisyJpeg(SKImage image, int variant)
    {
        using var bitmap = SKBitmap.FromImage(image);
        var random = new Random(variant);
        var pixels = bitmap.Pixels;
        for (var i = 0; i < pixels.Length; i++)
        {
            var p = pixels[i];
            pixels[i] = new SKColor(Jitter(p.Red, random), Jitter(p.Green, random), Jitter(p.Blue, random), p.Alpha);
        }

        bitmap.Pixels = pixels;
        using var noisy = SKImage.FromBitmap(bitmap);
        return Jpeg(noisy);
    }

    private static byte Jitter(byte value, Random random) => (byte)Math.Clamp(value + random.Next(-4, 5), 0, 255);

    private static SKImage LoadPhoto(string path)
    {
        using var bitmap = SKBitmap.Decode(path) ?? throw new InvalidOperationException($"Cannot decode the photo '{path}'.");
        return SKImage.FromBitmap(bitmap);
    }

    /// <summary>
    /// The astronaut photo is 512×512 with the face in the upper middle: a 320×240 window around it at
    /// full scale looks like a student at a laptop camera.
    /// </summary>
    private static void DrawPhoto(SKCanvas canvas, SKImage photo, int variant)
    {
        var scale = photo.Width / 512f;
        var source = SKRect.Create((80 + (variant * 3)) * scale, variant * 2 * scale, Width * scale, Height * scale);
        canvas.DrawImage(photo, source, SKRect.Create(Width, Height), new SKSamplingOptions(SKFilterMode.Linear));
    }

    private static void DrawBlob(SKCanvas canvas, int variant)
    {
        canvas.Clear(new SKColor(150, 150, 145));
        using var paint = new SKPaint { IsAntialias = true };
        var cx = (Width / 2f) + (variant * 2);
        var cy = 110f + variant;
        paint.Color = new SKColor(60, 45, 35);
        canvas.DrawOval(cx, cy - 20, 62, 70, paint);
        paint.Color = new SKColor(224, 172, 140);
        canvas.DrawOval(cx, cy, 52, 66, paint);
        paint.Color = new SKColor(40, 30, 30);
        canvas.DrawCircle(cx - 20, cy - 12, 6, paint);
        canvas.DrawCircle(cx + 20, cy - 12, 6, paint);
        paint.Color = new SKColor(170, 80, 80);
        canvas.DrawOval(cx, cy + 30, 16, 6, paint);
        paint.Color = new SKColor(60, 90, 150);
        canvas.DrawRect(cx - 90, cy + 70, 180, Height - cy - 70, paint);
    }
}
