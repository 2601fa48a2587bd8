using ProctorWise.Grains.Interfaces.Vision;
using ProctorWise.TestSupport;
using SkiaSharp;

namespace ProctorWise.Vision.Onnx.Tests;

/// <summary>The 32 × 24 grey thumbnails from the JPEG's coarsest scale that unchanged-frame skipping compares.</summary>
public sealed class FrameThumbnailsTests
{
    private static double MeanDifference(FrameThumbnail a, FrameThumbnail b) => a.Luma.Zip(b.Luma, (x, y) => Math.Abs(x - y)).Average();

    [Fact]
    public void AWebcamFrameGivesAThumbnailOfItsBrightness()
    {
        var face = FrameThumbnails.Create(TestFrames.WebcamWithFace)!;
        var grey = FrameThumbnails.Create(TestFrames.Blank())!;
        Assert.Equal(FrameThumbnail.Cells, face.Luma.Length);

        // A uniform grey (128) frame is grey in every cell; the face frame has structure.
        Assert.All(grey.Luma, v => Assert.InRange(v, 124, 132));
        Assert.True(face.Luma.Max() - face.Luma.Min() > 60);
        Assert.True(MeanDifference(face, grey) > 10);
    }

    [Fact]
    public void TheSameSceneEncodedAgainIsNearlyTheSameAndAMovedFaceIsNot()
    {
        using var photo = TestFrames.Load("astronaut.png");
        byte[] Frame(int shift, int quality)
        {
            using var surface = SKSurface.Create(new SKImageInfo(320, 240));
            surface.Canvas.Clear(new SKColor(120, 120, 120));
            surface.Canvas.DrawImage(photo, SKRect.Create(40 + shift, 0, 240, 240), new SKSamplingOptions(SKFilterMode.Linear));
            using var image = surface.Snapshot();
            using var data = image.Encode(SKEncodedImageFormat.Jpeg, quality);
            return data.ToArray();
        }

        var reference = FrameThumbnails.Create(Frame(0, 85))!;
        Assert.True(MeanDifference(reference, FrameThumbnails.Create(Frame(0, 60))!) < 2);
        Assert.True(MeanDifference(reference, FrameThumbnails.Create(Frame(60, 85))!) > 10);
    }

    [Fact]
    public void PngIsThumbnailedAndBytesThatAreNoImageAreNot()
    {
        Assert.NotNull(FrameThumbnails.Create(File.ReadAllBytes(RepositoryPaths.Photo("astronaut.png"))));
        Assert.Null(FrameThumbnails.Create([0xFF, 0xD8, 0xFF, 0x00, 0x01]));
        Assert.Null(FrameThumbnails.Create(TestFrames.Blank(16, 16)));
    }
}
