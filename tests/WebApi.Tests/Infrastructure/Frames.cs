using System.Net.Http.Headers;
using ProctorWise.TestSupport;
using SkiaSharp;

namespace ProctorWise.WebApi.Tests.Infrastructure;

/// <summary>Webcam-like JPEG frames for the frame endpoint.</summary>
public static class Frames
{
    private static readonly Lazy<byte[]> s_face = new(() => Compose(withFace: true));
    private static readonly Lazy<byte[]> s_empty = new(() => Compose(withFace: false));

    /// <summary>A 320×240 frame with one face (the astronaut photo).</summary>
    public static byte[] WithFace => s_face.Value;

    /// <summary>A 320×240 frame of an empty grey room.</summary>
    public static byte[] Empty => s_empty.Value;

    public static ByteArrayContent Content(byte[] bytes, string contentType = "image/jpeg")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return content;
    }

    private static byte[] Compose(bool withFace)
    {
        using var surface = SKSurface.Create(new SKImageInfo(320, 240));
        surface.Canvas.Clear(new SKColor(120, 120, 120));
        if (withFace)
        {
            using var photo = SKImage.FromEncodedData(RepositoryPaths.Photo("astronaut.png"));
            surface.Canvas.DrawImage(photo, SKRect.Create(40, 0, 240, 240), new SKSamplingOptions(SKFilterMode.Linear));
        }

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 80);
        return data.ToArray();
    }
}
