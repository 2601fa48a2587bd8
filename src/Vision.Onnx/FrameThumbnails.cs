using System.Buffers;
using ProctorWise.Grains.Interfaces.Vision;
using SkiaSharp;

namespace ProctorWise.Vision.Onnx;

/// <summary>
/// Makes <see cref="FrameThumbnail"/>s. A JPEG is decoded at 1/8 scale, where libjpeg-turbo keeps only each 8 × 8
/// block's DC coefficient and skips the inverse transform of the rest, then averaged into 32 × 24 grey cells: for a
/// 320 × 240 webcam frame that is a 40 × 30 decode, a small fraction of a full decode and far below an inference.
/// Thread-safe; the pixel buffer comes from <see cref="ArrayPool{T}"/>.
/// </summary>
internal static class FrameThumbnails
{
    private static readonly float[] s_scales = [0.125f, 0.25f, 0.5f, 1f];

    public static unsafe FrameThumbnail? Create(ReadOnlySpan<byte> image)
    {
        using var data = SKData.CreateCopy(image);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.Info.Width is < FrameThumbnail.Width or > ImageCanvas.MaxDimension
            || codec.Info.Height is < FrameThumbnail.Height or > ImageCanvas.MaxDimension)
        {
            return null;
        }

        // The coarsest scale the codec offers that still gives each cell a pixel (PNG offers only 1).
        var size = s_scales.Select(codec.GetScaledDimensions).First(s => s.Width >= FrameThumbnail.Width && s.Height >= FrameThumbnail.Height);
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var buffer = ArrayPool<byte>.Shared.Rent(info.BytesSize);
        try
        {
            SKCodecResult result;
            fixed (byte* pixels = buffer)
            {
                result = codec.GetPixels(info, (IntPtr)pixels);
            }

            // A truncated JPEG decodes partly (the rest grey): good enough to compare, and the analysis judges the image.
            return result is SKCodecResult.Success or SKCodecResult.IncompleteInput ? Average(buffer, size.Width, size.Height) : null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Averages RGBA pixels into the thumbnail's grey cells (BT.601 luma).</summary>
    internal static FrameThumbnail Average(ReadOnlySpan<byte> rgba, int width, int height)
    {
        Span<int> sums = stackalloc int[FrameThumbnail.Cells];
        Span<int> counts = stackalloc int[FrameThumbnail.Cells];
        sums.Clear();
        counts.Clear();
        for (var y = 0; y < height; y++)
        {
            var row = y * FrameThumbnail.Height / height * FrameThumbnail.Width;
            for (var x = 0; x < width; x++)
            {
                var p = 4 * ((y * width) + x);
                var cell = row + (x * FrameThumbnail.Width / width);
                sums[cell] += ((77 * rgba[p]) + (150 * rgba[p + 1]) + (29 * rgba[p + 2])) >> 8;
                counts[cell]++;
            }
        }

        var luma = new byte[FrameThumbnail.Cells];
        for (var i = 0; i < luma.Length; i++)
        {
            luma[i] = (byte)(sums[i] / Math.Max(1, counts[i]));
        }

        return new FrameThumbnail(luma);
    }
}
