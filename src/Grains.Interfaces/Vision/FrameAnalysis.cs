namespace ProctorWise.Grains.Interfaces.Vision;

/// <summary>What the vision models saw in one webcam frame.</summary>
/// <param name="Width">Image width in pixels.</param>
/// <param name="Height">Image height in pixels.</param>
/// <param name="Faces">Detected faces, best first.</param>
/// <param name="Objects">Forbidden objects (empty when the object check is unavailable).</param>
/// <param name="FaceCheck">Whether face detection ran.</param>
/// <param name="ObjectCheck">Whether object detection ran.</param>
[GenerateSerializer, Immutable, Alias("pw.frame-analysis")]
public sealed record class FrameAnalysis(
    int Width,
    int Height,
    IReadOnlyList<FaceDetection> Faces,
    IReadOnlyList<DetectedObject> Objects,
    CheckStatus FaceCheck,
    CheckStatus ObjectCheck);
