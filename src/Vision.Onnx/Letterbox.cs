namespace ProctorWise.Vision.Onnx;

/// <summary>How an image was placed in a square model input: scale, then centred with padding.</summary>
internal readonly record struct Letterbox(int SourceWidth, int SourceHeight, int TargetSize, float Scale, float PadX, float PadY)
{
    public static Letterbox For(int width, int height, int size)
    {
        var scale = Math.Min((float)size / width, (float)size / height);
        return new Letterbox(width, height, size, scale, (size - (width * scale)) / 2f, (size - (height * scale)) / 2f);
    }

    /// <summary>Model-input pixels to original image pixels.</summary>
    public PointF ToSource(PointF inputPixels) => new((inputPixels.X - PadX) / Scale, (inputPixels.Y - PadY) / Scale);

    /// <summary>A model-input box to an original-image box, clamped to the image.</summary>
    public BoxF ToSource(BoxF inputPixels)
    {
        var topLeft = ToSource(new PointF(inputPixels.X, inputPixels.Y));
        var bottomRight = ToSource(new PointF(inputPixels.Right, inputPixels.Bottom));
        var x0 = Math.Clamp(topLeft.X, 0, SourceWidth);
        var y0 = Math.Clamp(topLeft.Y, 0, SourceHeight);
        var x1 = Math.Clamp(bottomRight.X, 0, SourceWidth);
        var y1 = Math.Clamp(bottomRight.Y, 0, SourceHeight);
        return new BoxF(x0, y0, x1 - x0, y1 - y0);
    }
}
