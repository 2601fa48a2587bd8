namespace ProctorWise.Grains.Interfaces.Vision;

/// <summary>A landmark in pixels of the analysed image.</summary>
/// <param name="X">Horizontal position.</param>
/// <param name="Y">Vertical position.</param>
[GenerateSerializer, Immutable, Alias("pw.keypoint")]
public sealed record class Keypoint(float X, float Y);
