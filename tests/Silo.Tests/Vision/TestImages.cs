using ProctorWise.TestSupport;
using SkiaSharp;

namespace ProctorWise.Silo.Tests.Vision;

/// <summary>The test photos as JPEG bytes, and images the tests compose from them.</summary>
internal static class TestImages
{
    public static byte[] Astronaut => Jpeg(Load("astronaut.png"));

    public static byte[] Messi => File.ReadAllBytes(RepositoryPaths.Photo("messi5.jpg"));

    /// <summary>Two astronauts side by side: two faces.</summary>
    public static byte[] TwoFaces()
    {
        using var one = Load("astronaut.png");
        using var surface = SKSurface.Create(new SKImageInfo(one.Width * 2, one.Height));
        surface.Canvas.DrawImage(one, 0, 0);
        surface.Canvas.DrawImage(one, one.Width, 0);
        using var tile = surface.Snapshot();
        return Jpeg(tile);
    }

    /// <summary>A uniform grey frame: no face.</summary>
    public static byte[] Blank(int width = 320, int height = 240)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        surface.Canvas.Clear(new SKColor(128, 128, 128));
        using var image = surface.Snapshot();
        return Jpeg(image);
    }

    /// <summary>A webcam-sized frame (≈ 320×240) of the astronaut.</summary>
    public static byte[] WebcamFrame()
    {
        using var source = Load("astronaut.png");
        using var surface = SKSurface.Create(new SKImageInfo(320, 240));
        surface.Canvas.Clear(SKColors.Black);
        surface.Canvas.DrawImage(source, SKRect.Create(40, 0, 240, 240), new SKSamplingOptions(SKFilterMode.Linear));
        using var image = surface.Snapshot();
        return Jpeg(image);
    }

    public static SKImage Load(string name) => SKImage.FromEncodedData(RepositoryPaths.Photo(name))!;

    public static byte[] Jpeg(SKImage image)
    {
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }
}
