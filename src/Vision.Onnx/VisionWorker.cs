using ProctorWise.Grains.Interfaces.Vision;
using SkiaSharp;

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

    /// <summary>
    /// Runs the models once on a blank frame. ONNX Runtime's first run on a session allocates its memory arena and
    /// plans the graph, many times a normal run: without this the first frames after a silo starts — all at once at
    /// an exam's start, or on a silo that just scaled out — would find the workers slow and be shed.
    /// </summary>
    public void WarmUp()
    {
        using var surface = SKSurface.Create(new SKImageInfo(320, 240)) ?? throw new InvalidOperationException("SkiaSharp could not create a 320×240 surface.");
        surface.Canvas.Clear(SKColors.Gray);
        using var blank = surface.Snapshot();
        faces.Detect(blank);
        objects?.Detect(blank);
    }

    public void Dispose()
    {
        faces.Dispose();
        objects?.Dispose();
    }
}
