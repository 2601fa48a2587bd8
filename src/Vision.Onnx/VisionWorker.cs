using ProctorWise.Grains.Interfaces.Vision;

namespace ProctorWise.Vision.Onnx;

/// <summary>One worker's detectors (each owns a model session and buffers).</summary>
internal sealed class VisionWorker(BlazeFaceDetector faces, YoloObjectDetector? objects) : IDisposable
{
    public FrameAnalysis Analyze(ReadOnlySpan<byte> image)
    {
        using var decoded = ImageCanvas.Decode(image);
        var detectedFaces = faces.Detect(decoded);
        var detectedObjects = objects?.Detect(decoded) ?? [];
        return new FrameAnalysis(
            decoded.Width, decoded.Height, detectedFaces, detectedObjects, CheckStatus.Ok,
            objects is null ? CheckStatus.Unavailable : CheckStatus.Ok);
    }

    public void Dispose()
    {
        faces.Dispose();
        objects?.Dispose();
    }
}
