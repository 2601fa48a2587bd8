using ProctorWise.Grains.Interfaces.Vision;

namespace ProctorWise.Grains.Ports;

/// <summary>
/// Vision on one frame, implemented in Silo with ONNX Runtime. Implementations run inference off the
/// Orleans scheduler and report a missing model as <see cref="CheckStatus.Unavailable"/>, never a fake result.
/// </summary>
public interface IFrameAnalyzer
{
    /// <summary>Which checks can run, and why not.</summary>
    VisionStatus Status { get; }

    /// <summary>
    /// Analyses an image; throws a validation error for bytes that are not a decodable image. When the workers are so
    /// far behind that the frame would wait longer than its urgency allows, returns at once with the checks
    /// <see cref="CheckStatus.Skipped"/> (shed).
    /// </summary>
    Task<FrameAnalysis> AnalyzeAsync(ReadOnlyMemory<byte> image, FrameUrgency urgency, CancellationToken cancellationToken = default);

    /// <summary>
    /// A <see cref="FrameThumbnail"/> of an image, made on the calling thread at a small fraction of an analysis's
    /// cost (a JPEG is decoded at its coarsest scale only); null for bytes that are not a decodable image (the
    /// analysis then reports them).
    /// </summary>
    FrameThumbnail? Thumbnail(ReadOnlySpan<byte> image);
}
