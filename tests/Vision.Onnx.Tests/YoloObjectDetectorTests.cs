using SkiaSharp;

namespace ProctorWise.Vision.Onnx.Tests;

/// <summary>The YOLOv8 output decoder, driven through ONNX Runtime by a synthetic model with planted boxes.</summary>
public sealed class YoloObjectDetectorTests
{
    private const int Size = 64;
    private const int Classes = 80;
    private const int Boxes = 8;

    /// <summary>A model whose output plants boxes: rows cx, cy, w, h then one score row per class.</summary>
    internal static byte[] PlantedModel()
    {
        var output = new float[(4 + Classes) * Boxes];
        void Plant(int j, float cx, float cy, float w, float h, int classId, float score)
        {
            output[j] = cx;
            output[Boxes + j] = cy;
            output[(2 * Boxes) + j] = w;
            output[(3 * Boxes) + j] = h;
            output[((4 + classId) * Boxes) + j] = score;
        }

        Plant(0, 32, 24, 10, 16, CocoClasses.CellPhone, 0.9f);
        Plant(1, 33, 25, 10, 16, CocoClasses.CellPhone, 0.7f); // overlaps the first: suppressed
        Plant(2, 12, 40, 8, 6, CocoClasses.Book, 0.8f);
        Plant(3, 50, 20, 6, 6, 16, 0.95f);                     // a dog: not watched
        Plant(4, 50, 50, 6, 6, CocoClasses.Laptop, 0.3f);       // below the threshold
        return OnnxModelBuilder.ConstantOutput("images", [1, 3, Size, Size], "output0", [1, 4 + Classes, Boxes], output);
    }

    [Fact]
    public void PlantedBoxesAreDecodedMappedBackAndFiltered()
    {
        using var detector = new YoloObjectDetector(PlantedModel(), threshold: 0.5f);
        using var surface = SKSurface.Create(new SKImageInfo(128, 64));
        using var image = surface.Snapshot();

        var found = detector.Detect(image);

        Assert.Equal(["cell phone", "book"], found.Select(o => o.Label));
        // 128×64 into 64×64: scale 0.5, 16 px of padding above and below.
        var phone = found[0];
        Assert.Equal(0.9f, phone.Score, 3);
        Assert.Equal((32 - 5) / 0.5f, phone.Box.X, 2);
        Assert.Equal((24 - 8 - 16) / 0.5f, phone.Box.Y, 2);
        Assert.Equal(20f, phone.Box.Width, 2);
        Assert.Equal(32f, phone.Box.Height, 2);
        Assert.Equal(CocoClasses.Book, found[1].ClassId);
    }

    [Fact]
    public void AModelOfAnotherShapeIsRefusedWithTheReason()
    {
        var wrong = OnnxModelBuilder.ConstantOutput("images", [1, 3, Size, Size], "output0", [1, 3], new float[3]);
        var error = Assert.Throws<InvalidDataException>(() => new YoloObjectDetector(wrong, 0.5f));
        Assert.Contains("[1,4+classes,N]", error.Message, StringComparison.Ordinal);
    }
}
