using SkiaSharp;

namespace ProctorWise.TestSupport;

/// <summary>JPEG images for vision tests and benchmarks, made from the Debian test photos.</summary>
public static class TestFrames
{
    private static readonly Lazy<byte[]> s_webcamFace = new(() => Webcam(withFace: true));
    private static readonly Lazy<byte[]> s_webcamEmpty = new(() => Webcam(withFace: false));

    /// <summary>astronaut.png as JPEG: one frontal face.</summary>
    public static byte[] Astronaut => Jpeg(Load("astronaut.png"));

    /// <summary>messi5.jpg: one small, turned face.</summary>
    public static byte[] Messi => File.ReadAllBytes(RepositoryPaths.Photo("messi5.jpg"));

    /// <summary>A 320×240 webcam-like frame with the astronaut's face.</summary>
    public static byte[] WebcamWithFace => s_webcamFace.Value;

    /// <summary>A 320×240 frame of an empty grey room.</summary>
    public static byte[] WebcamEmpty => s_webcamEmpty.Value;

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

    /// <summary>A uniform grey image: no face.</summary>
    public static byte[] Blank(int width = 320, int height = 240)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        surface.Canvas.Clear(new SKColor(128, 128, 128));
        using var image = surface.Snapshot();
        return Jpeg(image);
    }

    /// <summary>Decodes a test photo.</summary>
    public static SKImage Load(string name) => SKImage.FromEncodedData(RepositoryPaths.Photo(name))!;

    /// <summary>Encodes an image as JPEG (quality 85).</summary>
    public static byte[] Jpeg(SKImage image)
    {
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }

    private static byte[] Webcam(bool withFace)
    {
        using var surface = SKSurface.Create(new SKImageInfo(320, 240));
        surface.Canvas.Clear(new SKColor(120, 120, 120));
        if (withFace)
        {
            using var photo = Load("astronaut.png");
            surface.Canvas.DrawImage(photo, SKRect.Create(40, 0, 240, 240), new SKSamplingOptions(SKFilterMode.Linear));
        }

        using var image = surface.Snapshot();
        return Jpeg(image);
    }
}
