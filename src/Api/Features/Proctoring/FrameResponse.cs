using ProctorWise.Grains.Interfaces.Vision;

namespace ProctorWise.Api.Features.Proctoring;

/// <summary>What the server saw in a frame (docs/API.md §6: <c>{faces, objects, checks}</c>).</summary>
/// <param name="Faces">Detected faces with boxes, scores, keypoints and the head-turn proxy.</param>
/// <param name="Objects">Forbidden objects, when the object check ran.</param>
/// <param name="Checks">Each check and whether it ran (<c>ok</c>, <c>unavailable</c>, <c>skipped</c> under load, or <c>unchanged</c>: near-identical to the last analysed frame, not analysed).</param>
public sealed record FrameResponse(IReadOnlyList<FaceDetection> Faces, IReadOnlyList<DetectedObject> Objects, IReadOnlyDictionary<string, CheckStatus> Checks)
{
    /// <summary>The response for an analysis.</summary>
    public static FrameResponse From(FrameAnalysis analysis) =>
        new(analysis.Faces, analysis.Objects, new Dictionary<string, CheckStatus> { ["face"] = analysis.FaceCheck, ["objects"] = analysis.ObjectCheck });
}
