using ProctorWise.TestSupport;
using ProctorWise.Vision.Onnx;

namespace ProctorWise.Benchmarks.Vision;

/// <summary>Face counts of BlazeFace and the Haar cascade on the test photos, against the true counts.</summary>
internal static class RecallReport
{
    public static void Print(TextWriter output)
    {
        var photos = new (string Name, byte[] Jpeg, int Faces)[]
        {
            ("astronaut.png (frontal)", TestFrames.Astronaut, 1),
            ("messi5.jpg (small, turned)", TestFrames.Messi, 1),
            ("two astronauts side by side", TestFrames.TwoFaces(), 2),
            ("320×240 webcam frame with a face", TestFrames.WebcamWithFace, 1),
            ("320×240 empty grey frame", TestFrames.WebcamEmpty, 0),
        };
        using var blazeFace = new BlazeFaceDetector(File.ReadAllBytes(BenchmarkModels.Face), new VisionOptions());
        using var haar = new HaarFaceDetector(BenchmarkModels.HaarCascade);
        output.WriteLine("| photo | faces | BlazeFace | Haar cascade |");
        output.WriteLine("|---|---|---|---|");
        int blazeFound = 0, haarFound = 0, truth = 0, blazeExtra = 0, haarExtra = 0;
        foreach (var (name, jpeg, faces) in photos)
        {
            using var image = ImageCanvas.Decode(jpeg);
            var b = blazeFace.Detect(image).Count;
            var h = haar.CountFaces(jpeg);
            truth += faces;
            blazeFound += Math.Min(b, faces);
            haarFound += Math.Min(h, faces);
            blazeExtra += Math.Max(0, b - faces);
            haarExtra += Math.Max(0, h - faces);
            output.WriteLine($"| {name} | {faces} | {b} | {h} |");
        }

        output.WriteLine($"| **recall / false positives** | {truth} | {blazeFound}/{truth}, {blazeExtra} extra | {haarFound}/{truth}, {haarExtra} extra |");
    }
}
