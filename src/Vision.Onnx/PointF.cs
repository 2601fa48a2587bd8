namespace ProctorWise.Vision.Onnx;

/// <summary>A point (normalised model coordinates or image pixels, as the producer states).</summary>
internal readonly record struct PointF(float X, float Y);
