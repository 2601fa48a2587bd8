using ProctorWise.Grains.Interfaces.Errors;
using ProctorWise.TestSupport;
using SkiaSharp;

namespace ProctorWise.Vision.Onnx.Tests;

/// <summary>The face model on real photos: exact counts, boxes where the faces are, a usable yaw proxy.</summary>
public sealed class BlazeFaceDetectorTests : IDisposable
{
    private readonly BlazeFaceDetector _detector = new(File.ReadAllBytes(RepositoryPaths.FaceModel), new VisionOptions());

    private IReadOnlyList<Grains.Interfaces.Vision.FaceDetection> Detect(byte[] jpeg)
    {
        using var image = ImageCanvas.Decode(jpeg);
        return _detector.Detect(image);
    }

    [Fact]
    public void TheAstronautPhotoHasOneFrontalFace()
    {
        var face = Assert.Single(Detect(TestFrames.Astronaut));
        Assert.InRange(face.Score, 0.8f, 1f);
        Assert.InRange(face.Box.X, 160, 190);
        Assert.InRange(face.Box.Y, 60, 90);
        Assert.InRange(face.Box.Width, 90, 120);
        Assert.Equal(6, face.Keypoints.Count);
        Assert.InRange(Math.Abs(face.Yaw), 0, 0.08f);
    }

    [Fact]
    public void MessisSmallTurnedFaceIsFoundAndReadsAsTurned()
    {
        var face = Assert.Single(Detect(TestFrames.Messi));
        Assert.InRange(face.Box.X, 210, 235);
        Assert.InRange(face.Box.Width, 25, 50);
        Assert.InRange(Math.Abs(face.Yaw), 0.12f, 0.4f);
    }

    [Fact]
    public void ATileOfTwoPhotosHasTwoFaces() => Assert.Equal(2, Detect(TestFrames.TwoFaces()).Count);

    [Fact]
    public void ABlankFrameHasNoFace() => Assert.Empty(Detect(TestFrames.Blank()));

    [Fact]
    public void AWebcamSizedFrameKeepsItsFace() => Assert.Single(Detect(TestFrames.WebcamWithFace));

    [Fact]
    public void MirroringFlipsTheYawSign()
    {
        using var messi = SKImage.FromEncodedData(TestFrames.Messi);
        using var surface = SKSurface.Create(new SKImageInfo(messi.Width, messi.Height));
        surface.Canvas.Scale(-1, 1, messi.Width / 2f, 0);
        surface.Canvas.DrawImage(messi, 0, 0);
        using var mirrored = surface.Snapshot();
        var original = Assert.Single(Detect(TestFrames.Messi)).Yaw;
        var flipped = Assert.Single(Detect(TestFrames.Jpeg(mirrored))).Yaw;
        Assert.True(Math.Sign(original) == -Math.Sign(flipped), $"{original} vs {flipped}");
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A })]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61 })]
    public void CorruptOrEmptyBytesAreAValidationError(byte[] bytes) =>
        Assert.Equal(ErrorKind.Validation, Assert.Throws<ProctorWiseException>(() => ImageCanvas.Decode(bytes)).Kind);

    [Fact]
    public void HugeDimensionsAreRefusedBeforeDecoding()
    {
        using var surface = SKSurface.Create(new SKImageInfo(ImageCanvas.MaxDimension + 1, 8));
        using var wide = surface.Snapshot();
        var error = Assert.Throws<ProctorWiseException>(() => ImageCanvas.Decode(TestFrames.Jpeg(wide)));
        Assert.Contains("image", error.Errors!.Keys);
    }

    public void Dispose() => _detector.Dispose();
}
