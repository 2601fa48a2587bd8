namespace ProctorWise.Vision.Onnx;

/// <summary>An axis-aligned box: top-left corner and size.</summary>
internal readonly record struct BoxF(float X, float Y, float Width, float Height)
{
    public float Right => X + Width;

    public float Bottom => Y + Height;

    public float Area => Math.Max(0, Width) * Math.Max(0, Height);

    /// <summary>Intersection over union.</summary>
    public static float IoU(in BoxF a, in BoxF b)
    {
        var ix = Math.Max(0, Math.Min(a.Right, b.Right) - Math.Max(a.X, b.X));
        var iy = Math.Max(0, Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Y, b.Y));
        var intersection = ix * iy;
        var union = a.Area + b.Area - intersection;
        return union <= 0 ? 0 : intersection / union;
    }
}
