using ProctorWise.Grains.Interfaces.Errors;
using SkiaSharp;

namespace ProctorWise.Vision.Onnx;

/// <summary>
/// Decodes images and letterboxes them into a square RGBA canvas from which model tensors are filled.
/// One per worker: it reuses its bitmap, so it is not thread-safe.
/// </summary>
internal sealed class ImageCanvas : IDisposable
{
    /// <summary>Larger images are refused: a small JPEG can still decode to gigabytes of pixels.</summary>
    public const int MaxDimension = 4096;

    private static readonly SKSamplingOptions s_sampling = new(SKFilterMode.Linear, SKMipmapMode.Linear);
    private readonly SKBitmap _bitmap;
    private readonly SKCanvas _canvas;

    public ImageCanvas(int size)
    {
        Size = size;
        _bitmap = new SKBitmap(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        _canvas = new SKCanvas(_bitmap);
    }

    public int Size { get; }

    /// <summary>Decodes JPEG (or PNG) bytes; a 400 naming the <c>image</c> for anything else.</summary>
    public static SKImage Decode(ReadOnlySpan<byte> encoded)
    {
        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(data) ?? throw ProctorWiseException.Invalid("image", "The image could not be decoded.");
        if (codec.Info.Width > MaxDimension || codec.Info.Height > MaxDimension)
        {
            throw ProctorWiseException.Invalid("image", $"At most {MaxDimension}×{MaxDimension} pixels.");
        }

        return SKImage.FromEncodedData(data) ?? throw ProctorWiseException.Invalid("image", "The image could not be decoded.");
    }

    /// <summary>Draws the image scaled to fit and centred, padding with <paramref name="padding"/>.</summary>
    public Letterbox Draw(SKImage image, SKColor padding)
    {
        var box = Letterbox.For(image.Width, image.Height, Size);
        _canvas.Clear(padding);
        _canvas.DrawImage(image, SKRect.Create(box.PadX, box.PadY, image.Width * box.Scale, image.Height * box.Scale), s_sampling);
        _canvas.Flush();
        return box;
    }

    /// <summary>NHWC RGB floats: <c>value = pixel × scale + offset</c>.</summary>
    public void FillNhwc(Span<float> tensor, float scale, float offset)
    {
        ReadOnlySpan<byte> px = _bitmap.GetPixelSpan();
        var n = Size * Size;
        for (var i = 0; i < n; i++)
        {
            tensor[3 * i] = (px[4 * i] * scale) + offset;
            tensor[(3 * i) + 1] = (px[(4 * i) + 1] * scale) + offset;
            tensor[(3 * i) + 2] = (px[(4 * i) + 2] * scale) + offset;
        }
    }

    /// <summary>NCHW RGB floats: <c>value = pixel × scale</c>.</summary>
    public void FillNchw(Span<float> tensor, float scale)
    {
        ReadOnlySpan<byte> px = _bitmap.GetPixelSpan();
        var n = Size * Size;
        for (var i = 0; i < n; i++)
        {
            tensor[i] = px[4 * i] * scale;
            tensor[n + i] = px[(4 * i) + 1] * scale;
            tensor[(2 * n) + i] = px[(4 * i) + 2] * scale;
        }
    }

    public void Dispose()
    {
        _canvas.Dispose();
        _bitmap.Dispose();
    }
}
