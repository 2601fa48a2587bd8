using System.Net.Http.Headers;

namespace ProctorWise.TestSupport.Web;

/// <summary>A request body for the frame endpoint.</summary>
public static class FrameContent
{
    public static ByteArrayContent Of(byte[] bytes, string contentType = "image/jpeg")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return content;
    }
}
