namespace ProctorWise.Grains.Interfaces.Vision;

/// <summary>A rectangle in pixels of the analysed image (origin top-left).</summary>
/// <param name="X">Left edge.</param>
/// <param name="Y">Top edge.</param>
/// <param name="Width">Width.</param>
/// <param name="Height">Height.</param>
[GenerateSerializer, Immutable, Alias("pw.bounding-box")]
public sealed record class BoundingBox(float X, float Y, float Width, float Height);
