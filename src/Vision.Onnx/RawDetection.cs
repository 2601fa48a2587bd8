namespace ProctorWise.Vision.Onnx;

/// <summary>A candidate detection: score, box, landmarks (none for objects) and class (faces: 0).</summary>
internal sealed record RawDetection(float Score, BoxF Box, PointF[] Keypoints, int ClassId = 0);
